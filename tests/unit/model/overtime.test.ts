import { describe, expect, it } from 'vitest';
import { freshness } from '../../../engine/model/round/effort.ts';
import { workshop } from '../../support/marketArbitrary.ts';
import { policyPlayer, soloRun } from '../../../engine/bots/soloRun.ts';
import { withPolicy } from '../../../engine/bots/policy.ts';

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

describe('overtime pay', () => {
  // One round of the workshop with the reference's 62-unit week and with a 70-unit week.
  const { scenario } = workshop();
  const slot = scenario.firms.findIndex((f) => f.kind === 'team');
  const startReps = scenario.firms[slot]!.reps;
  const firstRound = (weekHours: number) => soloRun(scenario, 'overtime-pay', policyPlayer(withPolicy({ weekHours })), 1).outcomes[0]!.firms[slot]!;

  it('pays nothing on top of the salaries while every rep works within capacity', () => {
    const f = firstRound(62);
    expect(f.pnl.salaries).toBe(f.reps * scenario.coefficients.team.repSalaryYuan);
  });

  it('pays each call-unit past capacity at 150% of an hour’s share of the salary', () => {
    const f = firstRound(70);
    const c = scenario.coefficients;
    const perUnit = (c.team.repSalaryYuan * c.effort.overtimePayPm) / 1000 / c.effort.repCapacityHours;
    expect(c.effort.overtimePayPm).toBe(1500);
    const overtimePay = f.pnl.salaries - f.reps * c.team.repSalaryYuan;
    // Six units past 64 for every rep who worked the round (a rep who left during it still worked it).
    expect(overtimePay).toBeGreaterThanOrEqual(Math.round(6 * f.reps * perUnit) - 1);
    expect(overtimePay).toBeLessThanOrEqual(Math.round(6 * startReps * perUnit) + 1);
    expect(overtimePay).toBeGreaterThan(0);
  });
});
