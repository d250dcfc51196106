import type { FirmKind, Segment } from './scenario.ts';

/**
 * How much each segment leans towards each kind of firm, ‰: young digital buyers favour the
 * digital entrant and cross-industry players, traditional buyers the established brands, small
 * businesses the cheap local firms.
 */
const LEANING: Readonly<Record<Segment, Readonly<Record<FirmKind, number>>>> = {
  sme: { team: 1000, brand: 850, group: 900, digital: 1100, sme: 1500, 'cross-industry': 700 },
  'young-digital': { team: 1000, brand: 900, group: 800, digital: 1800, sme: 600, 'cross-industry': 1500 },
  traditional: { team: 1000, brand: 1200, group: 1200, digital: 500, sme: 1100, 'cross-industry': 300 },
};

export function segmentLeaningPm(kind: FirmKind, segment: Segment): number {
  return LEANING[segment][kind];
}

export function segmentAttraction(base: number, kind: FirmKind, segment: Segment): number {
  return (base * LEANING[segment][kind]) / 1000;
}
