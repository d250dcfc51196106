import { roundHalfEven } from '../../core/fixedPoint.ts';
import type { KpiWeights } from '../coefficients.ts';
import type { KpiLight, KpiOutcome } from '../outcome.ts';
import type { MarketState } from '../state.ts';
import type { RoundContext, Work } from './context.ts';

/** Seasonality of the round's month against the start month's, which last year's figure stands for. */
function seasonShift(ctx: RoundContext): number {
  const start = ctx.scenario.market.seasonPm[(ctx.scenario.startMonth - 1) % 12] ?? 1000;
  return ctx.seasonPm / start;
}

/**
 * KPI lights by week: the baseline is last year's same period grown by b, the band floats by the
 * market's volatility σv around it. Cumulative revenue against the prorated target (never below
 * the baseline): green at or above it, yellow above the band's lower bound, red after two weeks
 * running below it.
 */
export function kpis(w: Work, ctx: RoundContext): void {
  const b = ctx.scenario.market.baselineGrowthBp / 10_000;
  const sigma = ctx.scenario.market.volatilityBp / 10_000;
  w.firms.forEach((f, fi) => {
    const d = ctx.decisions[fi];
    ctx.kpis[fi] = [];
    if (!d || !f.active) return;
    const out: KpiOutcome[] = [];
    w.territories.forEach((t, ti) => {
      if (!f.territories.includes(t.id)) return;
      const baseline = roundHalfEven(f.lastYear[ti]! * (1 + b) * seasonShift(ctx));
      // The lights measure against the team's target or the baseline, whichever is higher: a
      // target set below the baseline (sandbagging) does not turn the lights green.
      const target = Math.max(baseline, d.territories.find((x) => x.territory === t.id)?.target ?? baseline);
      const lower = roundHalfEven(baseline * (1 - sigma));
      const upper = roundHalfEven(baseline * (1 + sigma));
      const revenue = roundHalfEven(ctx.revenueBy[fi]![ti]!);
      const lights: KpiLight[] = [];
      let below = 0;
      for (let week = 1; week <= 4; week++) {
        const sofar = (revenue * week) / 4;
        if (sofar >= (target * week) / 4) {
          lights.push('green');
          below = 0;
        } else if (sofar >= (lower * week) / 4) {
          lights.push('yellow');
          below = 0;
        } else {
          below += 1;
          lights.push(below >= 2 ? 'red' : 'yellow');
        }
      }
      f.totals.greenWeeks += lights.filter((l) => l === 'green').length;
      f.totals.weeks += 4;
      out.push({ territory: t.id, target, baseline, lower, upper, revenue, lights, score: 0 });
    });
    ctx.kpis[fi] = out;
  });
}

/** Stage weights of a territory: growth markets sit halfway between new and mature. */
export function stageWeights(stage: string, c: RoundContext['c']['kpi']): KpiWeights {
  if (stage === 'new') return c.weightsNew;
  if (stage === 'mature') return c.weightsMature;
  const a = c.weightsNew;
  const b = c.weightsMature;
  return {
    coverage: (a.coverage + b.coverage) / 2,
    revenue: (a.revenue + b.revenue) / 2,
    newAccounts: (a.newAccounts + b.newAccounts) / 2,
    profit: (a.profit + b.profit) / 2,
    retention: (a.retention + b.retention) / 2,
    share: (a.share + b.share) / 2,
  };
}

/**
 * Scores each territory's KPIs by its stage weights (MODEL.md: new markets weigh coverage and
 * new accounts, mature ones profit and retention). Each KPI counts as its attainment, capped at
 * 120%: coverage against 600‰, revenue against the target, new customers against 3% of the
 * base, margin against 25%, retention against 95%, share against last round's.
 */
export function kpiScores(w: Work, ctx: RoundContext, before: MarketState, profitOf: readonly number[], customersOf: readonly number[]): void {
  w.firms.forEach((f, fi) => {
    const rows = ctx.kpis[fi];
    if (!rows || rows.length === 0) return;
    const revenue = ctx.revenueBy[fi]!.reduce((a, b) => a + b, 0);
    const margin = revenue > 0 ? profitOf[fi]! / revenue : 0;
    const base = Math.max(1, customersOf[fi]!);
    const retention = 1 - ctx.lost[fi]! / (base + ctx.lost[fi]!);
    const attain = (x: number) => Math.max(0, Math.min(1.2, x));
    ctx.kpis[fi] = rows.map((row) => {
      const ti = w.territories.findIndex((t) => t.id === row.territory);
      const t = w.territories[ti]!;
      const weights = stageWeights(t.stage, ctx.c.kpi);
      const shareNow = t.shareHistory[t.shareHistory.length - 1]?.[fi] ?? 0;
      const beforeHistory = before.territories[ti]!.shareHistory;
      const shareBefore = beforeHistory[beforeHistory.length - 1]?.[fi] ?? 0;
      const parts: Record<keyof KpiWeights, number> = {
        coverage: attain(t.coverage[fi]! / 600),
        revenue: attain(row.target > 0 ? row.revenue / row.target : 1),
        newAccounts: attain(ctx.won[fi]! / Math.max(1, base * 0.03)),
        profit: attain(margin / 0.25),
        retention: attain(retention / 0.95),
        share: attain(shareBefore > 0 ? shareNow / shareBefore : 1),
      };
      let total = 0;
      let weight = 0;
      for (const key of Object.keys(parts) as (keyof KpiWeights)[]) {
        total += weights[key] * parts[key];
        weight += weights[key];
      }
      return { ...row, score: weight > 0 ? Math.round((total / weight) * 100) : 0 };
    });
  });
}
