// The learners' questions, each a prepared experiment. A question is data —
// a link in the documented URL format, a few sentences on what to look at,
// and the claims those sentences make as checks over the link's runs — so a
// new question is a new entry, not new code.
import { adamEpoch } from './adamEpoch.ts';
import { batchSize } from './batchSize.ts';
import { fitEachBatch } from './fitEachBatch.ts';
import { fullBatch } from './fullBatch.ts';
import { localMinima } from './localMinima.ts';
import { newEpoch } from './newEpoch.ts';
import { reshuffle } from './reshuffle.ts';
import { stepsPerEpoch } from './stepsPerEpoch.ts';
import { valLoss } from './valLoss.ts';
import type { Question } from './types.ts';

export type { Question } from './types.ts';
export type { Claim, ClaimCheck, Runs } from './claims.ts';

export const QUESTIONS: readonly Question[] = [newEpoch, stepsPerEpoch, fitEachBatch, fullBatch, reshuffle, localMinima, batchSize, adamEpoch, valLoss];

export function questionById(id: string | null): Question | null {
  return QUESTIONS.find((q) => q.id === id) ?? null;
}
