// The three links of issue 13 that the page benchmarks measure (bench:page in
// the browser, bench:worker without one), numbered 1–3 as they print.
export const LINKS: readonly string[] = [
  '?n=10000&b=32&epochs=2000&speed=max',
  '?n=1000000&b=1&epochs=5&speed=max',
  '?n=10000&b=32&epochs=3000&speed=max&runs=shuffle:none,shuffle:once,base,shuffle:batches,shuffle:replacement',
];
