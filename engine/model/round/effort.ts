import { aiEffort } from '../firmPresence.ts';
import type { Coefficients } from '../coefficients.ts';
import type { Decisions } from '../decisions.ts';
import { kpiBaseline } from '../defaultDecisions.ts';
import type { Scenario } from '../scenario.ts';
import type { MarketState, RepState, SkillName } from '../state.ts';
import { emptyEffort, type Effort, type RoundContext, type Spend, type Work } from './context.ts';

/**
 * Effort per call-unit: skill (efficiency skillBase + skill·skillSlope, ‰), ramp-up, morale and
 * team conflict.
 */
export function repEfficiency(rep: Pick<RepState, 'skills' | 'rampPm' | 'morale'>, skill: SkillName, conflict: number, c: Coefficients['team']): number {
  return ((c.skillBasePm + rep.skills[skill] * c.skillSlopePm) / 1000) * (rep.rampPm / 1000) * (0.7 + 0.006 * rep.morale) * (1 - 0.004 * conflict);
}

/**
 * How hard reps push for a target t against the baseline B (s = t/B − 1) and the band σ: a
 * sandbagged target (s < 0) invites coasting; a target inside the band (the deck's "baseline +
 * floating band") stretches them most at its top; past the band they stop believing in it.
 * Continuous, so one more yuan of target never tips effort over a step.
 */
export function stretchFactor(s: number, sigma: number, k: Coefficients['kpi']): number {
  const floor = k.effortFloorPm / 1000;
  if (s <= 0) return Math.max(floor, 1 + (k.sandbagEffortPm / 1000) * s);
  const top = k.bandEffortPm / 1000;
  if (s <= sigma) return 1 + (top * s) / Math.max(sigma, 1e-9);
  return Math.max(floor, 1 + top - (k.overStretchEffortPm / 1000) * (s - sigma));
}

/** Each territory's target over its KPI baseline, less one (0 where there is no baseline). */
export function targetStretch(d: Decisions, market: Pick<MarketState, 'firms' | 'territories'>, scenario: Scenario, firm: number, round: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const spend of d.territories) {
    const ti = market.territories.findIndex((t) => t.id === spend.territory);
    if (ti < 0) continue;
    const baseline = kpiBaseline(market, scenario, firm, ti, round);
    out.set(spend.territory, baseline > 0 ? spend.target / baseline - 1 : 0);
  }
  return out;
}

/** Quotas: each territory's target split over its reps by their selling hours. */
export function quotas(decisions: Decisions): Map<string, number> {
  const out = new Map<string, number>();
  for (const spend of decisions.territories) {
    const plans = decisions.reps.filter((p) => p.territory === spend.territory);
    const hours = plans.map((p) => p.prospecting + p.accounts + p.longTail + p.development);
    const total = hours.reduce((a, b) => a + b, 0);
    plans.forEach((p, i) => out.set(p.rep, total === 0 ? 0 : Math.round((spend.target * hours[i]!) / total)));
  }
  return out;
}

/**
 * What an average call-unit of a rep who works `worked` call-units (selling and training) is
 * worth: 1 up to capacity; past it, the extra units count overtimeEffectPm‰ each — tired reps
 * sell less per call, so a longer week buys less than it costs the team.
 */
export function freshness(worked: number, c: Coefficients['effort']): number {
  const over = Math.max(0, worked - c.repCapacityHours);
  return worked > 0 ? (worked - over + (over * c.overtimeEffectPm) / 1000) / worked : 1;
}

/**
 * Turns the round's plans into effective effort per firm and territory and books the budget
 * lines spent on them. Calls cost travel; when the travel line runs out, every plan is scaled
 * down alike, as a manager who overbooked the car would find.
 */
export function computeEffort(w: Work, ctx: RoundContext): void {
  const c = ctx.c;
  w.firms.forEach((f, fi) => {
    const effort = w.territories.map(() => emptyEffort());
    ctx.effort[fi] = effort;
    const spend = ctx.spend[fi]!;
    if (!f.active) return;
    const d = ctx.decisions[fi];
    if (!d) {
      const spec = ctx.scenario.firms[fi]!;
      w.territories.forEach((t, ti) => {
        const push = f.ai.pushRounds[ti]! > 0 ? 1 + c.competitors.brandReactionBp / 10_000 : 1;
        const e = aiEffort(ctx.scenario, f, t.id, spec.reps) * push;
        effort[ti] = { prospecting: e * 0.35, accounts: e * 0.35, longTail: e * 0.3, development: 0, total: e, calls: e };
      });
      return;
    }
    teamEffort(w, ctx, fi, d, effort, spend);
  });
}

function teamEffort(w: Work, ctx: RoundContext, fi: number, d: Decisions, effort: Effort[], spend: Spend): void {
  const c = ctx.c;
  const f = w.firms[fi]!;
  const stretchOf = targetStretch(d, w, ctx.scenario, fi, ctx.round);
  const sigma = ctx.scenario.market.volatilityBp / 10_000;
  const tierOf = new Map(w.territories.map((t, ti) => [t.id, { ti, remote: t.tier === 3 }]));
  let travelNeeded = 0;
  const rows: { ti: number; e: Effort }[] = [];
  for (const plan of d.reps) {
    const rep = f.reps.find((r) => r.id === plan.rep);
    const where = tierOf.get(plan.territory);
    if (!rep || !where) continue;
    rep.territory = plan.territory;
    const boost = stretchFactor(stretchOf.get(plan.territory) ?? 0, sigma, c.kpi);
    const eff = (skill: SkillName) => repEfficiency(rep, skill, f.conflict, c.team) * boost;
    const selling = plan.prospecting + plan.accounts + plan.longTail + plan.development;
    const fresh = freshness(selling + plan.training, c.effort);
    ctx.overtime[fi] = ctx.overtime[fi]! + Math.max(0, selling + plan.training - c.effort.repCapacityHours);
    const e: Effort = {
      prospecting: plan.prospecting * eff('prospecting') * fresh,
      accounts: plan.accounts * eff('accountManagement') * fresh,
      longTail: plan.longTail * eff('accountManagement') * fresh,
      development: plan.development * eff('negotiation') * fresh,
      total: 0,
      calls: selling,
    };
    e.total = e.prospecting + e.accounts + e.longTail + e.development;
    travelNeeded += selling * c.effort.callCostYuan * (where.remote ? c.effort.remoteCallFactorPm / 1000 : 1);
    rows.push({ ti: where.ti, e });
  }
  const scale = travelNeeded <= d.travel || travelNeeded === 0 ? 1 : d.travel / travelNeeded;
  spend.travel = Math.round(Math.min(travelNeeded, d.travel));
  for (const { ti, e } of rows) {
    const into = effort[ti]!;
    into.prospecting += e.prospecting * scale;
    into.accounts += e.accounts * scale;
    into.longTail += e.longTail * scale;
    into.development += e.development * scale;
    into.total += e.total * scale;
    into.calls += e.calls * scale;
  }
}
