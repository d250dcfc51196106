import { defaultDecisions } from './defaultDecisions.ts';
import type { Decisions } from './decisions.ts';
import type { Scenario } from './scenario.ts';
import type { MarketState } from './state.ts';
import { trimToBudget } from './trimToBudget.ts';

/**
 * Fits last round's plan to the firm as it is now: reps who left drop out, new hires get the
 * default week, requests for accounts no longer ours go, and the whole is trimmed to the
 * budget. A team that did not submit plays this.
 */
export function reconcileDecisions(d: Decisions, market: MarketState, scenario: Scenario, firm: number): Decisions {
  const f = market.firms[firm]!;
  const fallback = defaultDecisions(market, scenario, firm);
  const reps = f.reps.map((r) => {
    const plan = d.reps.find((p) => p.rep === r.id);
    if (!plan) return fallback.reps.find((p) => p.rep === r.id)!;
    return f.territories.includes(plan.territory) ? plan : { ...plan, territory: r.territory };
  });
  // A proposal for key-account status is a decision of its round: it is not carried over.
  const territories = fallback.territories.map((t) => {
    const kept = d.territories.find((x) => x.territory === t.territory);
    return kept ? { ...kept, upgrades: 0 } : t;
  });
  const here = new Set(f.reps.map((r) => r.id));
  const reconciled: Decisions = {
    ...d,
    reps,
    territories,
    training: d.training.filter((t) => here.has(t.rep)),
    incentives: d.incentives.filter((g) => g.rep === '*' || here.has(g.rep)),
    operations: d.operations.filter((o) => market.accounts.some((a) => a.id === o.account && a.supplier === firm)),
    executive: d.executive.filter((x) => market.accounts.some((a) => a.id === x.account)),
  };
  return trimToBudget(reconciled, market, scenario, firm);
}
