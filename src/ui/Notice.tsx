// Problems found in a link or an edit, shown as text (never as markup) until dismissed.
import type { Problem } from '../core/parseSettings.ts';

export interface NoticeProps {
  title: string;
  problems: readonly Problem[];
  onDismiss(): void;
}

export function Notice({ title, problems, onDismiss }: NoticeProps) {
  if (!problems.length) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <div className="notice-body">
        <strong>{title}</strong>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      </div>
      <button type="button" aria-label="Dismiss notice" data-testid="dismiss-notice" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
