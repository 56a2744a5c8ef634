// The README's pictures: every one it shows exists, every one public/ ships is
// shown, and each stays small, as public/ is deployed with the site.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_BYTES_LIMIT } from '../../.config/bundleBudget.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const shown = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^[a-z]+:/.test(src));
const shipped = readdirSync('public/screenshots').map((name) => `public/screenshots/${name}`);

describe('README images', () => {
  it('shows pictures, each of a file that exists', () => {
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((src) => !shipped.includes(src) && !statSync(src, { throwIfNoEntry: false })?.isFile())).toEqual([]);
  });

  it('ships no screenshot it does not show', () => {
    expect(shipped.filter((file) => !shown.includes(file))).toEqual([]);
  });

  it(`keeps each screenshot under ${SCREENSHOT_BYTES_LIMIT / 1000} KB`, () => {
    const large = shipped.map((file) => ({ file, bytes: statSync(file).size })).filter((f) => f.bytes > SCREENSHOT_BYTES_LIMIT);
    expect(large).toEqual([]);
  });
});
