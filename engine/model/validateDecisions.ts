import { reject, type Rejection } from '../core/decider.ts';
import { budgetLines, budgetTotal } from './budget.ts';
import { MANAGER_HOURS, MAX_WORKLOAD_PM, type Decisions } from './decisions.ts';
import type { Scenario } from './scenario.ts';
import { INCENTIVE_KINDS, SKILL_NAMES, type MarketState } from './state.ts';

type Check = Rejection | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function int(value: unknown, path: string, min: number, max: number): Check {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    return reject('field.int-range', { min, max, value: typeof value === 'number' ? value : JSON.stringify(value) ?? 'undefined' }, path);
  }
  return null;
}

function bool(value: unknown, path: string): Check {
  return typeof value === 'boolean' ? null : reject('field.boolean', { value: JSON.stringify(value) ?? 'undefined' }, path);
}

function list(value: unknown, path: string, max: number): Check {
  if (!Array.isArray(value)) return reject('field.list', { max }, path);
  if (value.length > max) return reject('field.list', { max }, path);
  return null;
}

function keys(value: Record<string, unknown>, allowed: readonly string[], path: string): Check {
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  if (extra) return reject('field.unknown', { field: extra }, path ? `${path}.${extra}` : extra);
  const missing = allowed.find((k) => !Object.hasOwn(value, k));
  if (missing) return reject('field.missing', { field: missing }, path ? `${path}.${missing}` : missing);
  return null;
}

const MAX_MONEY = 1_000_000_000;

/**
 * Checks a round's decisions against the firm as it stands. Refusals name the field (a path
 * such as `reps[3].prospecting`) and the limit, so the form can show the error where it was made.
 */
export function validateDecisions(input: unknown, market: MarketState, scenario: Scenario, firm: number): Check {
  const f = market.firms[firm];
  if (!f) return reject('decisions.unknown-firm', { firm });
  if (!isObject(input)) return reject('field.object', {}, 'decisions');
  const top = [
    'reps', 'territories', 'travel', 'contingency', 'pricePm', 'maxDiscountBp', 'training', 'incentives', 'mediation',
    'meetingHours', 'operations', 'executive', 'toolkit', 'templates', 'marketIntelligence',
  ];
  const first =
    keys(input, top, '') ??
    list(input.reps, 'reps', 100) ??
    list(input.territories, 'territories', 100) ??
    int(input.travel, 'travel', 0, MAX_MONEY) ??
    int(input.contingency, 'contingency', 0, MAX_MONEY) ??
    list(input.pricePm, 'pricePm', 3) ??
    int(input.maxDiscountBp, 'maxDiscountBp', 0, 3000) ??
    list(input.training, 'training', 100) ??
    list(input.incentives, 'incentives', 100) ??
    bool(input.mediation, 'mediation') ??
    int(input.meetingHours, 'meetingHours', 0, MANAGER_HOURS) ??
    list(input.operations, 'operations', 100) ??
    list(input.executive, 'executive', 100) ??
    bool(input.toolkit, 'toolkit') ??
    bool(input.templates, 'templates') ??
    bool(input.marketIntelligence, 'marketIntelligence');
  if (first) return first;
  const d = input as unknown as Decisions;
  if (d.pricePm.length !== 3) return reject('field.list-length', { length: 3 }, 'pricePm');
  for (let k = 0; k < 3; k++) {
    const e = int(d.pricePm[k], `pricePm[${k}]`, 500, 2000);
    if (e) return e;
  }

  const cap = scenario.coefficients.effort.repCapacityHours;
  const maxHours = Math.floor((cap * MAX_WORKLOAD_PM) / 1000);
  const seen = new Set<string>();
  for (let i = 0; i < d.reps.length; i++) {
    const p = d.reps[i] as unknown;
    const path = `reps[${i}]`;
    if (!isObject(p)) return reject('field.object', {}, path);
    const e = keys(p, ['rep', 'territory', 'prospecting', 'accounts', 'longTail', 'development', 'training'], path);
    if (e) return e;
    if (typeof p.rep !== 'string' || !f.reps.some((r) => r.id === p.rep)) return reject('decisions.unknown-rep', { value: String(p.rep) }, `${path}.rep`);
    if (seen.has(p.rep)) return reject('decisions.duplicate', { value: p.rep }, `${path}.rep`);
    seen.add(p.rep);
    if (typeof p.territory !== 'string' || !f.territories.includes(p.territory)) {
      return reject('decisions.unknown-territory', { value: String(p.territory) }, `${path}.territory`);
    }
    let total = 0;
    for (const k of ['prospecting', 'accounts', 'longTail', 'development', 'training'] as const) {
      const e2 = int(p[k], `${path}.${k}`, 0, maxHours);
      if (e2) return e2;
      total += p[k] as number;
    }
    if (total > maxHours) return reject('decisions.rep-hours', { rep: p.rep, hours: total, max: maxHours }, path);
  }
  const seenT = new Set<string>();
  for (let i = 0; i < d.territories.length; i++) {
    const t = d.territories[i] as unknown;
    const path = `territories[${i}]`;
    if (!isObject(t)) return reject('field.object', {}, path);
    const e =
      keys(t, ['territory', 'promotion', 'channel', 'automation', 'target', 'upgrades'], path) ??
      int(t.promotion, `${path}.promotion`, 0, MAX_MONEY) ??
      int(t.channel, `${path}.channel`, 0, MAX_MONEY) ??
      bool(t.automation, `${path}.automation`) ??
      int(t.target, `${path}.target`, 0, 100 * MAX_MONEY) ??
      int(t.upgrades, `${path}.upgrades`, 0, scenario.coefficients.customers.maxUpgradesPerRound);
    if (e) return e;
    if (typeof t.territory !== 'string' || !f.territories.includes(t.territory)) {
      return reject('decisions.unknown-territory', { value: String(t.territory) }, `${path}.territory`);
    }
    if (seenT.has(t.territory)) return reject('decisions.duplicate', { value: t.territory }, `${path}.territory`);
    seenT.add(t.territory);
  }
  for (let i = 0; i < d.training.length; i++) {
    const t = d.training[i] as unknown;
    const path = `training[${i}]`;
    if (!isObject(t)) return reject('field.object', {}, path);
    const e = keys(t, ['rep', 'skill', 'coaching'], path) ?? bool(t.coaching, `${path}.coaching`);
    if (e) return e;
    if (typeof t.rep !== 'string' || !f.reps.some((r) => r.id === t.rep)) return reject('decisions.unknown-rep', { value: String(t.rep) }, `${path}.rep`);
    if (!SKILL_NAMES.includes(t.skill as never)) return reject('field.one-of', { value: String(t.skill), options: SKILL_NAMES.join(', ') }, `${path}.skill`);
  }
  for (let i = 0; i < d.incentives.length; i++) {
    const g = d.incentives[i] as unknown;
    const path = `incentives[${i}]`;
    if (!isObject(g)) return reject('field.object', {}, path);
    const e = keys(g, ['rep', 'kind'], path);
    if (e) return e;
    if (typeof g.rep !== 'string' || (g.rep !== '*' && !f.reps.some((r) => r.id === g.rep))) {
      return reject('decisions.unknown-rep', { value: String(g.rep) }, `${path}.rep`);
    }
    if (!INCENTIVE_KINDS.includes(g.kind as never)) return reject('field.one-of', { value: String(g.kind), options: INCENTIVE_KINDS.join(', ') }, `${path}.kind`);
  }
  for (let i = 0; i < d.operations.length; i++) {
    const o = d.operations[i] as unknown;
    const path = `operations[${i}]`;
    if (!isObject(o)) return reject('field.object', {}, path);
    const e = keys(o, ['account', 'priority'], path);
    if (e) return e;
    if (typeof o.account !== 'string' || !market.accounts.some((a) => a.id === o.account && a.supplier === firm)) {
      return reject('decisions.not-our-account', { value: String(o.account) }, `${path}.account`);
    }
    if (o.priority !== 'P1' && o.priority !== 'P2') return reject('field.one-of', { value: String(o.priority), options: 'P1, P2' }, `${path}.priority`);
  }
  let managerHours = d.meetingHours;
  for (let i = 0; i < d.executive.length; i++) {
    const x = d.executive[i] as unknown;
    const path = `executive[${i}]`;
    if (!isObject(x)) return reject('field.object', {}, path);
    const e = keys(x, ['account', 'hours'], path) ?? int(x.hours, `${path}.hours`, 0, MANAGER_HOURS);
    if (e) return e;
    if (typeof x.account !== 'string' || !market.accounts.some((a) => a.id === x.account)) {
      return reject('decisions.unknown-account', { value: String(x.account) }, `${path}.account`);
    }
    managerHours += x.hours as number;
  }
  if (managerHours > MANAGER_HOURS) return reject('decisions.manager-hours', { hours: managerHours, max: MANAGER_HOURS }, 'executive');

  const spent = budgetTotal(budgetLines(d, market, firm, scenario.coefficients));
  if (spent > f.budget) return reject('decisions.over-budget', { spent, budget: f.budget, over: spent - f.budget }, 'budget');
  return null;
}
