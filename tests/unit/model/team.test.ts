import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import type { Decisions } from '../../../engine/model/decisions.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import type { MarketState } from '../../../engine/model/state.ts';
import { validateDecisions } from '../../../engine/model/validateDecisions.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const { scenario } = workshop();
const SEED = 'team-test';
const US = 0;

function withTraining(market: MarketState, coaching: boolean): Decisions {
  const base = defaultDecisions(market, scenario, US);
  return { ...base, training: market.firms[US]!.reps.map((r) => ({ rep: r.id, skill: 'prospecting' as const, coaching })) };
}

function round1(market: MarketState, d: Decisions) {
  expect(validateDecisions(d, market, scenario, US)).toBeNull();
  const decisions = scenario.firms.map((_, fi) => (fi === US ? d : null));
  return resolveRound(market, { scenario, seed: SEED, round: 1, decisions, injected: [] });
}

describe('MODEL.md "Team": training and skills', () => {
  it("a rep's latent skills are its own object, not its skills (no aliasing across state)", () => {
    const market = initialMarket(scenario, SEED, ['team-1']);
    for (const f of market.firms) for (const r of f.reps) expect(r.latent).not.toBe(r.skills);
    const next = round1(market, withTraining(market, false)).market;
    for (const r of next.firms[US]!.reps) expect(r.latent).not.toBe(r.skills);
  });

  const k = scenario.coefficients.team;
  for (const coaching of [false, true]) {
    it(`training${coaching ? ' with coaching' : ''}: latent += gain·(hours/full course)·(1 − skill/100); skill moves ${coaching ? '0.3 × coaching' : '0.3'} of the way`, () => {
      const market = initialMarket(scenario, SEED, ['team-1']);
      const d = withTraining(market, coaching);
      const { market: next } = round1(market, d);
      const speed = (k.trainingSpeedPm / 1000) * (coaching ? k.coachingPm / 1000 : 1);
      let checked = 0;
      for (const before of market.firms[US]!.reps) {
        const after = next.firms[US]!.reps.find((r) => r.id === before.id);
        if (!after) continue; // left the firm this round
        const s = before.skills.prospecting;
        const hours = d.reps.find((p) => p.rep === before.id)!.training;
        const latent = s + k.trainingGain * Math.min(1, hours / k.trainingFullHours) * (1 - s / 100);
        expect(Math.abs(after.latent.prospecting - latent)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(after.skills.prospecting - (s + speed * (latent - s)))).toBeLessThanOrEqual(1);
        expect(after.skills.prospecting).toBeLessThanOrEqual(after.latent.prospecting);
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    });
  }

  it('a course booked with no hours to take it teaches nothing', () => {
    const market = initialMarket(scenario, SEED, ['team-1']);
    const d = withTraining(market, true);
    const none = { ...d, reps: d.reps.map((p) => ({ ...p, longTail: p.longTail + p.training, training: 0 })) };
    const { market: next } = round1(market, none);
    for (const before of market.firms[US]!.reps) {
      const after = next.firms[US]!.reps.find((r) => r.id === before.id);
      if (after) expect(after.latent.prospecting).toBe(before.latent.prospecting);
    }
  });

  it('a round resolves the same from a market and from its JSON copy (same hashOf, same result)', () => {
    const market = initialMarket(scenario, SEED, ['team-1']);
    const d = withTraining(market, true);
    const copy = JSON.parse(JSON.stringify(market)) as MarketState;
    expect(hashOf(copy)).toBe(hashOf(market));
    expect(hashOf(round1(copy, d).market)).toBe(hashOf(round1(market, d).market));
  });
});
