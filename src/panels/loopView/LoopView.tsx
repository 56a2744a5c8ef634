// "The training loop that is running": the run's loop as the PyTorch code
// "Copy as PyTorch" writes, with the line the run is on highlighted and live
// values beside the lines, as a debugger shows them. The lines depend only on
// the settings and are built once per run; a step re-renders just the rows
// whose highlight or values changed.
import { Fragment, memo, useId, useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import { LOOP_INDENT, type LoopLine } from '../../core/pytorchLoop.ts';
import type { RunView } from '../../store/runTypes.ts';
import { ANNOTATION_SEPARATOR, loopAnnotations } from './annotations.ts';
import { currentLoopLine } from './highlight.ts';
import { shownLoopLines } from './shownLines.ts';
import './loopView.css';

export interface LoopViewProps {
  run: RunView | null;
  /** Shows only the title bar. */
  collapsed?: boolean;
  /** Given, the title bar has a button that shows or hides the code. */
  onToggleCollapsed?(): void;
}

export const LOOP_VIEW_TITLE = 'The training loop that is running';
/** Code up to this many characters fits a 420 px box whole, so it is never broken for its value. */
const SHORT_CODE = 56;
const NO_RUN = 'Start a run to see its training loop here.';

interface LoopRowProps {
  line: LoopLine;
  current: boolean;
  note: string | undefined;
}

const LoopRow = memo(function LoopRow({ line, current, note }: LoopRowProps) {
  const code = line.role === 'blank' ? ' ' : `${LOOP_INDENT.repeat(line.indent)}${line.text}`;
  return (
    <span
      className="loop-line"
      data-testid={`loop-line-${line.role}`}
      data-current={current ? 'true' : undefined}
      aria-current={current ? 'step' : undefined}
      title={line.comment}
      style={{ '--loop-indent': line.indent } as CSSProperties}
    >
      <span className={code.length <= SHORT_CODE ? 'loop-code loop-code-short' : 'loop-code'}>{code}</span>
      {note ? (
        <span className="loop-note" data-testid={`loop-note-${line.role}`}>
          {/* Each part stays on one line; a long note wraps only between parts. The text reads as the note. */}
          {note.split(ANNOTATION_SEPARATOR).map((part, i) => (
            <Fragment key={i}>
              {i > 0 ? ' ' : null}
              <span className="loop-note-part">{i > 0 ? `${ANNOTATION_SEPARATOR.trimStart()}${part}` : part}</span>
            </Fragment>
          ))}
        </span>
      ) : null}
    </span>
  );
});

function LoopCode({ run }: { run: RunView }) {
  const lines = useMemo(() => shownLoopLines(run.settings), [run.settings]);
  const current = currentLoopLine(lines, run.cursor, run.schedule);
  const notes = loopAnnotations(run.cursor, run.schedule, run.settings);
  const box = useRef<HTMLPreElement>(null);

  // Keep the current line in view, with a row of context around it, by scrolling the box only, never the page.
  useLayoutEffect(() => {
    const pre = box.current;
    const row = pre?.querySelector<HTMLElement>('[data-current="true"]');
    if (!pre || !row) return;
    const context = row.offsetHeight;
    const top = row.offsetTop - context;
    const bottom = row.offsetTop + row.offsetHeight + context;
    if (top < pre.scrollTop) pre.scrollTop = Math.max(0, top);
    else if (bottom > pre.scrollTop + pre.clientHeight) pre.scrollTop = bottom - pre.clientHeight;
  }, [current, lines]);

  // Each role's value goes beside its first line (the restart block has several).
  const annotated = new Set<string>();
  return (
    // Focusable so keyboard users can scroll it; a region role so its name is allowed and announced.
    <pre className="loop-code-box" ref={box} tabIndex={0} role="region" aria-label="Training loop code">
      <code>
        {lines.map((line, i) => {
          const note = annotated.has(line.role) ? undefined : notes[line.role];
          annotated.add(line.role);
          return <LoopRow key={i} line={line} current={i === current} note={note} />;
        })}
      </code>
    </pre>
  );
}

export function LoopView({ run, collapsed = false, onToggleCollapsed }: LoopViewProps) {
  const codeId = useId();
  return (
    <figure className="loop-view" data-testid="loop-view" data-collapsed={collapsed ? 'true' : undefined}>
      <figcaption className="loop-view-head">
        <span className="loop-view-title">{LOOP_VIEW_TITLE}</span>
        {onToggleCollapsed ? (
          <button
            type="button"
            className="loop-view-toggle"
            data-testid="loop-view-toggle"
            aria-expanded={!collapsed}
            aria-controls={codeId}
            onClick={onToggleCollapsed}
          >
            {collapsed ? 'Show code' : 'Hide code'}
          </button>
        ) : null}
      </figcaption>
      <div id={codeId} className="loop-view-body" hidden={collapsed}>
        {collapsed ? null : run ? <LoopCode run={run} /> : <p className="loop-view-empty">{NO_RUN}</p>}
      </div>
    </figure>
  );
}
