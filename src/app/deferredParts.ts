// The parts of the page below the two top charts, and the list of questions,
// loaded after the first paint so their code (the data chart, the caption's
// sentences, the loop view, the questions' texts and claim checks) is not in
// the initial chunk. App.tsx uses them as it would the components themselves.
import { deferred } from '../panels/shared/deferred.tsx';

export const DataPanel = deferred('the data chart', () => import('../panels/data/DataPanel.tsx').then((m) => m.DataPanel));
export const PrimaryCaption = deferred('the caption', () => import('./PrimaryCaption.tsx').then((m) => m.PrimaryCaption));
export const PrimaryLoopView = deferred('the training loop', () => import('./PrimaryLoopView.tsx').then((m) => m.PrimaryLoopView));
export const QuestionExplanation = deferred('the question’s explanation', () => import('./QuestionExplanation.tsx').then((m) => m.QuestionExplanation));
export const QuestionsList = deferred('the list of questions', () => import('./QuestionsList.tsx').then((m) => m.QuestionsList));
