// One setting as a labelled control, generated from its spec.
import { useId } from 'react';
import { SETTING_SPECS, type SettingName, type Settings } from '../core/settings.ts';
import { SETTING_LABELS } from './labels.ts';
import { useFieldDraft } from './useFieldDraft.ts';

export interface SettingFieldProps {
  name: SettingName;
  settings: Settings;
  onChange(next: Settings): void;
  /** Extra controls after the input (quick choices, "new seed"). */
  children?: React.ReactNode;
}

const SPEC_BY_NAME = new Map(SETTING_SPECS.map((s) => [s.name, s]));

export function SettingField({ name, settings, onChange, children }: SettingFieldProps) {
  const spec = SPEC_BY_NAME.get(name)!;
  const draft = useFieldDraft(name, settings, onChange);
  const id = useId();
  const errorId = `${id}-error`;
  const label = SETTING_LABELS[name];
  let control: React.ReactNode;
  if (spec.kind === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        data-testid={`setting-${name}`}
        checked={settings[name] as boolean}
        onChange={(e) => draft.onText(e.target.checked ? '1' : '0')}
      />
    );
  } else if (spec.kind === 'choice') {
    control = (
      <select id={id} data-testid={`setting-${name}`} value={String(settings[name])} onChange={(e) => draft.onText(e.target.value)}>
        {spec.choices!.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        type="text"
        inputMode={spec.kind === 'pair' ? 'text' : 'decimal'}
        spellCheck={false}
        autoComplete="off"
        data-testid={`setting-${name}`}
        value={draft.text}
        aria-invalid={draft.error !== null}
        aria-describedby={draft.error ? errorId : undefined}
        onChange={(e) => draft.onText(e.target.value)}
      />
    );
  }
  return (
    <div className={`field field-${spec.kind}${draft.error ? ' invalid' : ''}`} title={spec.meaning}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        {control}
        {children}
      </div>
      {draft.error && (
        <div className="field-error" id={errorId} role="status" data-testid={`error-${name}`}>
          {draft.error}
        </div>
      )}
      {draft.note && <div className="field-note">{draft.note}</div>}
    </div>
  );
}
