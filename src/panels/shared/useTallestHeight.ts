// A panel's head and caption never give back height at the same width. Their
// text changes as a run trains (a fit's formula grows a digit, a caption goes
// from two lines to one, a legend entry appears), and each time it wraps anew
// the plot between them changed size, so every layer of the chart repainted
// whole: a scatter of 10,000 dots, a loss chart, mid-run. Kept at the tallest
// they have been, they resize the plot only when their text needs more room
// than ever before at this width.
import { useLayoutEffect, type RefObject } from 'react';

export function useTallestHeight(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let width = NaN;
    let tallest = 0;
    let release = 0;
    const observer = new ResizeObserver(() => {
      const box = element.getBoundingClientRect();
      if (box.width !== width) {
        // Another width wraps the text anew: measure it free, in the next frame (sizing the element inside
        // its own observer's callback would be a loop the browser reports as an error).
        width = box.width;
        tallest = 0;
        if (element.style.minHeight) {
          cancelAnimationFrame(release);
          release = requestAnimationFrame(() => {
            element.style.minHeight = '';
            tallest = element.getBoundingClientRect().height;
            element.style.minHeight = `${tallest}px`;
          });
          return;
        }
      }
      if (box.height > tallest) {
        tallest = box.height;
        element.style.minHeight = `${tallest}px`;
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(release);
    };
  }, [ref]);
}
