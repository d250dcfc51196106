import { apportion, roundHalfEven } from '../core/fixedPoint.ts';
import { plannedTravel, servedCustomers } from '../model/budget.ts';
import type { Decisions, ExecutiveContact, IncentivePlan, RepPlan, TrainingPlan } from '../model/decisions.ts';
import { defaultDecisions, kpiBaseline } from '../model/defaultDecisions.ts';
import { trimToBudget } from '../model/trimToBudget.ts';
import { upgradeCandidates } from '../model/round/upgrades.ts';
import { serviceNeed } from '../model/round/accounts.ts';
import { INCENTIVE_KINDS, SKILL_NAMES, type IncentiveKind, type SkillName } from '../model/state.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Bot, BotView } from './bot.ts';

/**
 * A manager's way of running the firm, as a handful of numbers: every lever of the decision form
 * is one field here. The reference bot is one policy; the lessons suite changes one field at a
 * time, and the balance search looks for any policy that beats the reference. A policy is plain
 * data, so it can be printed, stored in a report and handed to a worker.
 */
export interface Policy {
  /** Where the reps sit: by potential, all in the biggest territory, or an even spread. */
  readonly seats: 'potential' | 'all-in-one' | 'even';
  /** Call-units a round per rep, by activity; the long tail gets what is left of `weekHours`. */
  readonly prospecting: number;
  /** Key-account hours of every rep, and on top of them ‰ of what the accounts the rep owns need (at most 40 in all). */
  readonly otherAccounts: number;
  readonly accountCarePm: number;
  readonly development: number;
  /** Every rep's working week, call-units (the capacity is 64; above it is overtime). */
  readonly weekHours: number;
  /** Customer-facing hours (all but training), ‰ of the week above: the selling-effort lever. */
  readonly sellingPm: number;
  /** Each rep trains every `trainEvery` rounds (0: never), for `trainingHours` that round, on its weakest skill. */
  readonly trainEvery: number;
  /** A rep whose weakest skill is under this trains every round while `trainEvery` is on (0: nobody). */
  readonly noviceSkill: number;
  readonly trainingHours: number;
  /** Hours of practice between trainings (no course is booked for them). */
  readonly practiceHours: number;
  readonly coaching: boolean;
  /** Incentive kinds granted to the whole team in turn, one every `incentiveEvery` rounds (0: none). */
  readonly incentiveKinds: readonly IncentiveKind[];
  readonly incentiveEvery: number;
  /**
   * Below this mean morale the team is in trouble and the manager turns to it: recognition at
   * once, an incentive every round (the kinds still in turn), more team meetings and a course
   * for every rep each round (unless it never trains: `trainEvery` 0).
   */
  readonly moraleRescue: number;
  readonly rescueMeetingHours: number;
  readonly rescueTrainingHours: number;
  /** Promotion and channel, ‰ of the plain default's spend. */
  readonly promotionPm: number;
  readonly channelPm: number;
  /** Channel in a new market, where coverage is what the firm is building (the deck: new markets weigh coverage first). */
  readonly channelNewPm: number;
  /**
   * Three prices, ‰ of list: for tiers 1, 2 and 3 (`priceBy` 'tier'), or for buyers who answer price
   * gently, as most do, and strongly — price exponent e ≤ 2, 3 and ≥ 4 (`priceBy` 'sensitivity': a
   * manager who reads how price-sensitive each tier's buyers are; the same as by tier where the
   * exponents are the default 2, 3, 4).
   */
  readonly pricePm: readonly [number, number, number];
  readonly priceBy: 'tier' | 'sensitivity';
  readonly maxDiscountBp: number;
  /**
   * Where the KPI target sits against the baseline, in ‰ of the band σ above it: 0 is the
   * baseline, 1000 the band's top, negative a sandbagged target, past 1000 an over-stretched one.
   */
  readonly targetBandPm: number;
  /** Self-service for the long tail where the firm serves at least this many customers (0: everywhere; very large: nowhere). */
  readonly automationFrom: number;
  /** Mediate when conflict is above this (100: never). */
  readonly mediationAbove: number;
  readonly meetingHours: number;
  /** Executive visits to accounts whose contract ends within the renewal window: how many, how long. */
  readonly renewalVisits: number;
  readonly visitHours: number;
  /**
   * The window, in rounds before the contract ends: the one the scenario says preparation counts
   * in (`customers.renewalLatestRounds`–`renewalEarliestRounds`; a manager reads the briefing), or
   * the policy's own [renewalFrom, renewalTo].
   */
  readonly renewalWindow: 'scenario' | 'own';
  readonly renewalFrom: number;
  readonly renewalTo: number;
  /** Requests to operations: only when supply is short (for the biggest accounts), on every account always, or never. */
  readonly operations: 'when-short' | 'always' | 'never';
  readonly priority: 'P1' | 'P2';
  readonly priorityAccounts: number;
  readonly tools: boolean;
  /** How the firm negotiates with key accounts whose contracts come up ('none': it does not). */
  readonly negotiation: string;
  /** Long-tail customers proposed for key-account status: those who qualify, as many as allowed whoever they are, or none. */
  readonly upgrades: 'qualified' | 'any' | 'none';
}

function tierPrices(policy: Policy, scenario: Scenario): Decisions['pricePm'] {
  if (policy.priceBy === 'tier') return [...policy.pricePm] as unknown as Decisions['pricePm'];
  const e = scenario.coefficients.attraction.priceExponent;
  return e.map((x) => policy.pricePm[x <= 2 ? 0 : x < 4 ? 1 : 2]!) as unknown as Decisions['pricePm'];
}

/** The reference manager: what the balanced bot plays. */
export const REFERENCE_POLICY: Policy = {
  seats: 'potential',
  prospecting: 22,
  otherAccounts: 6,
  accountCarePm: 1000,
  development: 6,
  weekHours: 62,
  sellingPm: 1000,
  trainEvery: 3,
  noviceSkill: 50,
  trainingHours: 6,
  practiceHours: 0,
  coaching: true,
  incentiveKinds: ['recognition', 'development', 'longTerm'],
  incentiveEvery: 2,
  moraleRescue: 70,
  rescueMeetingHours: 11,
  rescueTrainingHours: 8,
  promotionPm: 2500,
  channelPm: 1300,
  channelNewPm: 2600,
  pricePm: [1000, 1000, 960],
  priceBy: 'sensitivity',
  maxDiscountBp: 500,
  targetBandPm: 800,
  automationFrom: 0,
  mediationAbove: 35,
  meetingHours: 6,
  renewalVisits: 6,
  visitHours: 4,
  renewalWindow: 'scenario',
  renewalFrom: 3,
  renewalTo: 6,
  operations: 'when-short',
  priority: 'P2',
  priorityAccounts: 2,
  tools: true,
  negotiation: 'full-deck',
  upgrades: 'qualified',
};

/** Seats per territory: by potential, all in the biggest, or even. */
function seatsFor(policy: Policy, reps: number, potentials: readonly number[]): number[] {
  if (potentials.length === 0) return [];
  if (policy.seats === 'even') return apportion(reps, potentials.map(() => 1));
  if (policy.seats === 'all-in-one') {
    let best = 0;
    potentials.forEach((p, k) => {
      if (p > potentials[best]!) best = k;
    });
    return potentials.map((_, k) => (k === best ? reps : 0));
  }
  return apportion(reps, potentials);
}

const weakest = (skills: Record<SkillName, number>): SkillName => SKILL_NAMES.reduce((w, s) => (skills[s] < skills[w] ? s : w), SKILL_NAMES[0]!);

/** The incentive granted this round under the policy, if any. */
export function incentiveFor(policy: Policy, round: number): IncentiveKind | null {
  if (policy.incentiveEvery <= 0 || policy.incentiveKinds.length === 0) return null;
  if ((round - 1) % policy.incentiveEvery !== 0) return null;
  return policy.incentiveKinds[Math.floor((round - 1) / policy.incentiveEvery) % policy.incentiveKinds.length]!;
}

/** Customers to propose for key-account status in a territory. */
function upgradesFor(policy: Policy, view: BotView, ti: number): number {
  if (policy.upgrades === 'none') return 0;
  const c = view.scenario.coefficients.customers;
  const now = upgradeCandidates(view.market, c, view.firm, ti);
  const allowed = Math.min(now.room, c.maxUpgradesPerRound);
  return Math.min(allowed, policy.upgrades === 'any' ? allowed : now.qualified.length);
}

/** Whether supply is short now or publicly announced to be this round. */
function supplyShort(view: BotView): boolean {
  const { market, scenario, round } = view;
  return (
    market.shocks.some((s) => s.kind === 'supply-disruption' && s.toRound >= round) ||
    scenario.shocks.some((s) => s.kind === 'supply-disruption' && s.signalled && s.round === round)
  );
}

/** The round's decisions a manager following `policy` makes, fitted to the budget. */
export function planFor(policy: Policy, view: BotView): Decisions {
  const { market, scenario, firm, round } = view;
  const base = defaultDecisions(market, scenario, firm);
  const f = market.firms[firm]!;
  const present = market.territories.map((t, ti) => ({ t, ti })).filter(({ t }) => f.territories.includes(t.id));

  // Seats; each rep keeps a territory unless the seats there are full.
  const seats = seatsFor(policy, f.reps.length, present.map(({ t }) => t.potential));
  const seatsLeft = new Map(present.map(({ t }, k) => [t.id, seats[k]!]));
  const order = [...f.reps].sort((a, b) => (a.id < b.id ? -1 : 1));
  const placed = new Map<string, string>();
  for (const r of order) {
    const left = seatsLeft.get(r.territory) ?? 0;
    if (left > 0) {
      placed.set(r.id, r.territory);
      seatsLeft.set(r.territory, left - 1);
    }
  }
  for (const r of order) {
    if (placed.has(r.id)) continue;
    const open = present.find(({ t }) => (seatsLeft.get(t.id) ?? 0) > 0)?.t.id ?? r.territory;
    placed.set(r.id, open);
    seatsLeft.set(open, (seatsLeft.get(open) ?? 1) - 1);
  }

  const meanMorale = f.reps.reduce((s, r) => s + r.morale, 0) / Math.max(1, f.reps.length);
  const rescue = meanMorale < policy.moraleRescue;
  const owned = new Map<string, number>();
  const c = scenario.coefficients.customers;
  for (const a of market.accounts) if (a.supplier === firm && a.owner !== '') owned.set(a.owner, (owned.get(a.owner) ?? 0) + serviceNeed(a, c));
  const training: TrainingPlan[] = [];
  const reps: RepPlan[] = order.map((r, k) => {
    const accounts = Math.min(40, policy.otherAccounts + Math.ceil(((owned.get(r.id) ?? 0) * policy.accountCarePm) / 1000));
    // Novices learn fastest and have most to learn: they train every round until their weakest
    // skill reaches noviceSkill; the rest of the team on the regular rhythm.
    const novice = Math.min(...SKILL_NAMES.map((s) => r.skills[s])) < policy.noviceSkill;
    // trainEvery 0 is a manager who never trains, in a rescue too.
    const trains = policy.trainEvery > 0 && (rescue || novice || (k + round) % policy.trainEvery === 0);
    if (trains) training.push({ rep: r.id, skill: weakest(r.skills), coaching: policy.coaching });
    const trainingHours = trains ? (rescue ? Math.max(policy.trainingHours, policy.rescueTrainingHours) : policy.trainingHours) : policy.practiceHours;
    const fixed = policy.prospecting + accounts + policy.development + trainingHours;
    // The long tail gets what the week leaves; a week too short for the rest is cut pro rata.
    const scale = fixed > policy.weekHours && fixed > 0 ? policy.weekHours / fixed : 1;
    const cut = (h: number) => Math.floor(h * scale);
    const plan = {
      rep: r.id,
      territory: placed.get(r.id)!,
      prospecting: cut(policy.prospecting),
      accounts: cut(accounts),
      longTail: 0,
      development: cut(policy.development),
      training: cut(trainingHours),
    };
    const longTail = Math.max(0, policy.weekHours - plan.prospecting - plan.accounts - plan.development - plan.training);
    if (policy.sellingPm === 1000) return { ...plan, longTail };
    const sell = (h: number) => roundHalfEven((h * policy.sellingPm) / 1000);
    return { ...plan, prospecting: sell(plan.prospecting), accounts: sell(plan.accounts), development: sell(plan.development), longTail: sell(longTail) };
  });

  // Renewals: executive time on accounts whose contracts end within the window, ours first.
  const [from, to] = policy.renewalWindow === 'scenario' ? [c.renewalLatestRounds, c.renewalEarliestRounds] : [policy.renewalFrom, policy.renewalTo];
  const due = market.accounts
    .filter((a) => a.contractEnd - round >= from && a.contractEnd - round <= to && f.territories.includes(a.territory))
    .sort((a, b) => Number(b.supplier === firm) - Number(a.supplier === firm) || b.volume - a.volume || (a.id < b.id ? -1 : 1));
  const executive: ExecutiveContact[] = policy.visitHours > 0 ? due.slice(0, policy.renewalVisits).map((a) => ({ account: a.id, hours: policy.visitHours })) : [];

  const kind = incentiveFor(rescue && policy.incentiveEvery > 0 ? { ...policy, incentiveEvery: 1 } : policy, round);
  const scheduled: IncentivePlan[] = kind ? [{ rep: '*', kind }] : [];
  const incentives: IncentivePlan[] = rescue ? [{ rep: '*', kind: 'recognition' }, ...scheduled.filter((i) => i.kind !== 'recognition')] : scheduled;

  const sigma = scenario.market.volatilityBp / 10_000;
  const territories = base.territories.map((t) => {
    const ti = market.territories.findIndex((x) => x.id === t.territory);
    return {
      ...t,
      promotion: roundHalfEven((t.promotion * policy.promotionPm) / 1000),
      channel: roundHalfEven((t.channel * (market.territories[ti]!.stage === 'new' ? policy.channelNewPm : policy.channelPm)) / 1000),
      automation: servedCustomers(market, firm, ti) >= policy.automationFrom,
      target: roundHalfEven(kpiBaseline(market, scenario, firm, ti, round) * (1 + (sigma * policy.targetBandPm) / 1000)),
      upgrades: upgradesFor(policy, view, ti),
    };
  });

  const ours = market.accounts.filter((a) => a.supplier === firm).sort((a, b) => b.volume - a.volume || (a.id < b.id ? -1 : 1));
  const asked =
    policy.operations === 'always' ? ours.slice(0, policy.priorityAccounts) : policy.operations === 'when-short' && supplyShort(view) ? ours.slice(0, policy.priorityAccounts) : [];
  const operations = asked.map((a) => ({ account: a.id, priority: policy.priority }));

  const d: Decisions = {
    ...base,
    reps,
    // Travel for the calls this plan makes, with the same 5% margin the default keeps.
    travel: roundHalfEven(plannedTravel(reps, market, scenario.coefficients) * 1.05),
    territories,
    pricePm: tierPrices(policy, scenario),
    maxDiscountBp: policy.maxDiscountBp,
    training,
    incentives,
    mediation: f.conflict > policy.mediationAbove,
    meetingHours: rescue ? Math.max(policy.meetingHours, policy.rescueMeetingHours) : policy.meetingHours,
    executive,
    operations,
    toolkit: policy.tools,
    templates: policy.tools,
  };
  return trimToBudget(d, market, scenario, firm);
}

export function policyBot(policy: Policy): Bot {
  return (view) => planFor(policy, view);
}

/** A policy with some fields changed. */
export function withPolicy(changes: Partial<Policy>, from: Policy = REFERENCE_POLICY): Policy {
  return { ...from, ...changes };
}

export { INCENTIVE_KINDS };
