// Run colours: the Okabe–Ito palette, distinguishable with every common form
// of colour blindness. Ordered for a white background: the low-contrast
// yellow comes last, and the first colour (the single run's) is the strong blue.
export const RUN_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

/** The preferred colour if free, else the first colour no other run uses (colours repeat only past eight runs). */
export function pickColor(used: ReadonlySet<string>, preferred?: string): string {
  if (preferred !== undefined && !used.has(preferred)) return preferred;
  return RUN_COLORS.find((c) => !used.has(c)) ?? RUN_COLORS[used.size % RUN_COLORS.length];
}
