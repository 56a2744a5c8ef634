// A question's claims checked on the runs the page shows, once they are done,
// so the page can say what it measured and whether each claim holds there.
// Only when those runs are the link's: after an edit the claims are about
// another experiment and nothing is claimed.
import { settingsEqual } from '../../core/settingsText.ts';
import type { Settings } from '../../core/settings.ts';
import { linkRunSettings } from './linkSettings.ts';
import { runToEnd } from './runLink.ts';
import type { PredictionOutcome } from './prediction.ts';
import type { Question } from './types.ts';

export interface CheckedClaim {
  readonly says: string;
  readonly holds: boolean;
  readonly numbers: string;
}

/** The claims checked on runs with these settings, each trained to its end; null when they are not the link's runs. */
export function checkQuestionOn(question: Question, settings: readonly Settings[]): CheckedClaim[] | null {
  const expected = linkRunSettings(question.link);
  if (settings.length !== expected.length || !settings.every((s, i) => settingsEqual(s, expected[i]))) return null;
  const runs = settings.map(runToEnd);
  return question.claims.map((claim) => {
    const check = claim.check(runs);
    return { says: claim.says, holds: check.holds, numbers: check.numbers };
  });
}

/** What the question's prediction measured on runs with these settings; null when they are not the link's runs. */
export function predictionOutcomeOn(question: Question, settings: readonly Settings[]): PredictionOutcome | null {
  const expected = linkRunSettings(question.link);
  if (!question.prediction || settings.length !== expected.length || !settings.every((s, i) => settingsEqual(s, expected[i]))) return null;
  return question.prediction.outcome(settings.map(runToEnd));
}
