// Switches the presentation view, for a projector: large type, thick lines,
// the settings out of the way. The view is in the link (present=1), so a
// prepared lecture opens in it.
export interface PresentButtonProps {
  present: boolean;
  onChange(present: boolean): void;
}

export function PresentButton({ present, onChange }: PresentButtonProps) {
  return (
    <button
      type="button"
      data-testid="present"
      aria-pressed={present}
      title={present ? 'Back to the full page with every setting' : 'Large type and thick lines for a projector; the settings are hidden'}
      onClick={() => onChange(!present)}
    >
      {present ? 'Exit presentation' : 'Present'}
    </button>
  );
}
