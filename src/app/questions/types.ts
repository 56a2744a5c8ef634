// A guided question: a link in the documented URL format, a few sentences on
// what to look at, and the claims those sentences make, each as a check.
import type { Claim } from './claims.ts';
import type { Prediction } from './prediction.ts';

export interface Question {
  /** The `q` parameter of its link. */
  readonly id: string;
  /** The question in the learner's words. */
  readonly title: string;
  /** 2–5 sentences: what to look at, and why it answers the question. Numbers in it are computed. */
  readonly explanation: string;
  /** The experiment's query string, starting with '?', including q=<id>. */
  readonly link: string;
  /** What the explanation and the picture claim about the link's runs, each with its check. */
  readonly claims: readonly Claim[];
  /** A guess the learner is asked for before Play, and how the run's numbers answer it. */
  readonly prediction?: Prediction;
}
