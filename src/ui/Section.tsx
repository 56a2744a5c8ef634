// A part of the controls that folds away: open on screens with room for the
// sidebar, folded on a phone, where it would push the charts' controls out of
// reach below a long column of settings.
import { useState, type ReactNode } from 'react';

/** The phone layout's width (the same number as the max-width of the phone rules in app/layout.css). */
export const PHONE_QUERY = '(max-width: 600px)';

/** Whether the page is laid out for a phone now (false without a window, e.g. in Node). */
export function isPhoneLayout(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(PHONE_QUERY).matches;
}

export interface SectionProps {
  readonly title: string;
  readonly testId: string;
  readonly children: ReactNode;
}

export function Section({ title, testId, children }: SectionProps) {
  // Decided once, at mount: the learner's own opening and closing is never undone by a resize.
  const [initiallyOpen] = useState(() => !isPhoneLayout());
  return (
    <details className="section" data-testid={testId} open={initiallyOpen}>
      <summary className="section-title">{title}</summary>
      <div className="section-body">{children}</div>
    </details>
  );
}
