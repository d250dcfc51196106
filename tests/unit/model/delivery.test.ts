import { describe, expect, it } from 'vitest';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import { accountVolume } from '../../../engine/model/round/accounts.ts';
import type { Decisions } from '../../../engine/model/decisions.ts';
import type { Scenario, ShockSpec } from '../../../engine/model/scenario.ts';
import type { MarketState } from '../../../engine/model/state.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';

function supplyDisruption(): Scenario {
  const r = loadBuiltIn('supply-disruption');
  if (!r.ok) throw new Error('supply-disruption does not load');
  return r.scenario;
}

const scenario = supplyDisruption();
const TEAMS = ['team-1', 'team-2', 'team-3'];
const OURS = 'gangcheng-express';
const OTHER = 'mingxi-pharmacy-chain';

function shortage(magnitudePm: number): ShockSpec {
  return {
    id: 'test-shortage',
    kind: 'supply-disruption',
    round: 1,
    duration: 1,
    territory: '',
    magnitudePm,
    signalled: false,
    title: { 'zh-CN': '缺货', 'zh-TW': '缺貨', en: 'Shortage' },
  };
}

function play(market: MarketState, round: number, team1: (d: Decisions) => Decisions, injected: ShockSpec[] = [], seed = 'delivery') {
  const decisions = scenario.firms.map((f, fi) => {
    if (f.kind !== 'team') return null;
    const d = { ...defaultDecisions(market, scenario, fi), contingency: 0 };
    return fi === 0 ? team1(d) : d;
  });
  return resolveRound(market, { scenario, seed, round, decisions, injected });
}

describe('delivery under a supply disruption', () => {
  const market = initialMarket(scenario, 'delivery', TEAMS);
  const ordered = (id: string) => market.accounts.find((a) => a.id === id)!.volume;

  it('a P1 request gets the account its whole order; an account nobody asked about waits with the long tail', () => {
    const { outcome } = play(market, 1, (d) => ({ ...d, operations: [{ account: OURS, priority: 'P1' }] }), [shortage(500)]);
    const team = outcome.firms[0]!;
    expect(team.fillBp).toBeLessThan(7000);
    const ours = outcome.accounts.find((a) => a.id === OURS)!;
    const other = outcome.accounts.find((a) => a.id === OTHER)!;
    // Whole order (season and macro move it a little either way).
    expect(ours.units).toBeGreaterThan(ordered(OURS) * 0.85);
    expect(other.units).toBeLessThan(ordered(OTHER) * 0.75);
    expect(ours.csat).toBeGreaterThan(other.csat);
  });

  it('without a shortage a request changes nothing for the account', () => {
    const asked = play(market, 1, (d) => ({ ...d, operations: [{ account: OURS, priority: 'P1' }] })).outcome;
    const plain = play(market, 1, (d) => ({ ...d, operations: [] })).outcome;
    const units = (o: typeof asked) => o.accounts.find((a) => a.id === OURS)!.units;
    expect(units(asked)).toBe(units(plain));
    expect(asked.firms[0]!.fillBp).toBe(10_000);
  });

  it('a starved key account grows less satisfied than one that was delivered, until operations runs out of goodwill', () => {
    let starved = market;
    let fed = market;
    const csat = (m: MarketState) => m.accounts.find((a) => a.id === OURS)!.csat;
    const units = (o: { accounts: readonly { id: string; units: number }[] }) => o.accounts.find((a) => a.id === OURS)!.units;
    for (let round = 1; round <= 2; round++) {
      starved = play(starved, round, (d) => ({ ...d, operations: [] }), [shortage(450)]).market;
      fed = play(fed, round, (d) => ({ ...d, operations: [{ account: OURS, priority: 'P1' }] }), [shortage(450)]).market;
    }
    expect(csat(fed) - csat(starved)).toBeGreaterThanOrEqual(6);
    // This scenario's P1 costs 30 goodwill: two requests take operations under its floor of 20,
    // so the third is refused and the account waits with everyone else.
    expect(fed.firms[0]!.goodwill).toBeLessThan(scenario.coefficients.delivery.goodwillFloor);
    const third = play(fed, 3, (d) => ({ ...d, operations: [{ account: OURS, priority: 'P1' }] }), [shortage(450)]).outcome;
    const thirdStarved = play(starved, 3, (d) => ({ ...d, operations: [] }), [shortage(450)]).outcome;
    // The same share of its order as an account nobody asked about (what it orders follows its CSAT).
    const share = (m: MarketState, o: typeof third) => units(o) / accountVolume(m.accounts.find((a) => a.id === OURS)!, 3, scenario.coefficients.customers);
    expect(Math.abs(share(fed, third) - share(starved, thirdStarved))).toBeLessThan(0.01);
  });
});

describe('renewal and satisfaction', () => {
  // The account's contract ends in round 1 and its supplier prepared for it; only its CSAT differs.
  function renewals(csat: number): number {
    let kept = 0;
    for (let i = 0; i < 60; i++) {
      const seed = `renewal-${i}`;
      const base = initialMarket(scenario, seed, TEAMS);
      const market: MarketState = {
        ...base,
        accounts: base.accounts.map((a) =>
          a.id === OURS ? { ...a, csat, contractEnd: 1, preparation: a.preparation.map((p, fi) => (fi === 0 ? 3 : p)) } : a,
        ),
      };
      const { outcome } = play(market, 1, (d) => d, [], seed);
      if (outcome.accounts.find((a) => a.id === OURS)!.supplier === 0) kept += 1;
    }
    return kept;
  }

  // 120 seeded markets, each built and resolved for a round: about 1.5 s on an idle machine.
  it('a satisfied account renews with its supplier far more often than an unhappy one', () => {
    const happy = renewals(88);
    const unhappy = renewals(35);
    expect(happy).toBeGreaterThan(unhappy + 15);
    expect(happy).toBeGreaterThan(40);
  }, 60_000);
});
