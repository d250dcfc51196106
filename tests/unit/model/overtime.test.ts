import { describe, expect, it } from 'vitest';
import { freshness } from '../../../engine/model/round/effort.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const effort = workshop().scenario.coefficients.effort;

describe('overtime', () => {
  it('counts every call-unit in full up to the rep’s capacity', () => {
    expect(freshness(0, effort)).toBe(1);
    expect(freshness(40, effort)).toBe(1);
    expect(freshness(effort.repCapacityHours, effort)).toBe(1);
  });

  it('counts the units past capacity at the overtime rate, so a longer week buys ever less per call', () => {
    const cap = effort.repCapacityHours;
    const worth = (hours: number) => hours * freshness(hours, effort);
    // 78 units: capacity plus 14 at half.
    expect(worth(cap + 14)).toBeCloseTo(cap + (14 * effort.overtimeEffectPm) / 1000, 9);
    // Each unit past capacity adds only the overtime rate; below it, a whole unit.
    expect(worth(cap + 10) - worth(cap + 9)).toBeCloseTo(effort.overtimeEffectPm / 1000, 9);
    expect(worth(cap) - worth(cap - 1)).toBeCloseTo(1, 9);
    expect(freshness(cap + 30, effort)).toBeLessThan(freshness(cap + 10, effort));
  });
});
