/**
 * Where territories sit on the map and how big they are drawn: discs whose area follows the
 * territory's potential, scaled once for the whole map so no two discs overlap. Pure and
 * deterministic: the same scenario always gives the same map. Units are the scenario's map units
 * (0–1000 each way).
 */

export interface MapPoint {
  readonly x: number;
  readonly y: number;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The largest disc radius, in map units (a lone territory gets this). */
export const MAX_RADIUS = 150;
/** The smallest, so a territory of tiny potential is still visible and clickable. */
export const MIN_RADIUS = 22;
/** Neighbouring discs keep this fraction of their centre distance (the rest is a gap). */
const FILL = 0.92;

/**
 * Radius of each territory ∝ √potential, with one factor for the whole map chosen so that for
 * every pair r₁ + r₂ ≤ 0.92 × distance (discs never touch) and no radius passes MAX_RADIUS.
 */
export function territoryRadii(territories: readonly (MapPoint & { readonly potential: number })[]): number[] {
  const roots = territories.map((t) => Math.sqrt(Math.max(0, t.potential)));
  const maxRoot = Math.max(0, ...roots);
  if (maxRoot === 0) return territories.map(() => MIN_RADIUS);
  let k = MAX_RADIUS / maxRoot;
  for (let i = 0; i < territories.length; i++) {
    for (let j = i + 1; j < territories.length; j++) {
      const a = territories[i]!;
      const b = territories[j]!;
      const sum = roots[i]! + roots[j]!;
      if (sum > 0) k = Math.min(k, (FILL * Math.hypot(a.x - b.x, a.y - b.y)) / sum);
    }
  }
  return roots.map((r) => Math.max(MIN_RADIUS, k * r));
}

/** Room kept around the discs for the labels above and the presence marks below, in map units. */
export const LABEL_ROOM = 46;
export const MARK_ROOM = 18;

/** The part of the map worth showing: every disc with its label and marks. */
export function mapBounds(territories: readonly MapPoint[], radii: readonly number[]): Bounds {
  if (territories.length === 0) return { minX: 0, minY: 0, maxX: 1000, maxY: 1000 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  territories.forEach((t, i) => {
    const r = radii[i]!;
    minX = Math.min(minX, t.x - r - 12);
    maxX = Math.max(maxX, t.x + r + 12);
    minY = Math.min(minY, t.y - r - LABEL_ROOM);
    maxY = Math.max(maxY, t.y + r + MARK_ROOM);
  });
  return { minX, minY, maxX, maxY };
}

/**
 * Where the j-th of n scenario key accounts of a territory sits: on a ring at 55% of the radius,
 * evenly spaced, starting at the top-left so the first label does not sit on the territory label.
 */
export function keyAccountSpot(centre: MapPoint, radius: number, j: number, n: number): MapPoint {
  const angle = -Math.PI * 0.75 + (2 * Math.PI * j) / Math.max(1, n);
  return { x: centre.x + Math.cos(angle) * radius * 0.55, y: centre.y + Math.sin(angle) * radius * 0.55 };
}
