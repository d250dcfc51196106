import type { RoundOutcome } from './outcome.ts';
import type { Scenario } from './scenario.ts';

/**
 * The magnitudes a trainer checks a market against (docs/model.md, "Magnitudes"): what a firm's
 * year looked like in the units the field quotes — operating margin, selling costs as a share of
 * revenue, annual long-tail churn and rep attrition, revenue per rep, and how key accounts went.
 * Rates over fewer than twelve rounds are annualised.
 */
export interface FirmFigures {
  readonly rounds: number;
  readonly revenue: number;
  readonly profit: number;
  readonly units: number;
  /** Long-tail units ordered over the game: the spot market's demand, before capacity (what the elasticities measure). */
  readonly longTailOrders: number;
  /** Promotion and travel spent over the game, yuan (what the elasticities measure their steps by). */
  readonly promotion: number;
  readonly travel: number;
  /** Profit over revenue, bp. */
  readonly operatingMarginBp: number;
  /** Travel, promotion, channel, self-service, incentives, training, tools and cost to serve over revenue, bp. */
  readonly sellingCostBp: number;
  /** Long-tail customers lost in a year over the average served, bp. */
  readonly ltChurnBp: number;
  /** Reps who left in a year over the starting team, bp. */
  readonly repAttritionBp: number;
  /** Revenue a year per rep of the starting team, yuan. */
  readonly revenuePerRep: number;
  /** Key accounts the firm won (from rivals or unserved), lost, and holds at the end. */
  readonly accountsWon: number;
  readonly accountsLost: number;
  readonly accountsHeld: number;
  /** Of the contests the firm entered (its negotiations, and its own accounts coming up), the share it came out holding, bp (−1 when none). */
  readonly accountWinBp: number;
}

export function firmFigures(scenario: Scenario, history: readonly RoundOutcome[], firm: number): FirmFigures {
  const rounds = history.length;
  const year = rounds > 0 ? 12 / rounds : 0;
  let revenue = 0;
  let profit = 0;
  let units = 0;
  let longTailOrders = 0;
  let selling = 0;
  let promotion = 0;
  let travel = 0;
  let lost = 0;
  let customers = 0;
  let leavers = 0;
  let won = 0;
  let lostAccounts = 0;
  let contests = 0;
  let contestsWon = 0;
  for (const o of history) {
    const f = o.firms[firm];
    if (!f) continue;
    const p = f.pnl;
    revenue += p.revenue;
    profit += p.profit;
    units += f.units;
    longTailOrders += f.longTailOrders;
    promotion += p.promotion;
    travel += p.travel;
    selling += p.travel + p.promotion + p.channel + p.automation + p.incentives + p.training + p.tools + p.costToServe;
    lost += f.lostCustomers;
    customers += f.customers;
    leavers += f.leavers.length;
    const talked = new Set(o.negotiations.filter((n) => n.firm === firm).map((n) => n.account));
    for (const a of o.accounts) {
      const mine = a.supplier === firm;
      const wasMine = a.previousSupplier === firm;
      if (mine && !wasMine && a.event !== 'upgraded') won += 1;
      if (wasMine && !mine) lostAccounts += 1;
      const contest = a.event === 'renewed' || a.event === 'lost' || a.event === 'won' || a.event === 'split';
      if (contest && (wasMine || talked.has(a.id))) {
        contests += 1;
        if (mine) contestsWon += 1;
      }
    }
  }
  const meanCustomers = rounds > 0 ? customers / rounds : 0;
  const startReps = scenario.firms[firm]?.reps ?? 0;
  const last = history[rounds - 1];
  const bp = (x: number) => Math.round(x * 10_000);
  return {
    rounds,
    revenue,
    profit,
    units,
    longTailOrders,
    promotion,
    travel,
    operatingMarginBp: revenue > 0 ? bp(profit / revenue) : 0,
    sellingCostBp: revenue > 0 ? bp(selling / revenue) : 0,
    ltChurnBp: meanCustomers > 0 ? bp((lost / meanCustomers) * year) : 0,
    repAttritionBp: startReps > 0 ? bp((leavers / startReps) * year) : 0,
    revenuePerRep: startReps > 0 ? Math.round((revenue / startReps) * year) : 0,
    accountsWon: won,
    accountsLost: lostAccounts,
    accountsHeld: last ? last.accounts.filter((a) => a.supplier === firm).length : 0,
    accountWinBp: contests > 0 ? bp(contestsWon / contests) : -1,
  };
}
