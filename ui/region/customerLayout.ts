/**
 * Positions of the long-tail customers on the map: each territory's customers fill its disc as a
 * golden-angle (sunflower) spiral by their order within the territory, slightly wobbled into a
 * blob. It depends only on the territories and on which territory each customer belongs to, so
 * the same market always draws the same picture and a customer keeps its place from round to
 * round (only its colour changes when it switches supplier).
 */
import type { MapPoint } from './mapLayout.ts';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export interface CustomerLayout {
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Dot radius in map units, from the spacing in the territory and the customer's size. */
  readonly r: Float32Array;
}

/** A per-territory phase in [0, 2π), so neighbouring blobs do not look stamped from one mould. */
function phase(t: number): number {
  return ((t * 2654435761) % 1000) / 1000 * 2 * Math.PI;
}

/**
 * @param territories centre and radius of each territory disc
 * @param territory the territory index of each customer
 * @param size each customer's size (any positive unit; only the ratio to the largest matters)
 */
export function layoutCustomers(
  territories: readonly (MapPoint & { readonly radius: number })[],
  territory: ArrayLike<number>,
  size?: ArrayLike<number>,
): CustomerLayout {
  const n = territory.length;
  const nT = territories.length;
  const count = new Int32Array(nT);
  const maxSize = new Float64Array(nT);
  for (let i = 0; i < n; i++) {
    const t = territory[i]!;
    if (t < 0 || t >= nT) continue;
    count[t]!++;
    if (size) maxSize[t] = Math.max(maxSize[t]!, size[i]!);
  }
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const r = new Float32Array(n);
  const seen = new Int32Array(nT);
  for (let i = 0; i < n; i++) {
    const t = territory[i]!;
    const spec = territories[t];
    if (!spec) continue;
    const k = seen[t]!++;
    const total = count[t]!;
    // Spacing of a sunflower of `total` seeds filling the disc: each seed gets πR²/total.
    const spacing = Math.sqrt((Math.PI * spec.radius * spec.radius) / total);
    const relative = size && maxSize[t]! > 0 ? Math.sqrt(Math.max(0, size[i]!) / maxSize[t]!) : 0.5;
    const dot = Math.min(7, Math.max(1.2, spacing * (0.26 + 0.16 * relative)));
    const theta = k * GOLDEN_ANGLE + phase(t);
    // Wobble the rim by up to 7% so the blob is not a perfect disc; it never leaves the disc.
    const reach = (spec.radius * 0.93 - dot) * (1 - 0.035 * (1 + Math.sin(3 * theta + phase(t + 7))));
    const rho = reach * Math.sqrt((k + 0.5) / total);
    x[i] = spec.x + rho * Math.cos(theta);
    y[i] = spec.y + rho * Math.sin(theta);
    r[i] = dot;
  }
  return { x, y, r };
}
