import { pow, powInt } from '../../core/detMath.ts';
import { clamp, roundHalfEven } from '../../core/fixedPoint.ts';
import { stream } from '../../core/rng.ts';
import type { Draft } from 'immer';
import type { RepPlan } from '../decisions.ts';
import { makeRep } from '../repGeneration.ts';
import { SKILL_NAMES, type IncentiveGrant, type RepState, type SkillName } from '../state.ts';
import type { RoundContext, Work } from './context.ts';
import { quotas, targetStretch } from './effort.ts';

const SELLING = (p: RepPlan) => p.prospecting + p.accounts + p.longTail + p.development;

/** Hours of a plan that exercise each skill (training hours count for the skill trained). */
function skillHours(p: RepPlan | undefined, trained: SkillName | undefined): Record<SkillName, number> {
  // Key-account work is half negotiation, half account management.
  const accounts = p?.accounts ?? 0;
  const h = { prospecting: p?.prospecting ?? 0, negotiation: (p?.development ?? 0) + accounts / 2, accountManagement: accounts / 2 + (p?.longTail ?? 0) };
  if (trained && p) h[trained] += p.training;
  return h;
}

/** Mean absolute deviation of quota over potential across reps, relative to its mean. */
export function unfairness(quota: readonly number[], potential: readonly number[]): number {
  const ratios = quota.map((q, i) => (potential[i]! > 0 ? q / potential[i]! : 0)).filter((_, i) => potential[i]! > 0);
  if (ratios.length < 2) return 0;
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  if (mean === 0) return 0;
  return ratios.reduce((s, r) => s + Math.abs(r - mean), 0) / ratios.length / mean;
}

/** What incentives granted so far are worth to a rep's target morale now (exponential decay by half-life). */
export function incentiveMorale(grants: readonly IncentiveGrant[], round: number, ctx: RoundContext): number {
  let total = 0;
  for (const g of grants) {
    const half = ctx.c.team.incentives[g.kind].halfLifeRounds;
    total += (g.centiPoints / 100) * pow(0.5, (round - g.round) / Math.max(1, half));
  }
  return total;
}

/**
 * The team's round (MODEL.md, "Team"): morale moves towards what workload, fairness, stretch,
 * conflict, incentives and attainment warrant; reps leave by seeded draws; skills grow with
 * training and use; vacancies fill after a delay and new hires ramp up; conflict follows
 * divergence, unfairness and crowding, eased by communication and mediation.
 */
export function team(w: Work, ctx: RoundContext): void {
  const k = ctx.c.team;
  w.firms.forEach((f, fi) => {
    const d = ctx.decisions[fi];
    ctx.leavers[fi] = [];
    ctx.hires[fi] = 0;
    if (!d || !f.active) return;
    const quota = quotas(d);
    const plans = new Map(d.reps.map((p) => [p.rep, p]));
    const trainedSkill = new Map(d.training.map((t) => [t.rep, t]));
    const capacity = ctx.c.effort.repCapacityHours;

    // Revenue credited to each rep: their territory's revenue by their share of its selling hours.
    const sellingIn = new Map<string, number>();
    for (const p of d.reps) sellingIn.set(p.territory, (sellingIn.get(p.territory) ?? 0) + SELLING(p));
    const potentials = f.reps.map((r) => {
      const p = plans.get(r.id);
      const t = w.territories.find((x) => x.id === r.territory);
      const share = p && sellingIn.get(r.territory) ? SELLING(p) / sellingIn.get(r.territory)! : 0;
      return (t?.potential ?? 0) * share;
    });
    const unfair = unfairness(
      f.reps.map((r) => quota.get(r.id) ?? 0),
      potentials,
    );
    const attainments: number[] = [];

    // Incentives granted this round. The same kind again wears off: each grant of it within the
    // last `habituationRounds` rounds cuts its effect by habituationPm (the deck's warning against
    // a single, repeated reward).
    for (const grant of d.incentives) {
      for (const r of f.reps) {
        if (grant.rep !== '*' && grant.rep !== r.id) continue;
        const spec = k.incentives[grant.kind];
        const repeats = r.grants.filter((g) => g.kind === grant.kind && ctx.round - g.round <= k.habituationRounds && g.round < ctx.round).length;
        const profile = (r.senior ? spec.seniorRepPm : spec.newRepPm) / 1000;
        const points = spec.moralePoints * profile * powInt(k.habituationPm / 1000, repeats);
        r.grants.push({ kind: grant.kind, round: ctx.round, centiPoints: Math.round(points * 100) });
      }
    }
    const stretchOf = targetStretch(d, w, ctx.scenario, fi, ctx.round);
    const sigma = ctx.scenario.market.volatilityBp / 10_000;

    // Share of the gap between latent and real skill kept after a round of disuse.
    const keep = pow(0.5, 1 / k.skillDecayHalfLife);
    for (const r of f.reps) {
      const p = plans.get(r.id);
      const hours = p ? SELLING(p) + p.training : 0;
      const workload = hours / capacity;
      const t = w.territories.findIndex((x) => x.id === r.territory);
      const credited = p && sellingIn.get(r.territory) ? (ctx.revenueBy[fi]![t]! * SELLING(p)) / sellingIn.get(r.territory)! : 0;
      const q = quota.get(r.id) ?? 0;
      // A target past the band is one the reps stop believing in: morale pays for every 10 points
      // of it; hitting the quota lifts morale, missing it badly lowers it.
      const beyond = Math.max(0, (stretchOf.get(r.territory) ?? 0) - sigma);
      const attainment = q > 0 ? credited / q : 1;
      attainments.push(Math.min(2, attainment));
      const bonus = attainment >= 0.9 && attainment <= 1.1 ? k.attainmentBonus : attainment < 0.8 ? -k.missPenalty : 0;
      const coached = trainedSkill.get(r.id)?.coaching ? k.coachingMorale : 0;
      r.grants = r.grants.filter((g) => ctx.round - g.round < Math.max(4 * k.incentives[g.kind].halfLifeRounds, k.habituationRounds + 1));
      const target =
        k.moraleBase -
        k.workloadPenalty * Math.max(0, workload - 1.05) -
        k.unfairPenalty * unfair -
        k.stretchPenalty * beyond * 10 -
        (k.conflictPenaltyPm / 1000) * f.conflict +
        incentiveMorale(r.grants, ctx.round, ctx) +
        bonus +
        coached;
      r.morale = clamp(roundHalfEven(r.morale + (k.moraleSpeedPm / 1000) * (target - r.morale)), 0, 100);
      r.quota = q;
      r.attained = Math.round(credited);
      r.tenure += 1;
      r.rampPm = Math.min(1000, r.rampPm + Math.ceil((1000 - k.rampStartPm) / k.rampRounds));

      // Skills: a course raises latent skill by the hours actually spent on it (a full course is
      // trainingFullHours); use turns latent into real skill; disuse lets it fade.
      const plan = trainedSkill.get(r.id);
      const course = plan && p ? Math.min(1, p.training / k.trainingFullHours) : 0;
      if (plan) r.latent[plan.skill] = Math.min(100, roundHalfEven(r.latent[plan.skill] + k.trainingGain * course * (1 - r.skills[plan.skill] / 100)));
      const used = skillHours(p, plan?.skill);
      const totalHours = Math.max(1, hours);
      for (const s of SKILL_NAMES) {
        if (used[s] / totalHours >= 0.2) {
          const speed = (k.trainingSpeedPm / 1000) * (plan?.skill === s && plan.coaching ? k.coachingPm / 1000 : 1);
          const before = r.skills[s];
          r.skills[s] = clamp(roundHalfEven(before + speed * (r.latent[s] - before)), 0, 100);
          f.totals.skillGain += Math.max(0, r.skills[s] - before);
          r.idle[s] = 0;
        } else {
          r.idle[s] += 1;
          r.latent[s] = roundHalfEven(r.skills[s] + (r.latent[s] - r.skills[s]) * keep);
        }
      }
    }

    // Attrition: one seeded draw per rep, whether or not anyone leaves.
    const dice = stream(ctx.seed, 'attrition', f.id, ctx.round);
    const stay: typeof f.reps = [];
    for (const r of f.reps) {
      const u = dice.next();
      const p = plans.get(r.id);
      const workload = p ? (SELLING(p) + p.training) / capacity : 0;
      // Some reps leave whatever happens (the field's 15–25% a year); low morale multiplies it.
      const moraleFactor = clamp(1 + (k.attritionMoralePm / 1000) * (65 - r.morale), 0.4, 3.5);
      const chance =
        ((k.attritionBaseBp / 10_000) * moraleFactor + (k.attritionOverloadBp / 10_000) * Math.max(0, workload - 1.2) + (k.attritionUnfairBp / 10_000) * unfair) *
        (ctx.shock.attritionPm / 1000);
      if (u < chance) {
        ctx.leavers[fi]!.push(r.id);
        f.vacancies.push({ territory: r.territory, fillRound: ctx.round + k.vacancyRounds });
        for (const a of w.accounts) {
          if (a.supplier !== fi || a.owner !== r.id) continue;
          a.relationship = Math.max(0, a.relationship - k.leaverRelationshipLoss);
          a.csat = Math.max(0, a.csat - k.leaverCsatLoss);
          a.owner = '';
        }
      } else stay.push(r);
    }
    f.reps = stay;
    f.totals.leavers += ctx.leavers[fi]!.length;

    // Vacancies whose time has come are filled by new hires, who start to ramp up.
    const hireDice = stream(ctx.seed, 'hires', f.id, ctx.round);
    const open: typeof f.vacancies = [];
    for (const v of f.vacancies) {
      if (v.fillRound <= ctx.round) {
        const id = `${f.id}-h${ctx.round}-${ctx.hires[fi]! + 1}`;
        f.reps.push(makeRep(id, v.territory, hireDice, k, true) as Draft<RepState>);
        ctx.hires[fi]! += 1;
      } else open.push(v);
    }
    f.vacancies = open;
    f.totals.hires += ctx.hires[fi]!;
    ctx.spend[fi]!.hiring = ctx.hires[fi]! * k.hireCostYuan;

    // Conflict: divergent results, unfair quotas and crowded territories feed it.
    const meanAtt = attainments.length ? attainments.reduce((a, b) => a + b, 0) / attainments.length : 0;
    const divergence = attainments.length
      ? Math.min(1, Math.sqrt(attainments.reduce((s, a) => s + (a - meanAtt) ** 2, 0) / attainments.length))
      : 0;
    const crowd = new Map<string, number>();
    for (const p of d.reps) crowd.set(p.territory, (crowd.get(p.territory) ?? 0) + 1);
    let crowded = 0;
    for (const n of crowd.values()) crowded += Math.max(0, n - 3);
    const overlap = d.reps.length ? crowded / d.reps.length : 0;
    f.communication = Math.round(clamp(d.meetingHours / 10, 0, 1) * 1000);
    // Conflict that has run high entrenches: it stops fading on its own, and team meetings get
    // less done the more the team quarrels. Only mediation breaks it (the deck's three-party
    // talk); left alone, a quarrelling team stays one.
    const entrenched = clamp((f.conflict - k.conflictEntrenchFrom) / Math.max(1, k.conflictEntrenchedAt - k.conflictEntrenchFrom), 0, 1);
    const persistence = 0.7 + 0.3 * entrenched;
    const talk = 20 * (f.communication / 1000) * (1 - 0.7 * entrenched);
    let conflict = persistence * f.conflict + 20 * divergence + 25 * unfair + 15 * overlap - talk;
    if (d.mediation) conflict *= k.mediationPm / 1000;
    f.conflict = clamp(roundHalfEven(conflict), 0, 100);
  });
}
