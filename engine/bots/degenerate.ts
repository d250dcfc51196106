import { roundHalfEven } from '../core/fixedPoint.ts';
import { stream } from '../core/rng.ts';
import type { Decisions, RepPlan } from '../model/decisions.ts';
import { defaultDecisions, kpiBaseline } from '../model/defaultDecisions.ts';
import { INCENTIVE_KINDS, SKILL_NAMES } from '../model/state.ts';
import { balancedBot, fitBudget } from './balanced.ts';
import type { Bot, BotView } from './bot.ts';

/** Re-plans every rep's week with the same hours in another mix. */
function everyRep(d: Decisions, plan: (p: RepPlan) => RepPlan): Decisions {
  return { ...d, reps: d.reps.map(plan) };
}

const hoursOf = (p: RepPlan) => p.prospecting + p.accounts + p.longTail + p.development + p.training;

/** A plan with every discretionary line cut: no travel, contingency, training, incentives or tools. */
function withoutSpending(d: Decisions, promotionPerTerritory = 0): Decisions {
  return {
    ...d,
    travel: 0,
    contingency: 0,
    training: [],
    incentives: [],
    toolkit: false,
    templates: false,
    mediation: false,
    territories: d.territories.map((t) => ({ ...t, promotion: promotionPerTerritory, channel: 0, automation: false })),
  };
}

/**
 * The one-lever strategies of MODEL.md section 4. Each pushes a single idea to the limit; the
 * balance suite checks that none of them beats the balanced bot.
 */
export const degenerateBots: Readonly<Record<string, Bot>> = {
  'all-one-territory': (v) => {
    const d = balancedBot(v);
    const t = v.market.territories.filter((x) => v.market.firms[v.firm]!.territories.includes(x.id)).sort((a, b) => b.potential - a.potential)[0]!;
    return everyRep(d, (p) => ({ ...p, territory: t.id }));
  },
  'static-even-split': (v) => defaultDecisions(v.market, v.scenario, v.firm),
  'max-discount': (v) => ({ ...balancedBot(v), pricePm: [700, 700, 700], maxDiscountBp: 3000 }),
  'never-discount': (v) => ({ ...balancedBot(v), pricePm: [1150, 1150, 1150], maxDiscountBp: 0 }),
  'zero-training': (v) => everyRep({ ...balancedBot(v), training: [] }, (p) => ({ ...p, longTail: p.longTail + p.training, training: 0 })),
  'zero-incentives': (v) => ({ ...balancedBot(v), incentives: [] }),
  'all-promotion': (v) => {
    const d = balancedBot(v);
    const budget = v.market.firms[v.firm]!.budget;
    return withoutSpending(d, Math.floor(budget / Math.max(1, d.territories.length)));
  },
  'all-key-accounts': (v) => everyRep(balancedBot(v), (p) => ({ ...p, prospecting: 0, longTail: 0, development: 0, training: 0, accounts: hoursOf(p) })),
  'all-long-tail': (v) => everyRep(balancedBot(v), (p) => ({ ...p, prospecting: 0, accounts: 0, development: 0, training: 0, longTail: hoursOf(p) })),
  'max-stretch': (v) => {
    const d = balancedBot(v);
    return {
      ...d,
      territories: d.territories.map((t) => {
        const ti = v.market.territories.findIndex((x) => x.id === t.territory);
        return { ...t, target: roundHalfEven(kpiBaseline(v.market, v.scenario, v.firm, ti, v.round) * 1.6) };
      }),
      reps: d.reps.map((p) => ({ ...p, longTail: p.longTail + 30 })),
    };
  },
  'p1-everything': (v) => {
    const d = balancedBot(v);
    const ours = v.market.accounts.filter((a) => a.supplier === v.firm);
    return { ...d, operations: ours.map((a) => ({ account: a.id, priority: 'P1' as const })) };
  },
  'ignore-renewals': (v) => everyRep({ ...balancedBot(v), executive: [] }, (p) => ({ ...p, longTail: p.longTail + p.accounts, accounts: 0 })),
  'cut-spending-end': (v) => {
    const d = balancedBot(v);
    return v.round <= v.scenario.rounds - 3 ? d : withoutSpending(d);
  },
  // Plays the balanced plan but never sits down with a key account (bots/index.ts: no talks).
  'never-negotiate': (v) => balancedBot(v),
  'hoard-contingency': (v) => {
    const d = defaultDecisions(v.market, v.scenario, v.firm);
    const budget = v.market.firms[v.firm]!.budget;
    return {
      ...d,
      travel: 0,
      territories: d.territories.map((t) => ({ ...t, promotion: 0, channel: 0 })),
      contingency: budget,
    };
  },
};

/** Random but legal play: a control that any sensible strategy should beat. */
export const randomBot: Bot = (v: BotView) => {
  const dice = stream(v.seed, 'bot', 'random', v.market.firms[v.firm]!.id, v.round);
  const d = defaultDecisions(v.market, v.scenario, v.firm);
  const f = v.market.firms[v.firm]!;
  const plan: Decisions = {
    ...d,
    reps: d.reps.map((p) => {
      const cut = () => dice.between(0, 22);
      return { ...p, territory: dice.pick(f.territories), prospecting: cut(), accounts: cut(), longTail: cut(), development: cut(), training: dice.between(0, 8) };
    }),
    territories: d.territories.map((t) => ({
      ...t,
      promotion: dice.between(0, Math.floor(f.budget / 10)),
      channel: dice.between(0, Math.floor(f.budget / 15)),
      automation: dice.chanceBp(3000),
      target: roundHalfEven(t.target * (0.7 + dice.next() * 0.8)),
    })),
    travel: dice.between(0, Math.floor(f.budget / 3)),
    contingency: dice.between(0, Math.floor(f.budget / 10)),
    pricePm: [dice.between(750, 1250), dice.between(750, 1250), dice.between(750, 1250)],
    maxDiscountBp: dice.between(0, 3000),
    training: f.reps.filter(() => dice.chanceBp(2000)).map((r) => ({ rep: r.id, skill: dice.pick(SKILL_NAMES), coaching: dice.chanceBp(5000) })),
    incentives: dice.chanceBp(4000) ? [{ rep: '*', kind: dice.pick(INCENTIVE_KINDS) }] : [],
    mediation: dice.chanceBp(3000),
    meetingHours: dice.between(0, 12),
    toolkit: dice.chanceBp(5000),
    templates: dice.chanceBp(5000),
    marketIntelligence: dice.chanceBp(2000),
  };
  return fitBudget(plan, v);
};
