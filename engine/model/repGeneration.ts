import { apportion } from '../core/fixedPoint.ts';
import type { RandomStream } from '../core/rng.ts';
import type { Coefficients } from './coefficients.ts';
import type { RepState, Skills } from './state.ts';

function skills(dice: RandomStream, min: number, max: number): Skills {
  return {
    prospecting: dice.between(min, max),
    negotiation: dice.between(min, max),
    accountManagement: dice.between(min, max),
  };
}

/** A new rep: `hire` ones start green and ramp up; the founding team is a mix of new and senior. */
export function makeRep(id: string, territory: string, dice: RandomStream, c: Coefficients['team'], hire: boolean): RepState {
  const senior = !hire && dice.chanceBp(3500);
  const s = senior ? skills(dice, 55, 80) : skills(dice, 30, 60);
  return {
    id,
    territory,
    skills: s,
    latent: { ...s },
    morale: hire ? 65 : dice.between(55, 72),
    tenure: hire ? 0 : senior ? dice.between(24, 72) : dice.between(3, 20),
    senior,
    rampPm: hire ? c.rampStartPm : 1000,
    quota: 0,
    attained: 0,
    grants: [],
    idle: { prospecting: 0, negotiation: 0, accountManagement: 0 },
  };
}

/** Spreads `count` reps over territories in proportion to potential, in territory order. */
export function seatReps(count: number, territories: readonly { id: string; potential: number }[]): string[] {
  const seats = apportion(count, territories.map((t) => t.potential));
  return territories.flatMap((t, i) => Array.from({ length: seats[i]! }, () => t.id));
}
