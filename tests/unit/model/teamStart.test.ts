import { describe, expect, it } from 'vitest';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import type { Scenario } from '../../../engine/model/scenario.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const { scenario } = workshop();
const SEED = 'team-start';

function inTrouble(start: NonNullable<Scenario['firms'][number]['start']>): Scenario {
  return { ...scenario, firms: scenario.firms.map((f) => (f.id === 'team-1' ? { ...f, start } : f)) };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('a team that starts in trouble', () => {
  it('starts at the morale and conflict the scenario sets, each rep keeping their own spread', () => {
    const healthy = initialMarket(scenario, SEED, ['team-1']).firms[0]!;
    const troubled = initialMarket(inTrouble({ morale: 42, conflict: 70, vacancies: [] }), SEED, ['team-1']).firms[0]!;
    expect(Math.abs(mean(troubled.reps.map((r) => r.morale)) - 42)).toBeLessThanOrEqual(0.5);
    expect(troubled.conflict).toBe(70);
    expect(healthy.conflict).toBe(20);
    // Same draws, shifted: the differences between reps are the healthy team's.
    const gaps = (reps: readonly { morale: number }[]) => reps.map((r) => r.morale - reps[0]!.morale);
    for (const [a, b] of gaps(troubled.reps).map((g, i) => [g, gaps(healthy.reps)[i]!])) expect(Math.abs(a! - b!)).toBeLessThanOrEqual(1);
  });

  it('has its vacant seats filled by ramping hires after the vacancy delay', () => {
    const s = inTrouble({ morale: 45, conflict: 60, vacancies: ['yunling', 'tongxi'] });
    let market = initialMarket(s, SEED, ['team-1']);
    const reps = market.firms[0]!.reps.length;
    expect(market.firms[0]!.vacancies).toEqual([
      { territory: 'yunling', fillRound: s.coefficients.team.vacancyRounds },
      { territory: 'tongxi', fillRound: s.coefficients.team.vacancyRounds },
    ]);
    const hiresBy: number[] = [];
    for (let round = 1; round <= s.coefficients.team.vacancyRounds; round++) {
      const decisions = s.firms.map((_, fi) => (fi === 0 ? defaultDecisions(market, s, 0) : null));
      const r = resolveRound(market, { scenario: s, seed: SEED, round, decisions, injected: [] });
      market = r.market;
      hiresBy.push(r.outcome.firms[0]!.hires);
    }
    expect(hiresBy.at(-1)).toBe(2);
    expect(hiresBy.slice(0, -1).every((h) => h === 0)).toBe(true);
    const hired = market.firms[0]!.reps.filter((r) => r.tenure < 1 || r.rampPm < 1000);
    expect(hired.map((r) => r.territory).sort()).toEqual(['tongxi', 'yunling']);
    // A low-morale team loses reps on the way; their seats open as vacancies of their own.
    expect(market.firms[0]!.vacancies.filter((v) => v.fillRound <= s.coefficients.team.vacancyRounds)).toEqual([]);
    expect(market.firms[0]!.reps.length).toBe(reps + 2 - market.firms[0]!.totals.leavers);
  });

  it('a firm without a start keeps the usual one: drawn morale, conflict 20, no empty seats', () => {
    // Only team-1 is in trouble; team-2 beside it must start as every team does.
    const s = inTrouble({ morale: 20, conflict: 90, vacancies: ['yunling'] });
    const usual = initialMarket(s, SEED, ['team-1', 'team-2']).firms[1]!;
    expect(usual.conflict).toBe(20);
    expect(usual.vacancies).toEqual([]);
    for (const r of usual.reps) {
      expect(r.morale).toBeGreaterThanOrEqual(55);
      expect(r.morale).toBeLessThanOrEqual(72);
    }
  });
  it('keeps an entrenched quarrel unless the manager mediates, and mediation breaks it', () => {
    // Conflict at 75 with full team meetings: past 70 it no longer fades on its own, and the
    // meetings get little done; one mediation takes it back where time and meetings work.
    const s = inTrouble({ morale: 60, conflict: 75, vacancies: [] });
    const path = (mediate: boolean) => {
      let market = initialMarket(s, SEED, ['team-1']);
      const seen: number[] = [];
      for (let round = 1; round <= 3; round++) {
        const decisions = s.firms.map((_, fi) => (fi === 0 ? { ...defaultDecisions(market, s, 0), meetingHours: 10, mediation: mediate && round === 1 } : null));
        market = resolveRound(market, { scenario: s, seed: SEED, round, decisions, injected: [] }).market;
        seen.push(market.firms[0]!.conflict);
      }
      return seen;
    };
    const left = path(false);
    const mediated = path(true);
    expect(left[0]!).toBeGreaterThanOrEqual(65);
    expect(left[2]!).toBeGreaterThanOrEqual(45);
    expect(mediated[0]!).toBeLessThanOrEqual(45);
    expect(mediated[2]!).toBeLessThanOrEqual(left[2]! - 25);
  });
});
