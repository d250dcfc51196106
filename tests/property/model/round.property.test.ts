import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import type { ProfitAndLoss } from '../../../engine/model/outcome.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import type { MarketState } from '../../../engine/model/state.ts';
import { validateDecisions } from '../../../engine/model/validateDecisions.ts';
import {
  deepFreeze,
  isDeepFrozen,
  playPlan,
  roundInput,
  seedArb,
  sessionPlan,
  workshop,
  type SessionPlan,
} from '../../support/marketArbitrary.ts';

/** Budget lines of MODEL.md a team pays from its round budget. */
const BUDGET_LINES = ['travel', 'promotion', 'channel', 'automation', 'incentives', 'training', 'tools', 'mediation', 'expedite'] as const;
/** Every cost line of the P&L. */
const COST_LINES = [
  'cogs',
  'salaries',
  'overhead',
  'travel',
  'promotion',
  'channel',
  'automation',
  'incentives',
  'training',
  'tools',
  'mediation',
  'expedite',
  'hiring',
  'costToServe',
  'commission',
] as const satisfies readonly (keyof ProfitAndLoss)[];

const inRange = (x: number, lo: number, hi: number) => Number.isFinite(x) && x >= lo && x <= hi;

/** Every range of MODEL.md section 1 that the market keeps, as a list of violations. */
function rangeViolations(m: MarketState): string[] {
  const bad: string[] = [];
  const check = (what: string, x: number, lo: number, hi: number) => {
    if (!inRange(x, lo, hi)) bad.push(`${what} = ${x} outside ${lo}..${hi}`);
  };
  for (const f of m.firms) {
    check(`${f.id}.conflict`, f.conflict, 0, 100);
    check(`${f.id}.goodwill`, f.goodwill, 0, 100);
    for (const r of f.reps) {
      check(`${r.id}.morale`, r.morale, 0, 100);
      for (const [name, v] of Object.entries(r.skills)) check(`${r.id}.skills.${name}`, v, 0, 100);
      for (const [name, v] of Object.entries(r.latent)) check(`${r.id}.latent.${name}`, v, 0, 100);
    }
  }
  for (const t of m.territories) {
    t.awareness.forEach((v, fi) => check(`${t.id}.awareness[${fi}]`, v, 0, 1000));
    t.coverage.forEach((v, fi) => check(`${t.id}.coverage[${fi}]`, v, 0, 1000));
  }
  for (const a of m.accounts) {
    check(`${a.id}.csat`, a.csat, 0, 100);
    check(`${a.id}.relationship`, a.relationship, 0, 100);
  }
  m.customers.csat.forEach((v, i) => {
    if (!inRange(v, 0, 100)) bad.push(`customer ${i} csat = ${v} outside 0..100`);
  });
  return bad;
}

const plans = sessionPlan({ minRounds: 1, maxRounds: 4 });

describe('resolveRound on random valid decisions (workshop)', () => {
  it('only ever sees decisions validateDecisions accepts', () => {
    fc.assert(
      fc.property(sessionPlan({ minRounds: 1, maxRounds: 2 }), (plan) => {
        const { scenario } = workshop();
        let market = initialMarket(scenario, plan.seed, plan.teams);
        for (let r = 0; r < plan.rounds.length; r++) {
          const input = roundInput(market, plan, r);
          const teamFirms = input.decisions.flatMap((d, fi) => (d ? [fi] : []));
          expect(teamFirms.map((fi) => scenario.firms[fi]!.id).sort()).toEqual([...plan.teams].sort());
          for (const fi of teamFirms) expect(validateDecisions(input.decisions[fi], market, scenario, fi)).toBeNull();
          market = resolveRound(market, input).market;
        }
      }),
      { numRuns: 20 },
    );
  });

  it('(a) shares and attraction shares add up to exactly 10000 bp in every territory (or are all 0)', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        for (const { outcome, market } of playPlan(plan)) {
          expect(outcome.territories).toHaveLength(market.territories.length);
          for (const t of outcome.territories) {
            for (const key of ['shareBp', 'attractionBp'] as const) {
              const bp = t[key];
              expect(bp).toHaveLength(market.firms.length);
              for (const x of bp) expect(Number.isSafeInteger(x) && x >= 0 && x <= 10_000).toBe(true);
              const sum = bp.reduce((a, b) => a + b, 0);
              if (key === 'shareBp' && t.units === 0) expect(sum === 0 || sum === 10_000).toBe(true);
              else expect(sum).toBe(10_000);
            }
            // Nobody has share where it does not sell or is not in the market.
            market.firms.forEach((f, fi) => {
              if (!f.territories.includes(t.id)) {
                expect(t.shareBp[fi]).toBe(0);
                expect(t.attractionBp[fi]).toBe(0);
              }
            });
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('(b) every bounded state variable stays in its range', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        for (const { market, outcome } of playPlan(plan)) {
          expect(rangeViolations(market)).toEqual([]);
          for (const f of outcome.firms) {
            expect(inRange(f.morale, 0, 100)).toBe(true);
            expect(inRange(f.conflict, 0, 100)).toBe(true);
            expect(inRange(f.csat, 0, 100)).toBe(true);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('(c) money: team firms spend within budget, the P&L is in whole yuan and adds up exactly', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        for (const { input, outcome } of playPlan(plan)) {
          outcome.firms.forEach((f, fi) => {
            const p = f.pnl;
            for (const [line, v] of Object.entries(p)) {
              if (!Number.isSafeInteger(v)) throw new Error(`${f.id} pnl.${line} = ${v} is not a whole number of yuan`);
            }
            const costs = COST_LINES.reduce((s, k) => s + p[k], 0);
            expect(p.profit).toBe(p.revenue - costs);
            const spent = BUDGET_LINES.reduce((s, k) => s + p[k], 0);
            expect(f.spent).toBe(spent);
            for (const k of BUDGET_LINES) expect(p[k]).toBeGreaterThanOrEqual(0);
            const d = input.decisions[fi];
            if (d) {
              expect(spent).toBeLessThanOrEqual(f.budget);
              expect(p.travel).toBeLessThanOrEqual(d.travel);
              expect(p.expedite).toBeLessThanOrEqual(d.contingency);
            }
          });
        }
      }),
      { numRuns: 30 },
    );
  });

  it('(d) resolving is pure: same input, deep-equal output; the input market is neither changed nor unfrozen', () => {
    fc.assert(
      fc.property(plans, fc.boolean(), (plan, freeze) => {
        const rounds = playPlan(plan);
        const last = rounds[rounds.length - 1]!;
        // Resolve the last round again from its market, frozen as session state is, or not.
        const before = freeze ? deepFreeze(structuredClone(last.before)) : structuredClone(last.before);
        const snapshot = structuredClone(before);
        const decisionsSnapshot = structuredClone(last.input.decisions);
        const wasFrozen = isDeepFrozen(before);
        const first = resolveRound(before, last.input);
        const second = resolveRound(before, last.input);
        expect(second).toEqual(first);
        expect(first.market).toEqual(last.market);
        expect(first.outcome).toEqual(last.outcome);
        expect(before).toEqual(snapshot);
        expect(last.input.decisions).toEqual(decisionsSnapshot);
        expect(isDeepFrozen(before)).toBe(wasFrozen);
        expect(wasFrozen).toBe(freeze);
        // And the result shares nothing mutable with the input.
        expect(first.market).not.toBe(before);
        expect(first.market.firms[0]).not.toBe(before.firms[0]);
        expect(first.market.customers.csat).not.toBe(before.customers.csat);
      }),
      { numRuns: 20 },
    );
  });

  it('(e) the same seed and decisions hash alike; another seed (almost always) does not', () => {
    let compared = 0;
    let differed = 0;
    fc.assert(
      fc.property(plans, seedArb, (plan, otherSeed) => {
        fc.pre(otherSeed !== plan.seed);
        const a = playPlan(plan);
        const b = playPlan(plan);
        expect(a.map((r) => hashOf(r.market))).toEqual(b.map((r) => hashOf(r.market)));
        expect(a.map((r) => hashOf(r.outcome))).toEqual(b.map((r) => hashOf(r.outcome)));
        // Same market and decisions, another seed for the round's dice.
        const last = a[a.length - 1]!;
        const reseeded = resolveRound(last.before, { ...last.input, seed: otherSeed });
        compared += 1;
        if (hashOf(reseeded.market) !== hashOf(last.market)) differed += 1;
      }),
      { numRuns: 25 },
    );
    expect(compared).toBeGreaterThan(0);
    expect(differed / compared).toBeGreaterThanOrEqual(0.9);
  });

  it('(e) a whole short session from another seed ends in another state', () => {
    fc.assert(
      fc.property(sessionPlan({ minRounds: 1, maxRounds: 2 }), seedArb, (plan, otherSeed) => {
        fc.pre(otherSeed !== plan.seed);
        const a = playPlan(plan);
        const b = playPlan({ ...plan, seed: otherSeed } satisfies SessionPlan);
        expect(hashOf(b[b.length - 1]!.market)).not.toBe(hashOf(a[a.length - 1]!.market));
      }),
      { numRuns: 20 },
    );
  });

  /*
   * Regression guard: makeRep used to give a rep `latent: s`, the very object of its skills.
   * structuredClone keeps such aliasing and a JSON round trip does not, so two markets with the
   * same canonical JSON (same hashOf) resolved differently once a rep trained.
   */
  it('two markets with the same hashOf resolve to the same market (JSON round trip of the input)', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const last = playPlan(plan).at(-1)!;
        const copy = JSON.parse(JSON.stringify(last.before)) as MarketState;
        expect(hashOf(copy)).toBe(hashOf(last.before));
        const again = resolveRound(copy, last.input);
        expect(hashOf(again.market)).toBe(hashOf(last.market));
        expect(again.outcome).toEqual(last.outcome);
      }),
      { numRuns: 20 },
    );
  });

  it('state is integer (MODEL.md section 0), apart from incentive grant points kept to 1/100', () => {
    const fractional = (v: unknown, path: string, out: string[]): void => {
      if (typeof v === 'number') {
        if (!Number.isSafeInteger(v)) out.push(`${path} = ${v}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => fractional(x, `${path}[${i}]`, out));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) fractional(x, `${path}.${k}`, out);
    };
    fc.assert(
      fc.property(plans, (plan) => {
        for (const { market } of playPlan(plan)) {
          const out: string[] = [];
          fractional(market, 'market', out);
          expect(out.slice(0, 10)).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  });
});
