import type { FirmKind, Segment, Stage, Tier } from './scenario.ts';

/**
 * The market as the engine keeps it between rounds. Plain data only (it is hashed as canonical
 * JSON and frozen by immer); entities sit in arrays in scenario order, and per-firm figures are
 * arrays indexed like `firms`.
 */
export interface MarketState {
  /** The last round resolved (0 before the first). */
  readonly round: number;
  readonly macroPm: number;
  readonly territories: readonly TerritoryState[];
  readonly firms: readonly FirmState[];
  readonly accounts: readonly AccountState[];
  readonly customers: CustomerColumns;
  readonly shocks: readonly ActiveShock[];
}

export interface TerritoryState {
  readonly id: string;
  readonly tier: Tier;
  readonly stage: Stage;
  /** Potential demand, units a round, after growth. */
  readonly potential: number;
  readonly premiumPm: number;
  readonly policyPm: number;
  /** Per firm, 0–1000. */
  readonly awareness: readonly number[];
  readonly coverage: readonly number[];
  /** Per firm, 0–1000: development work on the top long-tail customers, the stock upgrades draw on. */
  readonly development: readonly number[];
  /** Per firm: share of this territory's sales (LT + KA units) in bp, the last three rounds, newest last. */
  readonly shareHistory: readonly (readonly number[])[];
  /** A0 of the take-up curve, fixed at the start so 85% of potential is taken up. */
  readonly a0: number;
  /** Per firm: its attraction over the territory's mean when the game began, ‰ — where its share of wallet is 1. */
  readonly walletRefPm: readonly number[];
  /** The KPI baseline's market index, ‰ (1000 at the start): re-based when the market moves past the band. */
  readonly rebasePm: number;
}

export interface Skills {
  readonly prospecting: number;
  readonly negotiation: number;
  readonly accountManagement: number;
}
export type SkillName = keyof Skills;
export const SKILL_NAMES: readonly SkillName[] = ['prospecting', 'negotiation', 'accountManagement'];

export type IncentiveKind = 'recognition' | 'development' | 'longTerm';
export const INCENTIVE_KINDS: readonly IncentiveKind[] = ['recognition', 'development', 'longTerm'];

export interface IncentiveGrant {
  readonly kind: IncentiveKind;
  readonly round: number;
  /** Morale points at the time of the grant, after habituation and the rep's profile, in hundredths. */
  readonly centiPoints: number;
}

export interface RepState {
  readonly id: string;
  readonly territory: string;
  readonly skills: Skills;
  readonly latent: Skills;
  readonly morale: number;
  /** Rounds with the firm. */
  readonly tenure: number;
  readonly senior: boolean;
  /** Productivity while ramping up, ‰ (1000 = fully productive). */
  readonly rampPm: number;
  /** Revenue quota for the round just played, yuan. */
  readonly quota: number;
  /** Revenue credited last round, yuan. */
  readonly attained: number;
  readonly grants: readonly IncentiveGrant[];
  /** Rounds in a row a skill went unused (drives decay of latent skill). */
  readonly idle: Skills;
}

export interface Vacancy {
  readonly territory: string;
  /** Round the seat is filled by a new hire. */
  readonly fillRound: number;
}

export interface FunnelStock {
  readonly territory: string;
  /** Expected numbers of deals at each stage, in thousandths. */
  readonly lead: number;
  readonly qualified: number;
  readonly proposal: number;
  readonly negotiation: number;
  /** Closed contracts waiting for legal review, thousandths. */
  readonly review: number;
  /** Won deals not yet turned into customers (fraction carried), thousandths. */
  readonly wonCarry: number;
}

export interface FirmState {
  readonly id: string;
  readonly kind: FirmKind;
  readonly active: boolean;
  /** Price by tier, ‰ of list. */
  readonly pricePm: readonly [number, number, number];
  readonly brand: number;
  readonly service: number;
  readonly quality: number;
  readonly budget: number;
  readonly territories: readonly string[];
  readonly reps: readonly RepState[];
  readonly vacancies: readonly Vacancy[];
  readonly conflict: number;
  /** Team communication 0–1000. */
  readonly communication: number;
  readonly goodwill: number;
  readonly funnel: readonly FunnelStock[];
  readonly backlog: number;
  readonly tools: { readonly toolkit: boolean; readonly templates: boolean; readonly automated: readonly string[] };
  /** Round-to-round memory of the AI rules (campaign rounds left, rounds below cost …). */
  readonly ai: AiMemory;
  /** Same-period revenue a year ago, by territory: the KPI baseline. */
  readonly lastYear: readonly number[];
  readonly totals: FirmTotals;
}

export interface AiMemory {
  /** Rounds left of a brand firm's extra coverage push, by territory index. */
  readonly pushRounds: readonly number[];
  readonly campaignRounds: number;
  readonly roundsBelowCost: number;
  readonly exited: boolean;
}

export interface FirmTotals {
  readonly revenue: number;
  readonly profit: number;
  readonly newAccounts: number;
  readonly lostAccounts: number;
  readonly leavers: number;
  readonly hires: number;
  /** Weeks (ticks) with the KPI light green, and weeks counted. */
  readonly greenWeeks: number;
  readonly weeks: number;
  /** Skill points gained by the reps (net of what leavers took and hires lacked), for the record. */
  readonly skillGain: number;
  /** The team's mean skill at the start, hundredths of a point: what the skill metric measures against. */
  readonly skillStart: number;
  /** KPI baselines of the rounds played, summed: what the scorecard measures revenue and profit against. */
  readonly baseline: number;
  /** Stage-weighted KPI scores of the rounds played (mean over territories, hundredths), summed. */
  readonly kpiScore: number;
}

export interface AccountState {
  readonly id: string;
  readonly territory: string;
  readonly volume: number;
  readonly pricePm: number;
  /** Index into firms. */
  readonly supplier: number;
  readonly csat: number;
  readonly relationship: number;
  readonly contractEnd: number;
  /** Rep of the supplier who owns the account ('' when none). */
  readonly owner: string;
  readonly influence: number;
  /** Round the account was upgraded from the long tail (0 = always a key account). */
  readonly upgradedRound: number;
  /** Per firm: rounds of renewal preparation done before contract end. */
  readonly preparation: readonly number[];
  /**
   * Part of the account's orders the buyer gives a second supplier when two offers were too
   * close to call (absent when one supplier has it all). The supplier above serves the rest.
   */
  readonly split?: AccountSplit;
}

/** A second supplier's share of a key account's orders, at the price it agreed. */
export interface AccountSplit {
  /** Index into firms. */
  readonly firm: number;
  /** Share of the account's orders, ‰. */
  readonly sharePm: number;
  /** Price it books, ‰ of list. */
  readonly pricePm: number;
}

/**
 * Long-tail customers, one entry per customer in every column (struct of arrays), so a round
 * touches 10,000 customers without 10,000 objects.
 */
export interface CustomerColumns {
  readonly territory: readonly number[];
  readonly segment: readonly number[];
  /** Index into firms, −1 when nobody serves the customer. */
  readonly supplier: readonly number[];
  /** Units a round at a season and macro index of 1. */
  readonly size: readonly number[];
  readonly csat: readonly number[];
}

export interface ActiveShock {
  readonly id: string;
  readonly kind: string;
  readonly territory: string;
  readonly magnitudePm: number;
  readonly fromRound: number;
  readonly toRound: number;
}

export const SEGMENT_INDEX: Readonly<Record<Segment, number>> = { sme: 0, 'young-digital': 1, traditional: 2 };
