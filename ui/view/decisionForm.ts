/**
 * The decisions form as data: the plan being edited, and what is wrong with it, field by field.
 * Every entry is checked where it is made (a whole number, inside its range); the plan as a
 * whole is checked as the engine will check it (hours per rep, the manager's hours, the budget),
 * so the form can refuse to submit exactly when the engine would.
 */
import { produce } from 'immer';
import type { Params } from '../../engine/i18n/translate.ts';
import { budgetLines, budgetTotal, plannedTravel, type BudgetLines } from '../../engine/model/budget.ts';
import { MANAGER_HOURS, MAX_WORKLOAD_PM, type Decisions } from '../../engine/model/decisions.ts';
import { defaultDecisions, kpiBaseline } from '../../engine/model/defaultDecisions.ts';
import { reconcileDecisions } from '../../engine/model/reconcileDecisions.ts';
import { upgradeCandidates } from '../../engine/model/round/upgrades.ts';
import type { IncentiveKind, SkillName } from '../../engine/model/state.ts';
import { validateDecisions } from '../../engine/model/validateDecisions.ts';
import type { TeamContext } from './session.ts';

export interface FieldProblem {
  /** Where: a path such as `reps[3].prospecting`, `budget` or `executive`. */
  readonly path: string;
  readonly key: string;
  readonly params: Params;
}

export interface DecisionForm {
  /** The plan: every field at its last valid entry. */
  readonly decisions: Decisions;
  /** Entries that could not be taken (not a whole number, out of range), by path. */
  readonly entries: Readonly<Record<string, FieldProblem>>;
}

const MAX_MONEY = 1_000_000_000;

/** The plan the form opens on: what the team already submitted, else last round's plan fitted to today, else the default. */
export function openForm(ctx: TeamContext): DecisionForm {
  const { state, market, scenario, firm, team } = ctx;
  const pending = state.pending.find((p) => p.team === team.id)?.decisions;
  const played = state.played.find((p) => p.team === team.id)?.decisions;
  const decisions = pending ?? (played ? reconcileDecisions(played, market, scenario, firm) : defaultDecisions(market, scenario, firm));
  return { decisions, entries: {} };
}

/** Most call-units a rep may be planned for (capacity plus the overtime the engine allows). */
export function maxRepHours(ctx: TeamContext): number {
  return Math.floor((ctx.scenario.coefficients.effort.repCapacityHours * MAX_WORKLOAD_PM) / 1000);
}

/** The whole-number range an entry at `path` accepts. */
export function rangeOf(path: string, ctx: TeamContext): readonly [number, number] {
  const field = path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
  if (path.startsWith('reps[')) return [0, maxRepHours(ctx)];
  if (path.startsWith('pricePm')) return [500, 2000];
  if (path.startsWith('executive[')) return [0, MANAGER_HOURS];
  switch (field) {
    case 'meetingHours':
      return [0, MANAGER_HOURS];
    case 'maxDiscountBp':
      return [0, 3000];
    case 'upgrades':
      return [0, ctx.scenario.coefficients.customers.maxUpgradesPerRound];
    case 'target':
      return [0, 100 * MAX_MONEY];
    default:
      return [0, MAX_MONEY];
  }
}

type Key = string | number;

/** `reps[3].prospecting` → ['reps', 3, 'prospecting']. */
export function pathKeys(path: string): Key[] {
  const keys: Key[] = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a form path: ${path}`);
    keys.push(m[1]!);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

function setIn(d: Decisions, path: string, value: unknown): Decisions {
  const keys = pathKeys(path);
  return produce(d, (draft) => {
    let node = draft as unknown as Record<Key, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<Key, unknown>;
    node[keys.at(-1)!] = value;
  });
}

function withoutEntry(entries: DecisionForm['entries'], path: string): DecisionForm['entries'] {
  if (!(path in entries)) return entries;
  const { [path]: _gone, ...rest } = entries;
  return rest;
}

/**
 * Takes what was typed into a number field. A whole number in range goes into the plan; anything
 * else stays out of it and is reported at the field, until it is corrected.
 */
export function enterNumber(form: DecisionForm, path: string, raw: string, ctx: TeamContext, scale = 1): DecisionForm {
  const [min, max] = rangeOf(path, ctx);
  const text = raw.trim().replace(/[,，\s]/g, '');
  const problem = (key: string): DecisionForm => ({
    ...form,
    entries: { ...form.entries, [path]: { path, key, params: { min: min / scale, max: max / scale, value: raw.trim() } } },
  });
  if (text === '') return problem('form.required');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return problem('form.not-a-number');
  const scaled = Number(text) * scale;
  if (!Number.isInteger(scaled)) return problem('form.whole-number');
  if (scaled < min || scaled > max) return problem('form.range');
  return { decisions: setIn(form.decisions, path, scaled), entries: withoutEntry(form.entries, path) };
}

export function setFlag(form: DecisionForm, path: string, value: boolean): DecisionForm {
  return { ...form, decisions: setIn(form.decisions, path, value) };
}

export function setRepTerritory(form: DecisionForm, repIndex: number, territory: string): DecisionForm {
  return setFlag(form, `reps[${repIndex}].territory`, territory as never);
}

/** One training plan per rep at most: a skill (or none) and whether coaching comes with it. */
export function setTraining(form: DecisionForm, rep: string, skill: SkillName | '', coaching: boolean): DecisionForm {
  const training = form.decisions.training.filter((x) => x.rep !== rep);
  if (skill !== '') training.push({ rep, skill, coaching });
  return { ...form, decisions: { ...form.decisions, training } };
}

/** An incentive for a rep, or for the whole team with rep '*'; '' takes it away. */
export function setIncentive(form: DecisionForm, rep: string, kind: IncentiveKind | ''): DecisionForm {
  const incentives = form.decisions.incentives.filter((x) => x.rep !== rep);
  if (kind !== '') incentives.push({ rep, kind });
  return { ...form, decisions: { ...form.decisions, incentives } };
}

export function setOperation(form: DecisionForm, account: string, priority: 'P1' | 'P2' | ''): DecisionForm {
  const operations = form.decisions.operations.filter((x) => x.account !== account);
  if (priority !== '') operations.push({ account, priority });
  return { ...form, decisions: { ...form.decisions, operations } };
}

/** Hours of the manager's own time with an account's executives (0 takes the visit off the plan). */
export function enterExecutive(form: DecisionForm, account: string, raw: string, ctx: TeamContext): DecisionForm {
  const index = form.decisions.executive.findIndex((x) => x.account === account);
  const path = `executive[${index < 0 ? form.decisions.executive.length : index}].hours`;
  const base: DecisionForm =
    index < 0 ? { ...form, decisions: { ...form.decisions, executive: [...form.decisions.executive, { account, hours: 0 }] } } : form;
  const next = enterNumber(base, path, raw, ctx);
  if (path in next.entries) return { ...next, entries: { ...withoutEntry(next.entries, path), [`executive:${account}`]: { ...next.entries[path]!, path: `executive:${account}` } } };
  const executive = next.decisions.executive.filter((x) => x.hours > 0);
  return { decisions: { ...next.decisions, executive }, entries: withoutEntry(next.entries, `executive:${account}`) };
}

export interface RepLoad {
  readonly rep: string;
  readonly hours: number;
  readonly capacity: number;
  readonly max: number;
}

/** Call-units planned for each rep against capacity (above it is overtime, which costs morale). */
export function repLoads(form: DecisionForm, ctx: TeamContext): RepLoad[] {
  const capacity = ctx.scenario.coefficients.effort.repCapacityHours;
  return form.decisions.reps.map((p) => ({
    rep: p.rep,
    hours: p.prospecting + p.accounts + p.longTail + p.development + p.training,
    capacity,
    max: maxRepHours(ctx),
  }));
}

export interface BudgetView {
  readonly budget: number;
  readonly lines: BudgetLines;
  readonly spent: number;
  readonly remaining: number;
  /** What the planned calls cost in travel (tier-3 calls cost more), for comparing with the travel line. */
  readonly travelNeeded: number;
}

export function budgetView(form: DecisionForm, ctx: TeamContext): BudgetView {
  const { market, firm, scenario } = ctx;
  const lines = budgetLines(form.decisions, market, firm, scenario.coefficients);
  const spent = budgetTotal(lines);
  const budget = market.firms[firm]!.budget;
  return { budget, lines, spent, remaining: budget - spent, travelNeeded: Math.round(plannedTravel(form.decisions.reps, market, scenario.coefficients)) };
}

/** The KPI baseline of each territory for the coming round, with the band the lights float in. */
export function targetGuides(ctx: TeamContext): { territory: string; baseline: number; lower: number; upper: number }[] {
  const { market, scenario, firm } = ctx;
  const sigma = scenario.market.volatilityBp / 10_000;
  const round = market.round + 1;
  return market.territories
    .map((t, ti) => ({ t, ti }))
    .filter(({ t }) => market.firms[firm]!.territories.includes(t.id))
    .map(({ t, ti }) => {
      const baseline = kpiBaseline(market, scenario, firm, ti, round);
      return { territory: t.id, baseline, lower: Math.round(baseline * (1 - sigma)), upper: Math.round(baseline * (1 + sigma)) };
    });
}

export interface UpgradeOutlook {
  /** Our customers among the territory's biggest tenth, and how many of them qualify now. */
  readonly candidates: number;
  readonly qualified: number;
  /** Development stock and the stock at which customers qualify, as whole percentages (floor, ceiling). */
  readonly progressPct: number;
  readonly neededPct: number;
  /** More upgraded accounts the territory may hold, and the cap. */
  readonly room: number;
  readonly cap: number;
  /** What the plan asks for, and how many of those would be upgraded without qualifying. */
  readonly asked: number;
  readonly unqualified: number;
  /** Why the ask will not go as the trainee may expect: the cap is reached, nobody to upgrade, or customers upgraded unqualified. */
  readonly warning: 'none' | 'no-room' | 'no-candidates' | 'unqualified';
}

/**
 * Where the plan's key-account upgrades in territory row `i` stand, by the engine's own rule
 * (upgradeCandidates): who qualifies now, how far development has come, the room under the
 * cap, and what asking for `upgrades` customers would do.
 */
export function upgradeOutlook(form: DecisionForm, ctx: TeamContext, i: number): UpgradeOutlook {
  const c = ctx.scenario.coefficients.customers;
  const spend = form.decisions.territories[i]!;
  const ti = ctx.market.territories.findIndex((x) => x.id === spend.territory);
  const now = upgradeCandidates(ctx.market, c, ctx.firm, ti);
  const asked = spend.upgrades;
  const taken = Math.min(asked, now.room, c.maxUpgradesPerRound, now.candidates.length);
  const unqualified = Math.max(0, taken - now.qualified.length);
  const warning = asked === 0 ? 'none' : now.room === 0 ? 'no-room' : now.candidates.length === 0 ? 'no-candidates' : unqualified > 0 ? 'unqualified' : 'none';
  return {
    candidates: now.candidates.length,
    qualified: now.qualified.length,
    progressPct: Math.floor(now.stock / 10),
    neededPct: Math.ceil(c.upgradeStockMin / 10),
    room: now.room,
    cap: c.maxUpgradedPerTerritory,
    asked,
    unqualified,
    warning,
  };
}

/**
 * Everything that stops the plan from being submitted, each at the place it was made: entries
 * that were not taken, reps planned beyond their hours, the manager's hours, the budget, and
 * finally whatever the engine's own check still finds.
 */
export function formProblems(form: DecisionForm, ctx: TeamContext): FieldProblem[] {
  const problems: FieldProblem[] = Object.values(form.entries);
  repLoads(form, ctx).forEach((load, i) => {
    if (load.hours > load.max) problems.push({ path: `reps[${i}]`, key: 'form.rep-over', params: { hours: load.hours, max: load.max } });
  });
  const managerHours = form.decisions.meetingHours + form.decisions.executive.reduce((n, x) => n + x.hours, 0);
  if (managerHours > MANAGER_HOURS) problems.push({ path: 'executive', key: 'form.manager-over', params: { hours: managerHours, max: MANAGER_HOURS } });
  const budget = budgetView(form, ctx);
  if (budget.remaining < 0) problems.push({ path: 'budget', key: 'form.over-budget', params: { over: -budget.remaining } });
  if (problems.length === 0) {
    const engine = validateDecisions(form.decisions, ctx.market, ctx.scenario, ctx.firm);
    if (engine) problems.push({ path: engine.path ?? 'decisions', key: engine.code, params: engine.params ?? {} });
  }
  return problems;
}
