// The loop view's value notes ("batch loss 0.3350") wrap onto a continuation
// line when the box is too narrow, in every engine: Chromium breaks between the
// code and its note on its own, Firefox and WebKit only where the text allows.
import { expect, it } from 'vitest';
import { describeInEngines } from './engineSuite.ts';
import { waitForStep } from './appTab.ts';

interface Overflow {
  notes: number;
  box: { scrollWidth: number; clientWidth: number };
  /** Notes whose right edge is past the box's visible right edge, with how far. */
  cut: string[];
}

/** In the page: does anything in the loop view's code box reach past its right edge? */
function loopOverflow(): Overflow {
  const box = document.querySelector<HTMLElement>('[data-testid="loop-view"] .loop-code-box')!;
  const right = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
  const notes = [...box.querySelectorAll<HTMLElement>('.loop-note')];
  const cut = notes
    .map((note) => [note.textContent ?? '', Math.max(...[...note.getClientRects()].map((r) => r.right)) - right] as const)
    .filter(([, past]) => past > 0.5)
    .map(([text, past]) => `${text} (${past.toFixed(1)} px past the edge)`);
  return { notes: notes.length, box: { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth }, cut };
}

describeInEngines("the loop view's notes", (engine) => {
  // Two screens at which the box is narrower than the code plus its notes (it is about 390 px wide on a laptop).
  it.each([
    ['a laptop', { width: 1366, height: 768 }],
    ['a wide screen', { width: 1920, height: 1080 }],
  ] as const)('wrap inside the code box on %s: nothing is cut off at the right edge', async (_, viewport) => {
    const tab = await engine().open('?n=30&b=10&mom=0.9&decay=0.5', viewport);
    await tab.click('[data-testid="step"]');
    await waitForStep(tab, 'step === 1');
    await tab.waitFor(() => /batch loss/.test(document.querySelector('[data-testid="loop-view"]')?.textContent ?? ''), undefined, { message: 'the batch loss note' });
    const overflow = await tab.evaluate(loopOverflow);
    expect(overflow.notes).toBeGreaterThanOrEqual(3);
    expect(overflow.cut).toEqual([]);
    expect(overflow.box.scrollWidth).toBeLessThanOrEqual(overflow.box.clientWidth);
    expect(await tab.errors()).toEqual([]);
  });
});
