// Which examples the scatter draws. A million dots cost a lot to draw every
// frame and show nothing more than twenty thousand do, so beyond `max` points
// an evenly strided subset is drawn: deterministic (the picture does not
// flicker between frames) and spread over the whole data set.

/** The stride between drawn examples: 1 when all n fit. */
export function subsampleStride(n: number, max: number): number {
  if (!(n > 0) || !(max >= 1)) return 1;
  return Math.max(1, Math.ceil(n / Math.floor(max)));
}

/** Number of examples drawn with that stride. */
export function subsampleCount(n: number, max: number): number {
  if (!(n > 0)) return 0;
  return Math.ceil(n / subsampleStride(n, max));
}
