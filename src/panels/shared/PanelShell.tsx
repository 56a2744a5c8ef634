// The frame every chart panel sits in: a figure named by its title, a head
// with title and legend, the plot box its layers stack in (sized by CSS and
// measured by the panel), and an optional caption line under it.
import { useId, useRef, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { useTallestHeight } from './useTallestHeight.ts';
import './panels.css';

/** An id unique to one panel instance, safe inside CSS selectors and id references. */
export function usePanelId(): string {
  return useId().replace(/[^a-zA-Z0-9_-]/g, '');
}

export interface PanelShellProps {
  /** Class naming the chart (e.g. "loss-panel"), next to the shared "panel". */
  readonly className: string;
  readonly testId: string;
  readonly title: ReactNode;
  /** The legend list (see Legend), shown beside the title. */
  readonly legend?: ReactNode;
  /** From usePanelId, when the panel needs ids of its own; the shell makes one otherwise. */
  readonly uid?: string;
  readonly plotRef: Ref<HTMLDivElement>;
  /** Focus, role, label and key handling of the plot box. */
  readonly plotProps?: HTMLAttributes<HTMLDivElement>;
  /** The plot's stacked layers (canvases, SVGs, hints, tooltip), bottom first. */
  readonly children: ReactNode;
  /** A line of text under the plot; omitted entirely when undefined. */
  readonly caption?: ReactNode;
  readonly captionProps?: HTMLAttributes<HTMLDivElement> & { readonly 'data-testid'?: string };
}

export function PanelShell({ className, testId, title, legend, uid, plotRef, plotProps, children, caption, captionProps }: PanelShellProps) {
  const own = usePanelId();
  const id = `${uid ?? own}-title`;
  const headRef = useRef<HTMLElement>(null);
  const captionRef = useRef<HTMLDivElement>(null);
  useTallestHeight(headRef);
  useTallestHeight(captionRef);
  return (
    <figure className={`panel ${className}`} data-testid={testId} aria-labelledby={id}>
      <figcaption className="panel-head" ref={headRef}>
        <span className="panel-title" id={id}>
          {title}
        </span>
        {legend}
      </figcaption>
      <div className="panel-plot" ref={plotRef} {...plotProps}>
        {children}
      </div>
      {caption !== undefined ? (
        <div className="panel-caption" ref={captionRef} {...captionProps}>
          {caption}
        </div>
      ) : null}
    </figure>
  );
}
