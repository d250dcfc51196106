import { apportion, roundHalfEven } from '../core/fixedPoint.ts';
import type { Decisions, RepPlan, TerritorySpend } from './decisions.ts';
import type { Scenario } from './scenario.ts';
import type { MarketState } from './state.ts';
import { plannedTravel } from './budget.ts';
import { trimToBudget } from './trimToBudget.ts';

/**
 * The KPI baseline for a round: last year's same-period revenue (the start, grown month by month
 * at b) grown by b, moved by season and
 * re-based when the market itself has moved by more than the band (kpi.ts, `rebasePm`).
 */
export function kpiBaseline(market: Pick<MarketState, 'firms' | 'territories'>, scenario: Scenario, firm: number, territory: number, round: number): number {
  const month = ((scenario.startMonth - 1 + round - 1) % 12) + 1;
  const season = (scenario.market.seasonPm[month - 1] ?? 1000) / (scenario.market.seasonPm[scenario.startMonth - 1] ?? 1000);
  const rebase = (market.territories[territory]?.rebasePm ?? 1000) / 1000;
  // Last year's same month was itself (round − 1)/12 of a year's growth further on than the start.
  const b = scenario.market.baselineGrowthBp / 10_000;
  return roundHalfEven(market.firms[firm]!.lastYear[territory]! * (1 + b) * (1 + (b * (round - 1)) / 12) * season * rebase);
}

/**
 * A sensible starting point for a round: every rep stays put with a balanced week, money spread
 * by potential, targets at the KPI baseline. The decision form opens on it, and a team that
 * never submits plays it.
 */
export function defaultDecisions(market: MarketState, scenario: Scenario, firm: number): Decisions {
  const f = market.firms[firm]!;
  const c = scenario.coefficients;
  const round = market.round + 1;
  const present = market.territories.map((t, ti) => ({ t, ti })).filter(({ t }) => f.territories.includes(t.id));
  const potentials = present.map(({ t }) => t.potential);
  const promotion = apportion(roundHalfEven(f.budget * 0.15), potentials);
  const channel = apportion(roundHalfEven(f.budget * 0.1), potentials);
  const hasAccounts = new Set(market.accounts.filter((a) => a.supplier === firm).map((a) => a.owner));
  const reps: RepPlan[] = f.reps.map((r) => {
    const accounts = hasAccounts.has(r.id) ? 14 : 4;
    return { rep: r.id, territory: r.territory, prospecting: 20, accounts, longTail: 40 - accounts, development: 4, training: 0 };
  });
  const travel = plannedTravel(reps, market, c);
  const territories: TerritorySpend[] = present.map(({ t, ti }, k) => ({
    territory: t.id,
    promotion: promotion[k]!,
    channel: channel[k]!,
    automation: false,
    target: kpiBaseline(market, scenario, firm, ti, round),
    upgrades: 0,
  }));
  return trimToBudget({
    reps,
    territories,
    travel: roundHalfEven(travel * 1.05),
    contingency: roundHalfEven(f.budget * 0.04),
    pricePm: [f.pricePm[0], f.pricePm[1], f.pricePm[2]],
    maxDiscountBp: 500,
    training: [],
    incentives: [],
    mediation: false,
    meetingHours: 4,
    operations: [],
    executive: [],
    toolkit: f.tools.toolkit,
    templates: f.tools.templates,
    marketIntelligence: false,
  }, market, scenario, firm);
}
