// A text field that keeps what the user typed, applies it when valid and
// shows why when not. The draft follows outside changes (URL, reset, presets)
// unless the user is midway through an invalid entry.
import { useState } from 'react';
import { formatSetting } from '../core/settingsText.ts';
import type { SettingName, Settings } from '../core/settings.ts';
import { applyField } from './fieldEdit.ts';

export interface FieldDraft {
  text: string;
  error: string | null;
  note: string | null;
  onText(text: string): void;
}

export function useFieldDraft(name: SettingName, settings: Settings, onChange: (next: Settings) => void): FieldDraft {
  const current = formatSetting(name, settings[name]);
  const [draft, setDraft] = useState<{ text: string; error: string | null; note: string | null; shown: string }>({
    text: current,
    error: null,
    note: null,
    shown: current,
  });
  // The settings changed from elsewhere: show the new value (React's "adjust state during render" pattern).
  if (draft.shown !== current && draft.error === null) {
    setDraft({ text: current, error: null, note: draft.note, shown: current });
  }
  const onText = (text: string) => {
    const edit = applyField(settings, name, text);
    if (edit.ok) {
      setDraft({ text, error: null, note: edit.note, shown: formatSetting(name, edit.settings[name]) });
      onChange(edit.settings);
    } else {
      setDraft({ text, error: edit.reason, note: null, shown: current });
    }
  };
  return { ...draft, onText };
}
