// Problems found in a link or an edit, shown as text (never as markup) until
// dismissed. Bounded: a hostile link can carry thousands of problems, so the
// first few are listed and "and N more" expands the rest inside a list that
// scrolls on its own, so the notice never pushes the charts off the screen.
import { useId, useState } from 'react';
import type { Problem } from '../core/parseSettings.ts';
import './notice.css';

/** Problems listed before "and N more". */
export const NOTICE_SHOWN = 5;
/** Up to this many, every problem is listed: "and 1 more" would hide less than it says. */
export const NOTICE_ALL_UP_TO = 7;

export interface NoticeProps {
  title: string;
  problems: readonly Problem[];
  onDismiss(): void;
}

export function Notice({ title, problems, onDismiss }: NoticeProps) {
  // Expanded for this list of problems only: a new list starts collapsed again.
  const [expandedFor, setExpandedFor] = useState<readonly Problem[] | null>(null);
  const listId = useId();
  if (!problems.length) return null;
  const expanded = expandedFor === problems;
  const hidden = problems.length > NOTICE_ALL_UP_TO ? problems.length - NOTICE_SHOWN : 0;
  const shown = expanded || hidden === 0 ? problems : problems.slice(0, NOTICE_SHOWN);
  return (
    <div className="notice" role="alert" data-testid="notice">
      <div className="notice-body">
        <strong>{title}</strong>
        {/* Expanded, the list may scroll: focusable then, so keyboard users can scroll it too. */}
        <ul id={listId} className="notice-list" data-testid="notice-list" tabIndex={expanded ? 0 : undefined} aria-label={expanded ? 'Every problem' : undefined}>
          {shown.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
        {hidden > 0 ? (
          <button
            type="button"
            className="notice-more"
            data-testid="notice-more"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpandedFor(expanded ? null : problems)}
          >
            {expanded ? 'Show fewer' : `and ${hidden.toLocaleString('en-US')} more`}
          </button>
        ) : null}
      </div>
      <button type="button" aria-label="Dismiss notice" data-testid="dismiss-notice" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
