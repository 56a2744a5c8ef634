import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/help.ts';
import { wrap } from '../../src/cli/wrap.ts';
import { DEFAULT_SETTINGS, SETTING_SPECS } from '../../src/core/settings.ts';
import { formatSetting } from '../../src/core/settingsText.ts';

describe('helpText', () => {
  const text = helpText();

  it('documents every setting with its meaning, range and default', () => {
    for (const spec of SETTING_SPECS) {
      expect(text, spec.name).toMatch(new RegExp(`^  --${spec.name}\\b`, 'm'));
      // The meaning and range are wrapped across lines; compare without line breaks.
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, spec.name).toContain(spec.meaning.replace(/\s+/g, ' '));
      expect(flat, spec.name).toContain(`allowed: ${spec.allowed}`);
      const value = DEFAULT_SETTINGS[spec.name];
      const shown = typeof value === 'boolean' ? (value ? 'on' : 'off') : formatSetting(spec.name, value);
      expect(flat, spec.name).toContain(`default: ${shown}`);
    }
  });

  it('documents the output modes, divergence and exit statuses', () => {
    for (const flag of ['--json', '--csv', '--pytorch', '--help']) expect(text).toContain(flag);
    expect(text).toMatch(/Divergence:/);
    expect(text).toMatch(/^ {2}2 {2}a bad flag/m);
  });

  it('keeps lines within a terminal width', () => {
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(90);
  });
});

describe('wrap', () => {
  it('keeps every word, in order, within the width', () => {
    const words = 'the quick brown fox jumps over the lazy dog '.repeat(5).trim();
    const lines = wrap(words, '  ', 20);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(words);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
  });
});
