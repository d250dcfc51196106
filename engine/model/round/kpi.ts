import { roundHalfEven } from '../../core/fixedPoint.ts';
import type { KpiWeights } from '../coefficients.ts';
import type { KpiLight, KpiOutcome } from '../outcome.ts';
import type { MarketState } from '../state.ts';
import { kpiBaseline } from '../defaultDecisions.ts';
import type { RoundContext, Work } from './context.ts';

/**
 * KPI lights by week: the baseline is last year's same period grown by b (re-based when the
 * market moves past the band), the band floats by the market's volatility σv around it.
 * Cumulative revenue against the prorated target (never below the baseline): green at or above
 * it, yellow above the band's lower bound, red after two weeks running below it. Every firm's
 * baseline is added up for the scorecard.
 */
export function kpis(w: Work, ctx: RoundContext): void {
  const sigma = ctx.scenario.market.volatilityBp / 10_000;
  w.firms.forEach((f, fi) => {
    const d = ctx.decisions[fi];
    ctx.kpis[fi] = [];
    w.territories.forEach((t, ti) => {
      if (f.territories.includes(t.id)) f.totals.baseline += kpiBaseline(w, ctx.scenario, fi, ti, ctx.round);
    });
    if (!d || !f.active) return;
    const out: KpiOutcome[] = [];
    w.territories.forEach((t, ti) => {
      if (!f.territories.includes(t.id)) return;
      const baseline = kpiBaseline(w, ctx.scenario, fi, ti, ctx.round);
      // The lights measure against the team's target or the baseline, whichever is higher: a
      // target set below the baseline (sandbagging) does not turn the lights green.
      const target = d.territories.find((x) => x.territory === t.id)?.target ?? baseline;
      const bar = Math.max(baseline, target);
      const lower = roundHalfEven(baseline * (1 - sigma));
      const upper = roundHalfEven(baseline * (1 + sigma));
      const revenue = roundHalfEven(ctx.revenueBy[fi]![ti]!);
      const lights: KpiLight[] = [];
      let below = 0;
      for (let week = 1; week <= 4; week++) {
        const sofar = (revenue * week) / 4;
        if (sofar >= (bar * week) / 4) {
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

/**
 * The deck's dynamic adjustment: every `rebaseRounds` rounds each territory's baseline is
 * re-based to the market as it now stands (growth of potential against the b the baseline
 * assumed, the macro index, policy and demand shocks) when that has moved by more than the band
 * since the last re-base. Applies from the next round on.
 */
export function rebaseBaselines(w: Work, ctx: RoundContext): void {
  const every = ctx.c.kpi.rebaseRounds;
  if (every <= 0 || ctx.round % every !== 0) return;
  const sigma = ctx.scenario.market.volatilityBp / 10_000;
  const b = ctx.scenario.market.baselineGrowthBp / 10_000;
  // Shocks still running next round: one that ends now does not move next quarter's baseline.
  const ahead = w.shocks.filter((s) => s.toRound > ctx.round);
  let macroPm = w.macroPm;
  for (const s of ahead) if (s.kind === 'downturn') macroPm = Math.round((macroPm * Math.max(0, 1000 - s.magnitudePm)) / 1000);
  w.territories.forEach((t, ti) => {
    const spec = ctx.scenario.territories[ti]!;
    const growth = t.potential / spec.potential / (1 + (b * ctx.round) / 12);
    const macro = macroPm / ctx.scenario.market.macroPm;
    const policy = (1000 + t.policyPm) / (1000 + spec.policyPm);
    let demandPm = 1000;
    for (const s of ahead) if (s.kind === 'policy-support' && (s.territory === '' || s.territory === t.id)) demandPm += s.magnitudePm;
    const index = Math.round(growth * macro * policy * demandPm);
    if (Math.abs(index / t.rebasePm - 1) > sigma) t.rebasePm = index;
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
 * 120%: coverage against 600‰, revenue up to the target against the baseline, new customers
 * against 3% of the base, margin against the scenario's margin target (kpi.marginTargetBp),
 * retention against 95%, share against last round's.
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
        // Credit for revenue up to the target, against the baseline: a sandbagged target caps what
        // counts, an ambitious one that is met counts in full, one far past reach adds nothing.
        revenue: attain(row.baseline > 0 ? Math.min(row.revenue, row.target) / row.baseline : 1),
        newAccounts: attain(ctx.won[fi]! / Math.max(1, base * 0.03)),
        profit: attain(margin / (ctx.c.kpi.marginTargetBp / 10_000)),
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
    const scored = ctx.kpis[fi]!;
    f.totals.kpiScore += Math.round((scored.reduce((sum, row) => sum + row.score, 0) * 100) / scored.length);
  });
}
