import { roundHalfEven } from '../../core/fixedPoint.ts';
import type { KpiLight, KpiOutcome } from '../outcome.ts';
import type { RoundContext, Work } from './context.ts';

/** Seasonality of the round's month against the start month's, which last year's figure stands for. */
function seasonShift(ctx: RoundContext): number {
  const start = ctx.scenario.market.seasonPm[(ctx.scenario.startMonth - 1) % 12] ?? 1000;
  return ctx.seasonPm / start;
}

/**
 * KPI lights by week: the baseline is last year's same period grown by b, the band floats by the
 * market's volatility σv around it. Cumulative revenue against the prorated target: green at or
 * above it, yellow above the band's lower bound, red after two weeks running below it.
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
      const target = d.territories.find((x) => x.territory === t.id)?.target ?? baseline;
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
      out.push({ territory: t.id, target, baseline, lower, upper, revenue, lights });
    });
    ctx.kpis[fi] = out;
  });
}
