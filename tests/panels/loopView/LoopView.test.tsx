import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { LoopView } from '../../../src/panels/loopView/LoopView.tsx';
import { loopAnnotations } from '../../../src/panels/loopView/annotations.ts';
import { loopLineText, pytorchLoop } from '../../../src/core/pytorchLoop.ts';
import { trainedRun } from '../runFixture.ts';

/** Text of an HTML fragment: tags dropped, React's entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface RenderedLine {
  role: string;
  current: boolean;
  ariaCurrent: string | null;
  code: string;
  note: string | null;
}

/** The rendered loop lines, in order. */
function linesOf(html: string): RenderedLine[] {
  const starts = [...html.matchAll(/<span class="loop-line[ "]/g)].map((m) => m.index);
  return starts.map((start, i) => {
    const chunk = html.slice(start, starts[i + 1] ?? html.indexOf('</code>'));
    const open = /^<span [^>]*>/.exec(chunk)?.[0] ?? '';
    const code = /<span class="loop-code[^"]*">(.*?)<\/span>/.exec(chunk)?.[1] ?? '';
    const note = /<span class="loop-note"[^>]*>(.*)<\/span><\/span>$/.exec(chunk)?.[1];
    return {
      role: /data-testid="loop-line-([a-z_]+)"/.exec(open)?.[1] ?? '',
      current: open.includes('data-current="true"'),
      ariaCurrent: /aria-current="([^"]*)"/.exec(open)?.[1] ?? null,
      code: textOf(code),
      note: note === undefined ? null : textOf(note),
    };
  });
}

describe('LoopView', () => {
  it('is a titled figure showing the script\'s loop, line for line without its comments', () => {
    const run = trainedRun({ n: 23, b: 5, k: 2, decay: 0.3, mom: 0.5, restart: true }, 3);
    const html = renderToStaticMarkup(<LoopView run={run} />);
    expect(html).toMatch(/^<figure [^>]*data-testid="loop-view"/);
    expect(html).toContain('<figcaption class="loop-view-head"><span class="loop-view-title">The training loop that is running</span>');
    const expected = pytorchLoop(run.settings)
      .filter((l) => l.role !== 'comment')
      .map((l) => loopLineText({ ...l, comment: undefined }) || ' ');
    expect(linesOf(html).map((l) => l.code)).toEqual(expected);
    expect(html).toMatch(/<pre [^>]*><code>/);
  });

  it('shows the optimizer the run uses, as the script creates it', () => {
    const code = (optimizer: 'adam' | 'rmsprop') => linesOf(renderToStaticMarkup(<LoopView run={trainedRun({ optimizer, lr: 0.01 }, 3)} />)).find((l) => l.role === 'optimizer')?.code;
    expect(code('adam')).toBe('optimizer = torch.optim.Adam(model.parameters(), lr=0.01)');
    expect(code('rmsprop')).toBe('optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01)');
  });

  it('marks exactly one line as current, with aria-current="step": optimizer.step() inside an epoch', () => {
    const lines = linesOf(renderToStaticMarkup(<LoopView run={trainedRun({ b: 32 }, 6)} />));
    const current = lines.filter((l) => l.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ role: 'step', ariaCurrent: 'step', code: '        optimizer.step()' });
    expect(lines.filter((l) => l.ariaCurrent !== null)).toHaveLength(1);
  });

  it('marks `for epoch` before the first step and the end of the epoch at a boundary', () => {
    const currentRole = (html: string) => linesOf(html).find((l) => l.current)?.role;
    expect(currentRole(renderToStaticMarkup(<LoopView run={trainedRun({}, 0)} />))).toBe('epoch');
    expect(currentRole(renderToStaticMarkup(<LoopView run={trainedRun({ b: 32 }, 8)} />))).toBe('print');
    expect(currentRole(renderToStaticMarkup(<LoopView run={trainedRun({ b: 32, decay: 0.1 }, 8)} />))).toBe('schedule');
  });

  it('writes each live value beside its line, with the same words as the annotations', () => {
    const run = trainedRun({ n: 23, b: 5, k: 3 }, 7);
    const notes = loopAnnotations(run.cursor, run.schedule, run.settings);
    const lines = linesOf(renderToStaticMarkup(<LoopView run={run} />));
    for (const role of ['epoch', 'batch', 'inner', 'loss', 'step'] as const) {
      const line = lines.find((l) => l.role === role);
      expect(line?.note, role).toBe(notes[role]);
    }
    expect(lines.find((l) => l.role === 'inner')?.note).toBe('inner step 1 of 3');
    expect(lines.find((l) => l.role === 'backward')?.note).toBeNull();
  });

  it('puts a value beside only the first line of a role', () => {
    const run = trainedRun({ restart: true, mom: 0.5 }, 3);
    const html = renderToStaticMarkup(<LoopView run={run} />);
    expect(html.match(/data-testid="loop-note-epoch"/g)).toHaveLength(1);
  });

  it('collapses to its title bar, with a toggle that says whether the code is shown', () => {
    const run = trainedRun({}, 3);
    const open = renderToStaticMarkup(<LoopView run={run} onToggleCollapsed={() => {}} />);
    expect(open).toMatch(/data-testid="loop-view-toggle" aria-expanded="true"/);
    const closed = renderToStaticMarkup(<LoopView run={run} collapsed onToggleCollapsed={() => {}} />);
    expect(closed).toContain('data-collapsed="true"');
    expect(closed).toMatch(/data-testid="loop-view-toggle" aria-expanded="false"/);
    expect(closed).not.toContain('loop-line');
    expect(closed).toContain('The training loop that is running');
    const controlled = /aria-controls="([^"]+)"/.exec(closed)?.[1];
    expect(closed).toContain(`id="${controlled}"`);
    expect(renderToStaticMarkup(<LoopView run={run} />)).not.toContain('loop-view-toggle');
  });

  it('asks for a run when there is none', () => {
    const html = renderToStaticMarkup(<LoopView run={null} />);
    expect(html).toContain('data-testid="loop-view"');
    expect(html).toContain('Start a run to see its training loop here.');
    expect(html).not.toContain('loop-line');
  });
});
