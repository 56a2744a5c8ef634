import { describe, expect, it } from 'vitest';
import { MAX_CLI_EXAMPLE_GRADIENTS, MAX_CLI_TOTAL_STEPS, exampleGradients, runTooLarge } from '../../src/cli/limits.ts';
import { DEFAULT_SETTINGS, createSchedule } from '../../src/core/index.ts';
import type { Settings } from '../../src/core/index.ts';

function check(changes: Partial<Settings>): string | null {
  const settings = { ...DEFAULT_SETTINGS, ...changes };
  return runTooLarge(settings, createSchedule(settings));
}

describe('runTooLarge', () => {
  it('lets ordinary runs through, up to the step limit itself', () => {
    expect(check({})).toBeNull();
    // 1,000,000 one-example steps × 1,000 epochs is exactly the limit.
    expect(check({ n: 1_000_000, b: 1, epochs: 1000 })).toBeNull();
  });

  it('refuses more gradient steps than the limit, quoting the numbers', () => {
    const message = check({ n: 1_000_000, b: 1, epochs: 1001 });
    expect(message).toMatch(/1\.00e\+9 gradient steps \(epochs × steps per epoch = 1001 × 1000000\)/);
    expect(message).toContain(MAX_CLI_TOTAL_STEPS.toLocaleString('en-US'));
  });

  it('refuses runs whose batches are too large to finish in minutes', () => {
    const settings = { ...DEFAULT_SETTINGS, n: 1_000_000, b: 1_000_000, k: 10_000, epochs: 100 };
    expect(exampleGradients(settings, createSchedule(settings))).toBe(1e12);
    expect(runTooLarge(settings, createSchedule(settings))).toContain(MAX_CLI_EXAMPLE_GRADIENTS.toLocaleString('en-US'));
  });
});
