// Every claim of every guided question, checked on the runs of the question's
// own link: the page's parser, the engine, the report the page exports. A
// claim must hold for the link's seed and for at least 9 of the seeds 2–11
// (fixed before any tuning), so a lesson is never a lucky draw.
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/app/questions.ts';
import { MIN_FACTOR } from '../../src/app/questions/claims.ts';
import type { Claim, Runs } from '../../src/app/questions/claims.ts';
import { runLink } from '../../src/app/questions/runLink.ts';
import { parseExperimentQuery } from '../../src/url/experimentUrl.ts';

const OTHER_SEEDS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const MUST_HOLD = 9;

function swapped(runs: Runs, a: number, b: number): Runs {
  const out = [...runs];
  [out[a], out[b]] = [out[b], out[a]];
  return out;
}

describe.each(QUESTIONS.map((q) => [q.id, q] as const))('the claims of question %s', (_id, question) => {
  const linkSeed = parseExperimentQuery(question.link).experiment.settings.seed;
  const atLinkSeed = runLink(question.link);
  const bySeed = new Map(OTHER_SEEDS.map((seed) => [seed, runLink(question.link, seed)]));

  it('has claims, each a sentence of its explanation or of its picture', () => {
    expect(question.claims.length).toBeGreaterThan(0);
    for (const claim of question.claims) {
      if (claim.where === 'text') expect(question.explanation, claim.says).toContain(claim.says);
    }
  });

  it.each(question.claims.map((c, i) => [i + 1, c.says, c] as const))('claim %i holds for the link seed and 9 of seeds 2–11: %s', (_i, _says, claim: Claim) => {
    const here = claim.check(atLinkSeed);
    expect(here.holds, `seed ${linkSeed} (the link's): ${here.numbers}`).toBe(true);
    const failures = OTHER_SEEDS.map((seed) => [seed, claim.check(bySeed.get(seed)!)] as const).filter(([, check]) => !check.holds);
    const report = failures.map(([seed, check]) => `seed ${seed}: ${check.numbers}`).join('\n');
    expect(OTHER_SEEDS.length - failures.length, `fails for:\n${report}`).toBeGreaterThanOrEqual(MUST_HOLD);
    if (claim.compares) expect(claim.compares.factor).toBeGreaterThanOrEqual(MIN_FACTOR);
  });

  it('keeps its lesson: a comparison fails when its two runs are swapped', () => {
    const comparisons = question.claims.filter((c) => c.compares !== null);
    expect(comparisons.length).toBeGreaterThan(0);
    const failing = comparisons.filter((c) => !c.check(swapped(atLinkSeed, c.compares!.a, c.compares!.b)).holds);
    expect(failing.map((c) => c.says), 'no comparison notices its runs swapped').not.toEqual([]);
  });
});
