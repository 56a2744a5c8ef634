// The open question and what to look at, beside the charts it refers to.
import { questionById } from './questions.ts';

export interface QuestionExplanationProps {
  id: string | null;
  onClose(): void;
}

export function QuestionExplanation({ id, onClose }: QuestionExplanationProps) {
  const question = questionById(id);
  if (!question) return null;
  return (
    <section className="question-explanation" aria-labelledby="question-title" data-testid="question-explanation">
      <div className="question-head">
        <h2 id="question-title">{question.title}</h2>
        <button type="button" className="icon" aria-label="Close the question" onClick={onClose}>
          ×
        </button>
      </div>
      <p>{question.explanation}</p>
    </section>
  );
}
