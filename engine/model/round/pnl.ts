import { roundHalfEven } from '../../core/fixedPoint.ts';
import { budgetLines } from '../budget.ts';
import type { ProfitAndLoss } from '../outcome.ts';
import type { MarketState } from '../state.ts';
import type { RoundContext, Work } from './context.ts';
import type { TerritoryMoney } from './spendPlan.ts';

/**
 * The round's P&L for every firm, in whole yuan. Budget lines are booked as planned (travel and
 * contingency as used, never above the line), so every yuan a decision commits shows here.
 */
export function profitAndLoss(w: Work, ctx: RoundContext, before: MarketState, money: readonly TerritoryMoney[]): ProfitAndLoss[] {
  const c = ctx.c;
  const unitCost = ctx.scenario.product.unitCost;
  return w.firms.map((f, fi) => {
    const d = ctx.decisions[fi];
    const s = ctx.spend[fi]!;
    if (d) {
      const lines = budgetLines(d, before, fi, c);
      s.promotion = lines.promotion;
      s.channel = lines.channel;
      s.automation = lines.automation;
      s.incentives = lines.incentives;
      s.training = lines.training;
      s.tools = lines.tools;
      s.mediation = lines.mediation;
    } else if (f.active) {
      s.promotion = money[fi]!.promotion.reduce((a, b) => a + b, 0);
      s.channel = money[fi]!.channel.reduce((a, b) => a + b, 0);
      s.travel = roundHalfEven(ctx.effort[fi]!.reduce((a, e) => a + e.calls, 0) * c.effort.callCostYuan);
    }
    const ka = ctx.kaRevenue[fi] ?? 0;
    let costToServe = ka * (c.customers.costToServeKaBp / 10_000);
    w.territories.forEach((t, ti) => {
      const automated = d?.territories.some((x) => x.territory === t.id && x.automation) ?? false;
      costToServe += (ctx.ltRevenueBy[fi]?.[ti] ?? 0) * ((automated ? c.customers.costToServeAutomatedBp : c.customers.costToServeLtBp) / 10_000);
    });
    const revenue = roundHalfEven((ctx.ltRevenue[fi] ?? 0) + ka);
    const activeCost = f.active ? 1 : 0;
    const pnl = {
      revenue,
      cogs: roundHalfEven((ctx.delivered[fi] ?? 0) * unitCost),
      // Overtime is paid on top of the salary, by the hour.
      salaries:
        activeCost * (d ? f.reps.length : ctx.scenario.firms[fi]!.reps) * c.team.repSalaryYuan +
        roundHalfEven((ctx.overtime[fi]! * c.team.repSalaryYuan * c.effort.overtimePayPm) / 1000 / c.effort.repCapacityHours),
      overhead: activeCost * (c.finance.overheadYuan + c.finance.overheadPerRepYuan * ctx.scenario.firms[fi]!.reps),
      travel: s.travel,
      promotion: s.promotion,
      channel: s.channel,
      automation: s.automation,
      incentives: s.incentives,
      training: s.training,
      tools: s.tools,
      mediation: s.mediation,
      expedite: s.expedite,
      hiring: s.hiring,
      costToServe: roundHalfEven(costToServe),
      commission: roundHalfEven((revenue * c.finance.commissionBp) / 10_000),
      profit: 0,
    };
    pnl.profit =
      pnl.revenue -
      pnl.cogs -
      pnl.salaries -
      pnl.overhead -
      pnl.travel -
      pnl.promotion -
      pnl.channel -
      pnl.automation -
      pnl.incentives -
      pnl.training -
      pnl.tools -
      pnl.mediation -
      pnl.expedite -
      pnl.hiring -
      pnl.costToServe -
      pnl.commission;
    return pnl;
  });
}

