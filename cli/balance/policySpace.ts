/**
 * Every lever of the decision form as a dimension the balance search may move: its range and how
 * to draw a value in it. A policy is drawn one field at a time, so any plan a team could submit
 * in the form's terms is within reach.
 */
import { REFERENCE_POLICY, type Policy } from '../../engine/bots/policy.ts';
import type { RandomStream } from '../../engine/core/rng.ts';
import type { IncentiveKind } from '../../engine/model/state.ts';
import { NEGOTIATION_BOTS } from '../../engine/negotiation/bots.ts';

type Field = Exclude<keyof Policy, 'pricePm'> | 'price1' | 'price2' | 'price3';

interface Dimension {
  readonly field: Field;
  /** A value drawn anywhere in the range. */
  draw(dice: RandomStream): unknown;
  /** A value near `value` (for hill climbing). */
  nudge(value: unknown, dice: RandomStream): unknown;
  /** The values one step and two steps either side of `value` (or every other option): what a one-line change tries. */
  neighbours(value: unknown): unknown[];
}

function int(field: Field, min: number, max: number, step: number): Dimension {
  return {
    field,
    draw: (dice) => dice.between(min, max),
    nudge: (value, dice) => Math.min(max, Math.max(min, (value as number) + dice.between(-step, step))),
    neighbours: (value) => {
      const v = value as number;
      const out = [v - 2 * step, v - step, v + step, v + 2 * step].map((x) => Math.min(max, Math.max(min, x)));
      return [...new Set(out)].filter((x) => x !== v);
    },
  };
}

function oneOf<T>(field: Field, options: readonly T[]): Dimension {
  return {
    field,
    draw: (dice) => dice.pick(options),
    nudge: (_v, dice) => dice.pick(options),
    neighbours: (value) => options.filter((o) => JSON.stringify(o) !== JSON.stringify(value)),
  };
}

const INCENTIVE_SCHEDULES: readonly (readonly IncentiveKind[])[] = [
  [],
  ['recognition'],
  ['development'],
  ['longTerm'],
  ['recognition', 'development'],
  ['development', 'longTerm'],
  ['recognition', 'longTerm'],
  ['recognition', 'development', 'longTerm'],
];

export const DIMENSIONS: readonly Dimension[] = [
  oneOf('seats', ['potential', 'all-in-one', 'even'] as const),
  int('prospecting', 0, 40, 6),
  int('otherAccounts', 0, 30, 5),
  int('accountCarePm', 0, 2000, 300),
  int('development', 0, 30, 5),
  int('weekHours', 40, 90, 8),
  oneOf('trainEvery', [0, 1, 2, 3, 4, 6]),
  int('noviceSkill', 0, 100, 10),
  int('trainingHours', 0, 16, 3),
  int('practiceHours', 0, 6, 2),
  oneOf('coaching', [true, false]),
  oneOf('incentiveKinds', INCENTIVE_SCHEDULES),
  int('incentiveEvery', 0, 4, 1),
  int('moraleRescue', 0, 75, 10),
  int('rescueMeetingHours', 0, 12, 3),
  int('rescueTrainingHours', 0, 16, 3),
  int('promotionPm', 0, 4000, 500),
  int('channelPm', 0, 4000, 500),
  int('channelNewPm', 0, 6000, 600),
  int('price1', 800, 1250, 40),
  int('price2', 800, 1250, 40),
  int('price3', 800, 1250, 40),
  int('maxDiscountBp', 0, 3000, 400),
  int('targetBandPm', -2500, 6000, 400),
  oneOf('automationFrom', [0, 20, 40, 60, 100, 200, 1_000_000]),
  int('mediationAbove', 0, 100, 15),
  int('meetingHours', 0, 12, 3),
  int('renewalVisits', 0, 10, 2),
  int('visitHours', 0, 10, 2),
  oneOf('renewalWindow', ['scenario', 'own'] as const),
  int('renewalFrom', 0, 6, 1),
  int('renewalTo', 0, 9, 1),
  oneOf('priceBy', ['tier', 'sensitivity'] as const),
  oneOf('operations', ['when-short', 'always', 'never'] as const),
  oneOf('priority', ['P1', 'P2'] as const),
  int('priorityAccounts', 0, 6, 1),
  oneOf('tools', [true, false]),
  oneOf('negotiation', ['none', ...Object.keys(NEGOTIATION_BOTS)]),
  oneOf('upgrades', ['qualified', 'any', 'none'] as const),
];

function get(p: Policy, field: Field): unknown {
  if (field === 'price1') return p.pricePm[0];
  if (field === 'price2') return p.pricePm[1];
  if (field === 'price3') return p.pricePm[2];
  return p[field];
}

function set(p: Policy, field: Field, value: unknown): Policy {
  if (field === 'price1' || field === 'price2' || field === 'price3') {
    const prices = [...p.pricePm] as [number, number, number];
    prices[Number(field.slice(5)) - 1] = value as number;
    return { ...p, pricePm: prices };
  }
  // A window of its own only counts once the policy stops following the scenario's.
  if (field === 'renewalFrom' || field === 'renewalTo') return { ...p, renewalWindow: 'own', [field]: value };
  return { ...p, [field]: value };
}

/** The reference with each field redrawn with probability `rate` (1: a wholly random policy). */
export function drawPolicy(dice: RandomStream, rate: number, from: Policy = REFERENCE_POLICY): Policy {
  let p = from;
  for (const d of DIMENSIONS) if (dice.next() < rate) p = set(p, d.field, d.draw(dice));
  return p;
}

/** `count` fields of `p`, nudged or redrawn. */
export function mutate(p: Policy, dice: RandomStream, count: number): Policy {
  let out = p;
  for (let i = 0; i < count; i++) {
    const d = dice.pick(DIMENSIONS);
    out = set(out, d.field, dice.next() < 0.7 ? d.nudge(get(out, d.field), dice) : d.draw(dice));
  }
  return out;
}

/** Every policy one field away from `from`: each lever moved a step or two either way, or to each other option. */
export function oneChangeAway(from: Policy = REFERENCE_POLICY): { field: string; value: unknown; policy: Policy }[] {
  return DIMENSIONS.flatMap((d) => d.neighbours(get(from, d.field)).map((value) => ({ field: d.field, value, policy: set(from, d.field, value) })));
}

/** The fields where `p` differs from the reference, for the report. */
export function policyChanges(p: Policy, from: Policy = REFERENCE_POLICY): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of DIMENSIONS) {
    const a = get(p, d.field);
    if (JSON.stringify(a) !== JSON.stringify(get(from, d.field))) out[d.field] = a;
  }
  for (const key of Object.keys(p) as (keyof Policy)[]) {
    if (key === 'pricePm' || DIMENSIONS.some((d) => d.field === key)) continue;
    if (JSON.stringify(p[key]) !== JSON.stringify(from[key])) out[key] = p[key];
  }
  return out;
}
