// The learners' questions, each a link to its prepared experiment. Links are
// real hrefs (they open in a new tab too); a plain click loads in place.
import { QUESTIONS } from './questions.ts';

export interface QuestionsListProps {
  active: string | null;
  onOpen(link: string): void;
}

export function QuestionsList({ active, onOpen }: QuestionsListProps) {
  return (
    <nav className="questions" aria-label="Questions Epoch Lab answers" data-testid="questions">
      <ol>
        {QUESTIONS.map((q) => (
          <li key={q.id}>
            <a
              href={q.link}
              data-testid={`question-${q.id}`}
              aria-current={active === q.id ? 'page' : undefined}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                onOpen(q.link);
              }}
            >
              {q.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
