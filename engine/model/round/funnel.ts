import { adbudg } from '../../core/detMath.ts';
import { clamp } from '../../core/fixedPoint.ts';
import type { Coefficients } from '../coefficients.ts';
import type { FunnelOutcome } from '../outcome.ts';

/** Pass rates of the four stages for one firm in one territory, 0–1. */
export type PassRates = readonly [number, number, number, number];

export interface FunnelInputs {
  readonly prospectingSkill: number;
  readonly negotiationSkill: number;
  readonly morale: number;
  readonly toolkit: boolean;
}

/** MODEL.md's funnel: prospecting skill qualifies leads, morale moves proposals, the toolkit and negotiation skill close. */
export function passRates(x: FunnelInputs, c: Coefficients['funnel']): PassRates {
  const [p1, p2, p3, p4] = c.passBp.map((bp) => bp / 10_000) as unknown as [number, number, number, number];
  return [
    clamp(p1 * (1 + (c.prospectingModPm / 1000) * ((x.prospectingSkill - 50) / 50)), 0, 1),
    clamp(p2 * clamp(x.morale / 65, 0.5, 1.3), 0, 1),
    clamp(p3 + (x.toolkit ? c.toolkitBonusBp / 10_000 : 0), 0, 1),
    clamp(p4 * (0.6 + x.negotiationSkill / 125), 0, 1),
  ];
}

/** Cold leads from prospecting and promotion, per round. */
export function coldLeads(customers: number, prospectingHours: number, promotion: number, c: Coefficients): number {
  const perK = Math.max(customers, 1) / 1000;
  const push = prospectingHours / perK + promotion / perK / c.effort.callCostYuan / 10;
  return c.funnel.leadsPerThousand * perK * adbudg(push, c.funnel.prospectingHalfHours, 1);
}

/** Stocks in deals (not thousandths) while a round is worked out. */
export interface Stocks {
  lead: number;
  qualified: number;
  proposal: number;
  negotiation: number;
}

export interface WeekFlows {
  qualified: number;
  proposals: number;
  negotiations: number;
  /** Deals that reached the end of negotiation this week (they close or are lost). */
  toReview: number;
  lostAt: [number, number, number, number];
}

/**
 * One week of expected-value flow: a lead is worked within a week, later stages take two weeks
 * on average (half the stock moves on each week). What does not pass a stage is lost there.
 * Review and closing happen afterwards, firm-wide, because legal is shared.
 */
export function flowWeek(s: Stocks, arrivals: { cold: number; warm: number }, rates: PassRates): WeekFlows {
  s.lead += arrivals.cold;
  s.proposal += arrivals.warm;
  const out1 = s.lead;
  const out2 = s.qualified / 2;
  const out3 = s.proposal / 2;
  const out4 = s.negotiation / 2;
  s.lead = 0;
  s.qualified += out1 * rates[0] - out2;
  s.proposal += out2 * rates[1] - out3;
  s.negotiation += out3 * rates[2] - out4;
  return {
    qualified: out1 * rates[0],
    proposals: out2 * rates[1],
    negotiations: out3 * rates[2],
    toReview: out4,
    lostAt: [out1 * (1 - rates[0]), out2 * (1 - rates[1]), out3 * (1 - rates[2]), 0],
  };
}

/**
 * Legal review shared by a firm's territories: it clears `perWeek` contracts a week (more with
 * templates, which cut the wait). Past the grace period every further week of backlog makes
 * some signed-off customers give up: the closing rate MODEL.md docks by 5 points a week.
 */
export function legalClearing(
  waiting: readonly number[],
  c: Coefficients['funnel'],
  templates: boolean,
): { cleared: number[]; fallThrough: number } {
  const perWeek = templates ? c.legalPerWeek / (1 - c.templateCutBp / 10_000) : c.legalPerWeek;
  const total = waiting.reduce((a, b) => a + b, 0);
  const ratio = total <= perWeek ? 1 : perWeek / total;
  const waitWeeks = total / perWeek;
  const fallThrough = clamp(Math.max(0, waitWeeks - c.legalGraceWeeks) * (c.legalPenaltyBpPerWeek / 10_000), 0, 1);
  return { cleared: waiting.map((x) => x * ratio), fallThrough };
}

export function emptyFunnelOutcome(): FunnelOutcome {
  return { leads: 0, qualified: 0, proposals: 0, negotiations: 0, won: 0, lostAt: [0, 0, 0, 0] };
}
