import { INDUSTRIES, type Industry } from '../model/scenario.ts';
import type { Pain } from './types.ts';

/*
 * A buyer's pains come from its industry's list, and it describes them in its industry's words
 * (the `clue.<industry>.<pain>` messages), so a seller who listens can tell a restaurant's
 * stockout from a factory's downtime.
 */
export { INDUSTRIES, type Industry };

/** The pains a business of each kind can have; a buyer has two of its industry's. */
export const INDUSTRY_PAINS: Readonly<Record<Industry, readonly Pain[]>> = {
  supermarket: ['stockouts', 'cash-flow', 'staff-turnover', 'integration'],
  restaurant: ['stockouts', 'staff-turnover', 'cash-flow', 'slow-service'],
  hotel: ['slow-service', 'downtime', 'staff-turnover', 'integration'],
  pharmacy: ['stockouts', 'integration', 'slow-service', 'cash-flow'],
  'department-store': ['cash-flow', 'staff-turnover', 'integration', 'stockouts'],
  services: ['staff-turnover', 'slow-service', 'downtime', 'cash-flow'],
  manufacturer: ['downtime', 'stockouts', 'integration', 'cash-flow'],
  general: ['downtime', 'stockouts', 'slow-service', 'cash-flow', 'staff-turnover', 'integration'],
};

export function isIndustry(x: unknown): x is Industry {
  return typeof x === 'string' && (INDUSTRIES as readonly string[]).includes(x);
}
