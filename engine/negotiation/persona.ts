import { apportion } from '../core/fixedPoint.ts';
import { stream } from '../core/rng.ts';
import { INDUSTRY_PAINS, type Industry } from './industry.ts';
import { ATTRIBUTES, OBJECTIONS, type Attribute, type ConcessionStyle, type Pain, type Persona } from './types.ts';

const STYLES: readonly ConcessionStyle[] = ['boulware', 'linear', 'conceder'];

/**
 * A key account's buyer for one negotiation, from the account's own stream
 * (`negotiation`, account, round): opening a negotiation never moves the market's dice, and
 * the same account in the same round is the same buyer for every team that talks to it.
 */
export function buyerPersona(seed: string, account: string, round: number, industry: Industry = 'general'): Persona {
  const dice = stream(seed, 'negotiation', account, round);
  const raw = ATTRIBUTES.map(() => dice.between(1, 100));
  const shares = apportion(100, raw);
  const weights = Object.fromEntries(ATTRIBUTES.map((a, i) => [a, shares[i]!])) as Record<Attribute, number>;
  // Two of the pains a business of its kind can have.
  const pains = dice.shuffle(INDUSTRY_PAINS[industry]).slice(0, 2) as [Pain, Pain];
  const reservationPm = dice.between(950, 1150);
  return {
    account,
    industry,
    reservationPm,
    // The rival's offer sits a little under what the buyer would pay at most.
    alternative: { pricePm: Math.max(850, reservationPm - dice.between(20, 120)), service: dice.between(300, 800) },
    weights,
    pains,
    patience: dice.between(6, 10),
    style: dice.pick(STYLES),
    objections: dice.shuffle(OBJECTIONS),
  };
}
