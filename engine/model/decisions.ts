import type { IncentiveKind, SkillName } from './state.ts';

/** How one rep spends the round's call-units. */
export interface RepPlan {
  readonly rep: string;
  readonly territory: string;
  readonly prospecting: number;
  readonly accounts: number;
  readonly longTail: number;
  /** Developing top long-tail customers into key accounts. */
  readonly development: number;
  readonly training: number;
}

export interface TerritorySpend {
  readonly territory: string;
  readonly promotion: number;
  /** Channel partners and distribution, which build coverage. */
  readonly channel: number;
  /** Self-service for the long tail: turns on automation here while paid. */
  readonly automation: boolean;
  /** Revenue target (KPI) for the territory this round, yuan. */
  readonly target: number;
  /** Long-tail customers proposed for key-account status this round (the biggest first; qualified ones before the rest). */
  readonly upgrades: number;
}

export interface TrainingPlan {
  readonly rep: string;
  readonly skill: SkillName;
  readonly coaching: boolean;
}

export interface IncentivePlan {
  /** A rep id, or '*' for the whole team. */
  readonly rep: string;
  readonly kind: IncentiveKind;
}

export interface OperationsRequest {
  readonly account: string;
  readonly priority: 'P1' | 'P2';
}

export interface ExecutiveContact {
  readonly account: string;
  readonly hours: number;
}

/**
 * Everything a team decides for a round. Budget lines are yuan; `travel` pays for calls,
 * `contingency` buys expedited supply when delivery falls short.
 */
export interface Decisions {
  readonly reps: readonly RepPlan[];
  readonly territories: readonly TerritorySpend[];
  readonly travel: number;
  readonly contingency: number;
  /** Price by tier 1, 2, 3–4, ‰ of list. */
  readonly pricePm: readonly [number, number, number];
  /** Most a rep may discount a key account's price, bp. */
  readonly maxDiscountBp: number;
  readonly training: readonly TrainingPlan[];
  readonly incentives: readonly IncentivePlan[];
  readonly mediation: boolean;
  /** Team meetings, hours of the manager: they raise communication. */
  readonly meetingHours: number;
  readonly operations: readonly OperationsRequest[];
  readonly executive: readonly ExecutiveContact[];
  readonly toolkit: boolean;
  readonly templates: boolean;
  readonly marketIntelligence: boolean;
}

/** Hours the manager has a round for executive contact and team meetings. */
export const MANAGER_HOURS = 40;
/** A rep may work up to this share of capacity (overtime hurts morale). */
export const MAX_WORKLOAD_PM = 1500;

/**
 * How a firm's negotiation with a key account ended this round: a deal (price and what the
 * buyer valued in it) or a failure, which takes the firm out of the account's choice.
 */
export interface AccountNegotiation {
  readonly firm: number;
  readonly account: string;
  readonly deal: boolean;
  /** The agreed price, ‰ of list, net of what the concessions cost the seller. */
  readonly netPricePm: number;
  /** The agreed price as the buyer sees it, ‰ of list. */
  readonly pricePm: number;
  /** What the concessions are worth to the buyer, ‰ of list. */
  readonly concessionValuePm: number;
  readonly perceivedValueBp: number;
  readonly trust: number;
  /** Operations goodwill the deal's staged deliveries cost. */
  readonly goodwillCost: number;
  /** MODEL.md's negotiation score, 0–100, for the debrief. */
  readonly score: number;
}
