import type { Draft } from 'immer';
import { clonePlain } from '../../core/clonePlain.ts';
import type { Coefficients } from '../coefficients.ts';
import type { AccountNegotiation, Decisions } from '../decisions.ts';
import type { FunnelOutcome, KpiOutcome } from '../outcome.ts';
import type { Scenario, ShockSpec } from '../scenario.ts';
import type { CustomerColumns, MarketState } from '../state.ts';

/** The mutable copy of the market a round works on; the input state is never touched. */
export type Work = Draft<MarketState>;

/** Effective effort of one firm in one territory, call-units after skill, morale and ramp. */
export interface Effort {
  prospecting: number;
  accounts: number;
  longTail: number;
  development: number;
  /** All effective hours (what the attraction's effort term sees). */
  total: number;
  /** Raw call-units, which cost travel. */
  calls: number;
}

export interface Spend {
  travel: number;
  promotion: number;
  channel: number;
  automation: number;
  incentives: number;
  training: number;
  tools: number;
  mediation: number;
  expedite: number;
  hiring: number;
}

export interface ShockEffects {
  macroPm: number;
  /** Per territory, ‰ of demand (1000 = no change). */
  demandPm: number[];
  /** Per territory, ‰ added to the premium preference. */
  premiumAddPm: number[];
  /** Per firm, ‰ of delivery capacity kept. */
  capacityPm: number[];
  attritionPm: number;
  priceWar: boolean;
}

/** Everything a round's steps share besides the market itself. */
export interface RoundContext {
  readonly scenario: Scenario;
  readonly c: Coefficients;
  readonly seed: string;
  readonly round: number;
  readonly seasonPm: number;
  /** Per firm: the team's decisions (null for AI firms and absent teams played as AI). */
  readonly decisions: readonly (Decisions | null)[];
  readonly injected: readonly ShockSpec[];
  readonly negotiations: readonly AccountNegotiation[];
  shock: ShockEffects;
  /** [firm][territory] */
  effort: Effort[][];
  spend: Spend[];
  /** [territory][firm]: attraction summed over segments, weighted by customers. */
  attraction: number[][];
  /** [territory][segment][firm] */
  segmentAttraction: number[][][];
  takeUp: number[];
  /** [firm]: units delivered, revenue by source. */
  delivered: number[];
  /** [firm]: call-units the team's reps worked past their capacity this round. */
  overtime: number[];
  /** [firm]: long-tail units ordered this round, before capacity and without last round's backlog. */
  ltOrders: number[];
  ltRevenue: number[];
  kaRevenue: number[];
  /** [firm][territory] revenue (all, and long tail alone) and units. */
  revenueBy: number[][];
  ltRevenueBy: number[][];
  unitsBy: number[][];
  fillBp: number[];
  /** [firm][territory]: customers in play this round that a firm won and lost. */
  won: number[];
  lost: number[];
  funnel: FunnelOutcome[];
  kpis: KpiOutcome[][];
  leavers: string[][];
  hires: number[];
  /** [account index] event this round. */
  accountEvents: string[];
  accountPrevious: number[];
  accountUnits: number[];
  /** [account index] share of its order the account received this round, bp. */
  accountFillBp: number[];
}

export function emptySpend(): Spend {
  return { travel: 0, promotion: 0, channel: 0, automation: 0, incentives: 0, training: 0, tools: 0, mediation: 0, expedite: 0, hiring: 0 };
}

export function emptyEffort(): Effort {
  return { prospecting: 0, accounts: 0, longTail: 0, development: 0, total: 0, calls: 0 };
}

export function totalSpend(s: Spend): number {
  return s.travel + s.promotion + s.channel + s.automation + s.incentives + s.training + s.tools + s.mediation + s.expedite + s.hiring;
}

/**
 * A working copy of a market. The long-tail columns are copied with slice (flat arrays of
 * numbers), the small parts deep-copied; nothing is shared with the input.
 */
export function cloneMarket(m: MarketState): Work {
  const { customers, ...rest } = m;
  const copy = clonePlain(rest) as Omit<Work, 'customers'>;
  const columns: Draft<CustomerColumns> = {
    territory: customers.territory.slice(),
    segment: customers.segment.slice(),
    supplier: customers.supplier.slice(),
    size: customers.size.slice(),
    csat: customers.csat.slice(),
  };
  return { ...copy, customers: columns } as Work;
}
