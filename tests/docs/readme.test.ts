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

describe('README CLI example', () => {
  it('shows exactly what the command prints', async () => {
    const { execFileSync } = await import('node:child_process');
    const block = readme.split('<!-- cli-example')[1].split('```text\n')[1].split('\n```')[0];
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--n', '10000', '--b', '32', '--shuffle', 'epoch', '--epochs', '5', '--seed', '7'],
      { encoding: 'utf8' },
    );
    expect(printed.trimEnd()).toBe(block);
  });
});

describe('README questions', () => {
  it('lists every guided question with the same link the page uses', async () => {
    const { QUESTIONS } = await import('../../src/app/questions.ts');
    for (const q of QUESTIONS) expect(readme).toContain(`[${q.title}](http://localhost:5173/${q.link})** — ${q.explanation}\n`);
  });
});
