import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsTableMarkdown } from './settingsTable.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the two set-up commands a newcomer runs', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });

  it('has the settings table exactly as the settings definition says', () => {
    expect(readme).toContain(settingsTableMarkdown());
  });
});
