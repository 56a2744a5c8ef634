// The open question and what to look at, beside the charts it refers to; once
// the question's runs are done, what its claims measured on them.
import { useMemo } from 'react';
import type { Settings } from '../core/settings.ts';
import type { RunView } from '../store/runTypes.ts';
import { questionById } from './questions.ts';
import { checkQuestionOn } from './questions/checkOnRuns.ts';
import { PredictionBox } from './PredictionBox.tsx';

export interface QuestionExplanationProps {
  id: string | null;
  onClose(): void;
  /** The page's runs; the claims are checked on them when every one is done. */
  runs?: readonly RunView[];
}

export function QuestionExplanation({ id, onClose, runs = [] }: QuestionExplanationProps) {
  const question = questionById(id);
  const done = runs.length > 0 && runs.every((run) => run.status === 'done');
  // The settings as text: recomputed only when the set of finished runs changes, not on every frame.
  const key = done ? JSON.stringify(runs.map((run) => run.settings)) : '';
  const checked = useMemo(() => (question && key ? checkQuestionOn(question, JSON.parse(key) as Settings[]) : null), [question, key]);
  if (!question) return null;
  const held = checked?.filter((c) => c.holds).length ?? 0;
  return (
    <section className="question-explanation" aria-labelledby="question-title" data-testid="question-explanation">
      <div className="question-head">
        <h2 id="question-title">{question.title}</h2>
        <button type="button" className="icon" aria-label="Close the question" onClick={onClose}>
          ×
        </button>
      </div>
      {question.prediction ? (
        <PredictionBox key={question.id} question={question} runs={runs} />
      ) : (
        <p data-testid="question-text">{question.explanation}</p>
      )}
      {checked && (
        <details className="question-checks" data-testid="question-checks" data-held={held} data-claims={checked.length}>
          <summary>
            Measured on these runs: {held} of {checked.length} claims hold
          </summary>
          <ul>
            {checked.map((c, i) => (
              <li key={i} data-holds={c.holds}>
                {c.holds ? '✓' : '✗'} {c.says} — {c.numbers}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
