import { describe, expect, it } from 'vitest';
import { loadPart, PartLoadError } from '../../../src/panels/shared/lazyPart.ts';

describe('loadPart', () => {
  it('gives what the import gives', async () => {
    await expect(loadPart('the thing', async () => ({ answer: 42 }))).resolves.toEqual({ answer: 42 });
  });

  it('turns a failed fetch into a sentence naming the part, keeping the browser’s error as its cause', async () => {
    const fetchError = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/x-abc.js');
    const failed = await loadPart('the zoom code', () => Promise.reject(fetchError)).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(PartLoadError);
    expect((failed as PartLoadError).message).toBe('the zoom code could not be loaded; check the connection and reload the page');
    expect((failed as PartLoadError).cause).toBe(fetchError);
  });
});
