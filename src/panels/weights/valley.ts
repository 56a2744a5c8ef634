// The deep model ŷ = w2·(w1·x) has no single best point: every (w1, w2) with
// w1·w2 = p* fits equally well. The panel draws that valley as curves — the
// two branches of a hyperbola, or both axes when p* = 0.
import type { WeightDomain } from './weightDomain.ts';

export type Polyline = { w1: number[]; w2: number[] };

/**
 * Polylines (in weight coordinates) tracing w1·w2 = product across `domain`
 * (with some overshoot so the curve leaves the view cleanly). Points are
 * spaced evenly in arc-like parameter so both the flat and the steep part of
 * each branch are smooth.
 */
export function valleyCurves(product: number, domain: WeightDomain, samples = 200): Polyline[] {
  if (!Number.isFinite(product)) return [];
  const [x0, x1] = domain.w1;
  const [y0, y1] = domain.w2;
  const reach = 2 * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1), 1e-12);
  if (product === 0) {
    return [
      { w1: [-reach, reach], w2: [0, 0] },
      { w1: [0, 0], w2: [-reach, reach] },
    ];
  }
  const r = Math.sqrt(Math.abs(product));
  const sign = Math.sign(product);
  // w1 = s·r·e^t, w2 = sign·s·r·e^(−t): |t| up to ln(reach/r) covers the view.
  const tMax = Math.max(Math.log(reach / r), 0.5);
  const out: Polyline[] = [];
  for (const s of [1, -1]) {
    const line: Polyline = { w1: [], w2: [] };
    for (let i = 0; i <= samples; i++) {
      const t = -tMax + (2 * tMax * i) / samples;
      line.w1.push(s * r * Math.exp(t));
      line.w2.push(sign * s * r * Math.exp(-t));
    }
    out.push(line);
  }
  return out;
}
