import { describe, expect, it } from 'vitest';
import { attraction, sharesBp, type AttractionInputs } from '../../../engine/model/attraction.ts';
import { DEFAULT_COEFFICIENTS } from '../../../engine/model/coefficients.ts';
import type { Decisions } from '../../../engine/model/decisions.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import type { MarketState } from '../../../engine/model/state.ts';
import { validateDecisions } from '../../../engine/model/validateDecisions.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const C = DEFAULT_COEFFICIENTS.attraction;
const TIERS = [1, 2, 3] as const;
const exponentOf = (tier: 1 | 2 | 3) => C.priceExponent[tier - 1]!;

const US: AttractionInputs = {
  brand: 500,
  pricePm: 1000,
  effortPerK: 200,
  promoPerK: 40_000,
  coverage: 450,
  service: 500,
  quality: 500,
  familiarity: 350,
};

/** Rivals shaped like the workshop's brand leader, group and local firm. */
const RIVALS: readonly AttractionInputs[] = [
  { brand: 750, pricePm: 1050, effortPerK: 250, promoPerK: 60_000, coverage: 550, service: 650, quality: 700, familiarity: 525 },
  { brand: 650, pricePm: 1000, effortPerK: 300, promoPerK: 50_000, coverage: 500, service: 600, quality: 600, familiarity: 455 },
  { brand: 350, pricePm: 820, effortPerK: 120, promoPerK: 20_000, coverage: 500, service: 450, quality: 400, familiarity: 245 },
];

function shareOf(us: AttractionInputs, tier: 1 | 2 | 3, premiumPm: number): { raw: number; bp: number } {
  const e = exponentOf(tier);
  const ours = attraction(us, e, premiumPm, C);
  const theirs = RIVALS.map((r) => attraction(r, e, premiumPm, C));
  const total = ours + theirs.reduce((a, b) => a + b, 0);
  return { raw: ours / total, bp: sharesBp([ours, ...theirs])[0]! };
}

describe('MODEL.md "Share": attraction and shares', () => {
  it('uses the price exponents of MODEL.md (2 / 3 / 4 for tiers 1 / 2 / 3–4), also in the workshop', () => {
    expect(C.priceExponent).toEqual([2, 3, 4]);
    expect(workshop().scenario.coefficients.attraction.priceExponent).toEqual([2, 3, 4]);
  });

  it('sharesBp adds up to exactly 10000, or is all 0 when nobody attracts', () => {
    const cases = [[1], [1, 1, 1], [0.1, 0.2, 0.7], [1e-9, 1e9], [3, 0, 5, 0], [1 / 3, 1 / 3, 1 / 3]];
    for (const a of cases) {
      const bp = sharesBp(a);
      expect(bp.reduce((s, x) => s + x, 0)).toBe(10_000);
      a.forEach((x, i) => expect(Math.abs(bp[i]! - (10_000 * x) / a.reduce((s, y) => s + y, 0))).toBeLessThan(1));
    }
    expect(sharesBp([0, 0, 0])).toEqual([0, 0, 0]);
  });

  describe('(a) more of a lever never lowers our share, all else equal', () => {
    const efforts = [0, 1, 10, 50, 150, 300, 600, 1200, 5000];
    const promos = [0, 1000, 10_000, 30_000, 60_000, 120_000, 600_000];
    const coverages = [0, 100, 450, 800, 1000];
    const premiums = [-600, 0, 600];
    const levers = [
      { name: 'effortPerK', steps: [1, 25, 300] },
      { name: 'promoPerK', steps: [100, 5000, 60_000] },
      { name: 'coverage', steps: [1, 50, 500] },
    ] as const;

    for (const lever of levers) {
      it(`${lever.name}, over a grid of starting points, tiers and premium preferences`, () => {
        let checked = 0;
        const violations: string[] = [];
        for (const tier of TIERS) {
          for (const premiumPm of premiums) {
            for (const effortPerK of efforts) {
              for (const promoPerK of promos) {
                for (const coverage of coverages) {
                  const start: AttractionInputs = { ...US, effortPerK, promoPerK, coverage };
                  const before = shareOf(start, tier, premiumPm);
                  const a0 = attraction(start, exponentOf(tier), premiumPm, C);
                  for (const step of lever.steps) {
                    const raised = { ...start, [lever.name]: Math.min(lever.name === 'coverage' ? 1000 : Infinity, start[lever.name] + step) };
                    const after = shareOf(raised, tier, premiumPm);
                    const a1 = attraction(raised, exponentOf(tier), premiumPm, C);
                    if (!(a1 >= a0 && after.raw >= before.raw && after.bp >= before.bp)) {
                      violations.push(`tier ${tier} π ${premiumPm} ${JSON.stringify(start)} +${step}: ${before.bp} → ${after.bp} bp`);
                    }
                    checked++;
                  }
                }
              }
            }
          }
        }
        expect(violations).toEqual([]);
        expect(checked).toBeGreaterThan(1000);
      });
    }

    it('and a higher own price never raises it', () => {
      for (const tier of TIERS) {
        let last = Infinity;
        for (let price = 500; price <= 2000; price += 25) {
          const s = shareOf({ ...US, pricePm: price }, tier, 0).raw;
          expect(s).toBeLessThan(last);
          last = s;
        }
      }
    });
  });

  describe('(b) price elasticity of share is −e·(1−s): ≈ −1.5 / −2.25 / −3.0 at a 25% share', () => {
    const expectedPct = { 1: 1.5, 2: 2.25, 3: 3.0 } as const;

    it('MODEL.md figures follow from the exponents', () => {
      for (const tier of TIERS) expect(exponentOf(tier) * (1 - 0.25)).toBeCloseTo(expectedPct[tier], 12);
    });

    /** Rival attractions that leave us exactly 25%: identical copies, one big rival, or unequal rivals. */
    const setups: readonly { name: string; rivals: (ours: number) => number[] }[] = [
      { name: 'four identical firms', rivals: (a) => [a, a, a] },
      { name: 'two firms', rivals: (a) => [3 * a] },
      { name: 'three unequal firms', rivals: (a) => [1.2 * a, 1.8 * a] },
    ];

    for (const tier of TIERS) {
      for (const setup of setups) {
        it(`tier ${tier}, ${setup.name}: a 1% price cut raises our share by ≈ ${expectedPct[tier]}% (within 10%)`, () => {
          const e = exponentOf(tier);
          const ours = attraction(US, e, 200, C);
          const rivals = setup.rivals(ours);
          const s0 = ours / (ours + rivals.reduce((a, b) => a + b, 0));
          expect(s0).toBeCloseTo(0.25, 12);
          const cut = attraction({ ...US, pricePm: 990 }, e, 200, C);
          const s1 = cut / (cut + rivals.reduce((a, b) => a + b, 0));
          const relativePct = (s1 / s0 - 1) * 100;
          expect(Math.abs(relativePct / expectedPct[tier] - 1)).toBeLessThanOrEqual(0.1);
          // The same through the bp shares the engine reports.
          const bp0 = sharesBp([ours, ...rivals])[0]!;
          const bp1 = sharesBp([cut, ...rivals])[0]!;
          expect(bp0).toBe(2500);
          expect(Math.abs(((bp1 / bp0 - 1) * 100) / expectedPct[tier] - 1)).toBeLessThanOrEqual(0.1);
          // And a 1% rise lowers it about as much.
          const up = attraction({ ...US, pricePm: 1010 }, e, 200, C);
          const s2 = up / (up + rivals.reduce((a, b) => a + b, 0));
          expect(Math.abs(((1 - s2 / s0) * 100) / expectedPct[tier] - 1)).toBeLessThanOrEqual(0.1);
        });
      }
    }

    it('attraction scales as price^−e exactly (no other price term)', () => {
      for (const tier of TIERS) {
        const e = exponentOf(tier);
        const a = attraction(US, e, 0, C);
        const b = attraction({ ...US, pricePm: 2000 }, e, 0, C);
        expect(a / b).toBeCloseTo(2 ** e, 9);
      }
    });
  });

  describe('(c) ADBUDG saturation of effort', () => {
    const A = (effortPerK: number) => attraction({ ...US, effortPerK }, 2, 0, C);
    const d = C.effortHalfHours;

    it('doubling effort at high effort raises attraction by less than doubling at low effort', () => {
      const low = [d / 6, d / 4, d / 3, d / 2];
      const high = [2 * d, 3 * d, 5 * d, 10 * d, 40 * d];
      for (const l of low) {
        for (const h of high) {
          const gainLow = A(2 * l) / A(l);
          const gainHigh = A(2 * h) / A(h);
          expect(gainHigh).toBeLessThan(gainLow);
          // Per call-unit added, the high doubling is worth less too.
          expect((A(2 * h) - A(h)) / h).toBeLessThan((A(2 * l) - A(l)) / l);
        }
      }
    });

    it('the return on each doubling falls steadily above the half-saturation point, and per call-unit everywhere', () => {
      let lastRelative = Infinity;
      let lastPerUnit = Infinity;
      for (let x = 5; x <= 100_000; x *= 2) {
        const perUnit = (A(2 * x) - A(x)) / x;
        expect(perUnit).toBeLessThan(lastPerUnit);
        lastPerUnit = perUnit;
        if (x >= d) {
          const relative = A(2 * x) / A(x);
          expect(relative).toBeLessThan(lastRelative);
          lastRelative = relative;
        }
      }
    });

    it('effort can at most multiply attraction by 1 + effortWeight (7× by default)', () => {
      const cap = 1 + C.effortWeightPm / 1000;
      expect(A(1e12) / A(0)).toBeLessThan(cap);
      expect(A(1e12) / A(0)).toBeCloseTo(cap, 6);
      // At the half-saturation point the effort term is halfway to its cap.
      expect(A(d) / A(0)).toBeCloseTo(1 + (cap - 1) / 2, 12);
    });
  });
});

describe('response through resolveRound (workshop, round 1)', () => {
  const { scenario } = workshop();
  const TEAMS = ['team-1', 'team-2'];
  const US_FIRM = 0;
  const SEEDS = ['resp-1', 'resp-2', 'resp-3'];

  /** Attraction shares by territory and firm after round 1 with our decisions. */
  function play(market: MarketState, seed: string, ours: Decisions): { attractionBp: number[][] } {
    const decisions = scenario.firms.map((f, fi) =>
      fi === US_FIRM ? ours : TEAMS.includes(f.id) ? defaultDecisions(market, scenario, fi) : null,
    );
    const { outcome } = resolveRound(market, { scenario, seed, round: 1, decisions, injected: [] });
    return { attractionBp: outcome.territories.map((t) => [...t.attractionBp]) };
  }

  /** More promotion and more selling hours (and the travel to pay for them) in one territory. */
  function pushIn(market: MarketState, d: Decisions, territory: string): Decisions {
    const tier = market.territories.find((t) => t.id === territory)!.tier;
    const callCost = scenario.coefficients.effort.callCostYuan * (tier === 3 ? scenario.coefficients.effort.remoteCallFactorPm / 1000 : 1);
    let extraCalls = 0;
    const reps = d.reps.map((p) => {
      if (p.territory !== territory) return p;
      extraCalls += 12;
      return { ...p, prospecting: p.prospecting + 6, longTail: p.longTail + 6 };
    });
    return {
      ...d,
      reps,
      travel: d.travel + Math.ceil(extraCalls * callCost),
      territories: d.territories.map((t) => (t.territory === territory ? { ...t, promotion: t.promotion + 25_000 } : t)),
    };
  }

  for (const seed of SEEDS) {
    it(`seed ${seed}: more promotion and rep hours in a territory never lower our attractionBp there`, () => {
      const market = initialMarket(scenario, seed, TEAMS);
      const base = defaultDecisions(market, scenario, US_FIRM);
      const before = play(market, seed, base);
      for (const [ti, t] of market.territories.entries()) {
        const pushed = pushIn(market, base, t.id);
        expect(validateDecisions(pushed, market, scenario, US_FIRM)).toBeNull();
        expect(pushed.reps.some((p) => p.territory === t.id)).toBe(true);
        const after = play(market, seed, pushed);
        expect(after.attractionBp[ti]![US_FIRM]!).toBeGreaterThanOrEqual(before.attractionBp[ti]![US_FIRM]!);
        // It is a real push, not a tie: attraction share goes up.
        expect(after.attractionBp[ti]![US_FIRM]!).toBeGreaterThan(before.attractionBp[ti]![US_FIRM]!);
      }
    });

    it(`seed ${seed}: a 10% price cut raises our attractionBp in every territory of that tier`, () => {
      const market = initialMarket(scenario, seed, TEAMS);
      const base = defaultDecisions(market, scenario, US_FIRM);
      const before = play(market, seed, base);
      for (const tier of TIERS) {
        const pricePm = [...base.pricePm] as [number, number, number];
        pricePm[tier - 1] = Math.round(pricePm[tier - 1]! * 0.9);
        const cut: Decisions = { ...base, pricePm };
        expect(validateDecisions(cut, market, scenario, US_FIRM)).toBeNull();
        const after = play(market, seed, cut);
        market.territories.forEach((t, ti) => {
          const b = before.attractionBp[ti]![US_FIRM]!;
          const a = after.attractionBp[ti]![US_FIRM]!;
          if (t.tier === tier) expect(a).toBeGreaterThan(b);
          else expect(a).toBe(b);
        });
      }
    });
  }
});
