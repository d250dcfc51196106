import type { Coefficients } from './coefficients.ts';
import type { Decisions } from './decisions.ts';
import type { MarketState } from './state.ts';

/** Each budget line a decision commits, yuan. Travel and contingency are ceilings; the rest is spent as planned. */
export interface BudgetLines {
  readonly travel: number;
  readonly contingency: number;
  readonly promotion: number;
  readonly channel: number;
  readonly automation: number;
  readonly incentives: number;
  readonly training: number;
  readonly tools: number;
  readonly mediation: number;
}

export function budgetTotal(lines: BudgetLines): number {
  return (
    lines.travel + lines.contingency + lines.promotion + lines.channel + lines.automation + lines.incentives + lines.training + lines.tools + lines.mediation
  );
}

const servedCounts = new WeakMap<MarketState['customers'], number[][]>();

/** Long-tail customers each firm serves in each territory ([firm][territory]), counted once per market. */
export function servedCounts2D(market: MarketState): number[][] {
  const cached = servedCounts.get(market.customers);
  if (cached) return cached;
  const counts = market.firms.map(() => market.territories.map(() => 0));
  const { supplier, territory } = market.customers;
  for (let i = 0; i < supplier.length; i++) {
    const s = supplier[i]!;
    if (s >= 0) counts[s]![territory[i]!]! += 1;
  }
  // Markets handed to the engine are never mutated (rounds work on a copy), so counts keyed on the columns stay true.
  servedCounts.set(market.customers, counts);
  return counts;
}

/** Long-tail customers a firm serves in a territory now (what automation is priced on). */
export function servedCustomers(market: MarketState, firm: number, territory: number): number {
  return servedCounts2D(market)[firm]?.[territory] ?? 0;
}

/** What the planned calls cost in travel, yuan (calls in tier 3–4 cost `remoteCallFactorPm`‰ of the base). */
export function plannedTravel(reps: Decisions['reps'], market: MarketState, c: Coefficients): number {
  let travel = 0;
  for (const p of reps) {
    const tier = market.territories.find((t) => t.id === p.territory)?.tier ?? 1;
    const selling = p.prospecting + p.accounts + p.longTail + p.development;
    travel += selling * c.effort.callCostYuan * (tier === 3 ? c.effort.remoteCallFactorPm / 1000 : 1);
  }
  return travel;
}

/** What a firm's decisions cost, line by line, priced on the market as it stands. */
export function budgetLines(d: Decisions, market: MarketState, firm: number, c: Coefficients): BudgetLines {
  const f = market.firms[firm]!;
  let promotion = 0;
  let channel = 0;
  let automation = 0;
  for (const t of d.territories) {
    promotion += t.promotion;
    channel += t.channel;
    const ti = market.territories.findIndex((x) => x.id === t.territory);
    if (t.automation && ti >= 0) automation += servedCustomers(market, firm, ti) * c.customers.automationYuanPerCustomer;
  }
  let incentives = 0;
  for (const grant of d.incentives) incentives += c.team.incentiveCostYuan * (grant.rep === '*' ? f.reps.length : 1);
  let training = 0;
  for (const plan of d.training) training += Math.round(c.team.trainingCostYuan * (plan.coaching ? 1.5 : 1));
  const tools =
    (d.toolkit ? c.finance.toolkitYuan : 0) + (d.templates ? c.finance.templatesYuan : 0) + (d.marketIntelligence ? c.finance.marketIntelligenceYuan : 0);
  return {
    travel: d.travel,
    contingency: d.contingency,
    promotion,
    channel,
    automation,
    incentives,
    training,
    tools,
    mediation: d.mediation ? c.team.mediationCostYuan : 0,
  };
}
