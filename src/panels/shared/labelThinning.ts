// Which epoch-end numbers to print. Near convergence epoch ends pile up on
// top of each other; printing all of them makes an unreadable blot, so a
// label is kept only if no kept label is closer than `minDistance` pixels.
// The newest epoch wins first (it is where the run is now), then the first
// (where it started), then the rest in order.

/**
 * Indices (into xs/ys, pixel positions) of the labels to show, at most
 * `maxLabels`, in increasing index order. Non-finite positions are never kept.
 */
export function thinLabels(xs: ArrayLike<number>, ys: ArrayLike<number>, count: number, minDistance: number, maxLabels = 60): number[] {
  if (count <= 0 || maxLabels <= 0) return [];
  const kept: number[] = [];
  const minSq = minDistance * minDistance;

  // At most maxLabels are ever kept, so each candidate is checked against them all: near convergence most of
  // thousands of candidates are turned down, and a grid of cells keyed by strings cost an allocation per look.
  const tryKeep = (i: number): void => {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    for (const k of kept) {
      const ex = xs[k] - x;
      const ey = ys[k] - y;
      if (ex * ex + ey * ey < minSq) return;
    }
    kept.push(i);
  };

  tryKeep(count - 1);
  if (count > 1) tryKeep(0);
  for (let i = 1; i < count - 1 && kept.length < maxLabels; i++) tryKeep(i);
  return kept.sort((a, b) => a - b);
}
