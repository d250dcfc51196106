/**
 * Helpers for tests of the market model: the workshop scenario, random-but-valid decisions
 * (built from `defaultDecisions`, perturbed lever by lever and trimmed to the budget with the
 * bots' `fitBudget`) and short sessions resolved round by round with `resolveRound`.
 */
import fc from 'fast-check';
import { fitBudget } from '../../engine/bots/balanced.ts';
import { apportion, roundHalfEven } from '../../engine/core/fixedPoint.ts';
import type { Decisions, ExecutiveContact, IncentivePlan, OperationsRequest, RepPlan, TrainingPlan } from '../../engine/model/decisions.ts';
import { MANAGER_HOURS, MAX_WORKLOAD_PM } from '../../engine/model/decisions.ts';
import { defaultDecisions, kpiBaseline } from '../../engine/model/defaultDecisions.ts';
import { initialMarket } from '../../engine/model/init.ts';
import type { RoundOutcome } from '../../engine/model/outcome.ts';
import { resolveRound } from '../../engine/model/round/resolveRound.ts';
import type { Scenario, ShockKind, ShockSpec } from '../../engine/model/scenario.ts';
import { INCENTIVE_KINDS, SKILL_NAMES, type IncentiveKind, type MarketState, type SkillName } from '../../engine/model/state.ts';
import { validateDecisions } from '../../engine/model/validateDecisions.ts';
import { validateShock } from '../../engine/session/shockValidation.ts';
import { loadBuiltIn } from '../../scenarios/library.ts';

let cached: { scenario: Scenario; hash: string } | null = null;

/** The built-in workshop scenario, parsed once per test file. */
export function workshop(): { scenario: Scenario; hash: string } {
  if (cached) return cached;
  const loaded = loadBuiltIn('workshop');
  if (!loaded.ok) throw new Error(`workshop scenario does not load: ${JSON.stringify(loaded.problems)}`);
  cached = { scenario: loaded.scenario, hash: loaded.hash };
  return cached;
}

export const TEAM_SLOTS = ['team-1', 'team-2', 'team-3', 'team-4', 'team-5', 'team-6', 'team-7', 'team-8'] as const;

/** One rep's week: `total` call-units split over the five uses by `mix`, and maybe a move. */
export interface RepRecipe {
  readonly total: number;
  readonly mix: readonly [number, number, number, number, number];
  readonly move: number | null;
}

/**
 * How one team perturbs the default plan in one round. Everything is an index or a scale, so a
 * recipe applies to any market: indices are taken modulo what the firm has this round.
 */
export interface TeamRecipe {
  readonly prices: readonly [number, number, number];
  readonly reps: readonly RepRecipe[];
  readonly promotion: readonly number[];
  readonly channel: readonly number[];
  readonly automation: readonly boolean[];
  /** Customers proposed for key-account status per territory (0 or 1). */
  readonly upgrades: readonly number[];
  /** Target per territory, ‰ of the KPI baseline. */
  readonly targetPm: readonly number[];
  /** Travel line, ‰ of what the planned calls cost. */
  readonly travelPm: number;
  readonly contingency: number;
  readonly maxDiscountBp: number;
  readonly mediation: boolean;
  readonly toolkit: boolean;
  readonly templates: boolean;
  readonly marketIntelligence: boolean;
  readonly meetingHours: number;
  readonly training: readonly { rep: number; skill: SkillName; coaching: boolean }[];
  readonly incentives: readonly { rep: number | '*'; kind: IncentiveKind }[];
  readonly executive: readonly { account: number; weight: number }[];
  readonly operations: readonly { account: number; priority: 'P1' | 'P2' }[];
}

const MAX_REP_HOURS = Math.floor((64 * MAX_WORKLOAD_PM) / 1000);

const repRecipe: fc.Arbitrary<RepRecipe> = fc.record({
  total: fc.integer({ min: 0, max: MAX_REP_HOURS }),
  mix: fc.tuple(fc.nat(10), fc.nat(10), fc.nat(10), fc.nat(10), fc.nat(10)),
  // Most reps stay where they are; one in four is moved.
  move: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(20) }),
});

export const teamRecipe: fc.Arbitrary<TeamRecipe> = fc.record({
  prices: fc.tuple(fc.integer({ min: 600, max: 1500 }), fc.integer({ min: 600, max: 1500 }), fc.integer({ min: 600, max: 1500 })),
  reps: fc.array(repRecipe, { minLength: 12, maxLength: 12 }),
  promotion: fc.array(fc.integer({ min: 0, max: 80_000 }), { minLength: 6, maxLength: 6 }),
  channel: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 6, maxLength: 6 }),
  automation: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  upgrades: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 6, maxLength: 6 }),
  targetPm: fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 6, maxLength: 6 }),
  travelPm: fc.integer({ min: 0, max: 1300 }),
  contingency: fc.integer({ min: 0, max: 60_000 }),
  maxDiscountBp: fc.integer({ min: 0, max: 3000 }),
  mediation: fc.boolean(),
  toolkit: fc.boolean(),
  templates: fc.boolean(),
  marketIntelligence: fc.boolean(),
  meetingHours: fc.integer({ min: 0, max: MANAGER_HOURS }),
  training: fc.array(fc.record({ rep: fc.nat(20), skill: fc.constantFrom(...SKILL_NAMES), coaching: fc.boolean() }), { maxLength: 4 }),
  incentives: fc.array(fc.record({ rep: fc.oneof(fc.constant('*' as const), fc.nat(20)), kind: fc.constantFrom(...INCENTIVE_KINDS) }), {
    maxLength: 2,
  }),
  executive: fc.array(fc.record({ account: fc.nat(40), weight: fc.integer({ min: 1, max: 10 }) }), { maxLength: 3 }),
  operations: fc.array(fc.record({ account: fc.nat(40), priority: fc.constantFrom('P1' as const, 'P2' as const) }), { maxLength: 2 }),
});

/**
 * The default plan of `firm`, perturbed by `recipe` and trimmed to the budget. Throws when the
 * result is not a valid plan, so a test never feeds the engine something a team could not submit.
 */
export function perturbedDecisions(market: MarketState, scenario: Scenario, firm: number, seed: string, recipe: TeamRecipe): Decisions {
  const base = defaultDecisions(market, scenario, firm);
  const f = market.firms[firm]!;
  const c = scenario.coefficients;
  const round = market.round + 1;
  const tierOf = new Map(market.territories.map((t) => [t.id, t.tier]));

  const reps: RepPlan[] = base.reps.map((p, i) => {
    const r = recipe.reps[i % recipe.reps.length]!;
    const [prospecting, accounts, longTail, development, training] = apportion(r.total, r.mix) as [number, number, number, number, number];
    const territory = r.move === null ? p.territory : f.territories[r.move % f.territories.length]!;
    return { rep: p.rep, territory, prospecting, accounts, longTail, development, training };
  });
  let callCost = 0;
  for (const p of reps) {
    const selling = p.prospecting + p.accounts + p.longTail + p.development;
    callCost += selling * c.effort.callCostYuan * (tierOf.get(p.territory) === 3 ? c.effort.remoteCallFactorPm / 1000 : 1);
  }
  const territories = base.territories.map((t) => {
    const ti = market.territories.findIndex((x) => x.id === t.territory);
    const k = ti % recipe.promotion.length;
    return {
      territory: t.territory,
      promotion: recipe.promotion[k]!,
      channel: recipe.channel[k]!,
      automation: recipe.automation[k]!,
      target: roundHalfEven((kpiBaseline(market, scenario, firm, ti, round) * recipe.targetPm[k]!) / 1000),
      upgrades: recipe.upgrades[k] ?? 0,
    };
  });
  const repAt = (n: number) => f.reps[n % Math.max(1, f.reps.length)];
  const training: TrainingPlan[] = f.reps.length === 0 ? [] : recipe.training.map((t) => ({ rep: repAt(t.rep)!.id, skill: t.skill, coaching: t.coaching }));
  const incentives: IncentivePlan[] = recipe.incentives
    .filter((g) => g.rep === '*' || f.reps.length > 0)
    .map((g) => ({ rep: g.rep === '*' ? '*' : repAt(g.rep)!.id, kind: g.kind }));
  const execHours = apportion(
    MANAGER_HOURS - recipe.meetingHours,
    recipe.executive.map((x) => x.weight),
  );
  const executive: ExecutiveContact[] =
    market.accounts.length === 0
      ? []
      : recipe.executive.map((x, i) => ({ account: market.accounts[x.account % market.accounts.length]!.id, hours: execHours[i]! }));
  const ours = market.accounts.filter((a) => a.supplier === firm);
  const operations: OperationsRequest[] =
    ours.length === 0 ? [] : recipe.operations.map((o) => ({ account: ours[o.account % ours.length]!.id, priority: o.priority }));

  const plan: Decisions = {
    reps,
    territories,
    travel: roundHalfEven((callCost * recipe.travelPm) / 1000),
    contingency: recipe.contingency,
    pricePm: [recipe.prices[0], recipe.prices[1], recipe.prices[2]],
    maxDiscountBp: recipe.maxDiscountBp,
    training,
    incentives,
    mediation: recipe.mediation,
    meetingHours: recipe.meetingHours,
    operations,
    executive,
    toolkit: recipe.toolkit,
    templates: recipe.templates,
    marketIntelligence: recipe.marketIntelligence,
  };
  const fitted = fitBudget(plan, { market, scenario, firm, round, seed });
  const invalid = validateDecisions(fitted, market, scenario, firm);
  if (invalid) throw new Error(`generated decisions are not valid: ${JSON.stringify(invalid)}`);
  return fitted;
}

const SHOCK_TITLE = { 'zh-CN': '冲击', 'zh-TW': '衝擊', en: 'Shock' };

/**
 * A shock a facilitator might inject, kept within what the scenario schema allows for
 * scheduled shocks (downturn and supply disruption at most 1000‰).
 */
export const injectedShock: fc.Arbitrary<Omit<ShockSpec, 'round' | 'id'>> = fc
  .record({
    kind: fc.constantFrom<ShockKind>('supply-disruption', 'downturn', 'policy-support', 'technology-upgrade', 'price-war', 'rep-poaching', 'digital-entrant'),
    duration: fc.integer({ min: 1, max: 3 }),
    territory: fc.constantFrom('', 'binjiang', 'linchuan', 'tongxi'),
    magnitudePm: fc.integer({ min: 0, max: 5000 }),
    signalled: fc.boolean(),
  })
  .map((s) => ({
    ...s,
    magnitudePm: s.kind === 'downturn' || s.kind === 'supply-disruption' ? s.magnitudePm % 1001 : s.magnitudePm,
    title: SHOCK_TITLE,
  }));

/** A short session: seed, the team slots in play, and one recipe per team (and maybe a shock) per round. */
export interface SessionPlan {
  readonly seed: string;
  readonly teams: readonly string[];
  readonly rounds: readonly { readonly recipes: readonly TeamRecipe[]; readonly shock: Omit<ShockSpec, 'round' | 'id'> | null }[];
}

export const seedArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9-]{1,16}$/);

export function sessionPlan(opts: { minRounds?: number; maxRounds?: number; maxTeams?: number } = {}): fc.Arbitrary<SessionPlan> {
  const maxTeams = opts.maxTeams ?? 3;
  return fc.record({
    seed: seedArb,
    teams: fc.subarray([...TEAM_SLOTS], { minLength: 1, maxLength: maxTeams }),
    rounds: fc.array(
      fc.record({
        recipes: fc.array(teamRecipe, { minLength: maxTeams, maxLength: maxTeams }),
        // A third of the rounds bring an injected shock.
        shock: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: injectedShock }),
      }),
      { minLength: opts.minRounds ?? 1, maxLength: opts.maxRounds ?? 4 },
    ),
  });
}

/** What one round was given and gave back. */
export interface PlayedRound {
  readonly before: MarketState;
  readonly input: Parameters<typeof resolveRound>[1];
  readonly market: MarketState;
  readonly outcome: RoundOutcome;
}

/** The decisions of every firm for the round after `market`, per the plan (null for firms the AI plays). */
export function decisionsFor(
  market: MarketState,
  scenario: Scenario,
  seed: string,
  teams: readonly string[],
  recipes: readonly TeamRecipe[],
): (Decisions | null)[] {
  return scenario.firms.map((f, fi) => {
    const k = teams.indexOf(f.id);
    if (k < 0) return null;
    return perturbedDecisions(market, scenario, fi, seed, recipes[k % recipes.length]!);
  });
}

/** The round's input for the plan's round `r` (0-based) on `market`. */
export function roundInput(market: MarketState, plan: SessionPlan, r: number): Parameters<typeof resolveRound>[1] {
  const { scenario } = workshop();
  const round = market.round + 1;
  const step = plan.rounds[r]!;
  const decisions = decisionsFor(market, scenario, plan.seed, plan.teams, step.recipes);
  const injected: ShockSpec[] = [];
  if (step.shock) {
    const shock: ShockSpec = { ...step.shock, id: `injected-${round}`, round };
    const invalid = validateShock(shock, scenario, round);
    if (invalid) throw new Error(`generated shock is not valid: ${JSON.stringify(invalid)}`);
    injected.push(shock);
  }
  return { scenario, seed: plan.seed, round, decisions, injected };
}

/** Plays the plan from the initial market, round by round, and returns every round. */
export function playPlan(plan: SessionPlan): PlayedRound[] {
  const { scenario } = workshop();
  let market = initialMarket(scenario, plan.seed, plan.teams);
  const out: PlayedRound[] = [];
  for (let r = 0; r < plan.rounds.length; r++) {
    const input = roundInput(market, plan, r);
    const { market: next, outcome } = resolveRound(market, input);
    out.push({ before: market, input, market: next, outcome });
    market = next;
  }
  return out;
}

/** Deep-freezes a value in place (what immer does to session state) and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** True when a value and everything under it is frozen. */
export function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  return Object.keys(value).every((key) => isDeepFrozen((value as Record<string, unknown>)[key]));
}
