// The guided questions live in questions/: one file per question, the claims
// each makes as checks in questions/claims.ts.
export { QUESTIONS, questionById } from './questions/index.ts';
export type { Question } from './questions/index.ts';
