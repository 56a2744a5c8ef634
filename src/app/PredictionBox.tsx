// Predict, then play: the learner picks a guess before the run; once the run
// has passed the step the question is about, what happened is shown beside
// the guess, measured on the run's numbers. The explanation gives the answer
// away, so until then it is folded. The guess stays on this page: it is not in
// the link and not sent anywhere.
import { useId, useMemo, useState } from 'react';
import type { RunView } from '../store/runTypes.ts';
import { predictionOutcomeOn } from './questions/checkOnRuns.ts';
import type { Question } from './questions/types.ts';
import './prediction.css';

export interface PredictionBoxProps {
  question: Question;
  /** The page's runs; the outcome is shown only when they are the question's own and the run is past the step. */
  runs: readonly RunView[];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function PredictionBox({ question, runs }: PredictionBoxProps) {
  const prediction = question.prediction;
  const [guess, setGuess] = useState<string | null>(null);
  const name = useId();
  const run = prediction ? runs[prediction.run] : undefined;
  const reached = !!prediction && !!run && run.cursor.step >= prediction.revealAfterStep;
  // The settings as text, so the outcome is measured once per experiment, not on every frame.
  const key = reached ? JSON.stringify(runs.map((r) => r.settings)) : '';
  const outcome = useMemo(() => (key ? predictionOutcomeOn(question, JSON.parse(key)) : null), [question, key]);
  if (!prediction) return null;
  const textOf = (id: string | null) => prediction.choices.find((c) => c.id === id)?.text ?? '';
  const explanation = <p data-testid="question-text">{question.explanation}</p>;
  return (
    <>
      <fieldset className="prediction" data-testid="prediction" data-revealed={outcome !== null}>
        <legend>{prediction.prompt}</legend>
        <div className="prediction-choices">
          {prediction.choices.map((choice) => (
            <label key={choice.id}>
              <input type="radio" name={name} value={choice.id} checked={guess === choice.id} disabled={outcome !== null} onChange={() => setGuess(choice.id)} />
              {choice.text}
            </label>
          ))}
        </div>
        <p className="prediction-outcome" aria-live="polite" data-testid="prediction-outcome" data-outcome={outcome?.choice ?? ''} data-guess={guess ?? ''}>
          {outcome === null ? (
            reached ? (
              'These are no longer the question’s runs: open the question again to check a guess.'
            ) : guess === null ? (
              'Pick a guess, then press Play.'
            ) : (
              `Your guess: ${textOf(guess)}. Press Play to see.`
            )
          ) : (
            <>
              <strong>
                {guess === null ? '' : guess === outcome.choice ? '✓ Your guess was right. ' : `✗ You guessed “${textOf(guess)}”. `}
                What happened: {lowerFirst(textOf(outcome.choice))}.
              </strong>
              <span className="prediction-numbers">{capitalised(outcome.numbers)}.</span>
            </>
          )}
        </p>
      </fieldset>
      {outcome === null ? (
        <details className="prediction-explanation">
          <summary>Read the explanation now (it gives the answer away)</summary>
          {explanation}
        </details>
      ) : (
        explanation
      )}
    </>
  );
}
