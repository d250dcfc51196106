import { aiEffort } from '../firmPresence.ts';
import type { Decisions } from '../decisions.ts';
import type { RepState, SkillName } from '../state.ts';
import { emptyEffort, type Effort, type RoundContext, type Spend, type Work } from './context.ts';

/** MODEL.md's effort per call-unit: skill, ramp-up, morale and team conflict. */
export function repEfficiency(rep: Pick<RepState, 'skills' | 'rampPm' | 'morale'>, skill: SkillName, conflict: number): number {
  return (0.5 + rep.skills[skill] / 200) * (rep.rampPm / 1000) * (0.7 + 0.006 * rep.morale) * (1 - 0.004 * conflict);
}

/**
 * Stretch of a quota over what the rep delivered before: a little motivates (+5% at 5–15%), a
 * lot deflates (−10% from 30%). Continuous, so one more hour never tips effort over a step.
 */
export function stretchFactor(stretch: number): number {
  if (stretch <= 0) return 1;
  if (stretch < 0.05) return 1 + stretch;
  if (stretch <= 0.15) return 1.05;
  if (stretch < 0.3) return 1.05 - (stretch - 0.15);
  return 0.9;
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
  const quota = quotas(d);
  const tierOf = new Map(w.territories.map((t, ti) => [t.id, { ti, remote: t.tier === 3 }]));
  let travelNeeded = 0;
  const rows: { ti: number; e: Effort }[] = [];
  for (const plan of d.reps) {
    const rep = f.reps.find((r) => r.id === plan.rep);
    const where = tierOf.get(plan.territory);
    if (!rep || !where) continue;
    rep.territory = plan.territory;
    const stretch = rep.attained > 0 ? (quota.get(rep.id) ?? 0) / rep.attained - 1 : 0;
    const boost = stretchFactor(stretch);
    const eff = (skill: SkillName) => repEfficiency(rep, skill, f.conflict) * boost;
    const selling = plan.prospecting + plan.accounts + plan.longTail + plan.development;
    const e: Effort = {
      prospecting: plan.prospecting * eff('prospecting'),
      accounts: plan.accounts * eff('accountManagement'),
      longTail: plan.longTail * eff('accountManagement'),
      development: plan.development * eff('negotiation'),
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
