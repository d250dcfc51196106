import type { Coefficients } from './coefficients.ts';

/** Text a trainee reads, in every supported language. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly 'zh-TW': string;
  readonly en: string;
}

export type Tier = 1 | 2 | 3;
export type Stage = 'new' | 'growth' | 'mature';
export const SEGMENTS = ['sme', 'young-digital', 'traditional'] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * Who runs a firm. `team`: a slot for a trainee team (or a bot team); a slot no team takes stays
 * out of the market. The others are the AI archetypes of MODEL.md.
 */
export type FirmKind = 'team' | 'brand' | 'group' | 'digital' | 'sme' | 'cross-industry';

export interface TerritorySpec {
  readonly id: string;
  readonly name: LocalizedText;
  readonly tier: Tier;
  readonly stage: Stage;
  /** Units a round the territory could buy. */
  readonly potential: number;
  readonly growthBp: number;
  /** Premium preference π in ‰ (−600…600). */
  readonly premiumPm: number;
  /** Where the territory is drawn on the map (0–1000 each way). */
  readonly x: number;
  readonly y: number;
  /** Long-tail customers by segment. */
  readonly customers: Readonly<Record<Segment, number>>;
  /** Standing policy support for the territory (subsidies, local programmes), ‰ added to demand. */
  readonly policyPm: number;
}

export interface FirmSpec {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: FirmKind;
  /** Price in ‰ of list, at the start. */
  readonly pricePm: number;
  readonly brand: number;
  /** Service level 0–1000. */
  readonly service: number;
  /** Product quality 0–1000 (premium buyers value it). */
  readonly quality: number;
  readonly reps: number;
  /** Budget a round, in yuan. */
  readonly budget: number;
  /** Territories the firm sells in; empty means all. */
  readonly territories: readonly string[];
  /** Round the firm enters the market (1 = from the start). */
  readonly entersRound: number;
  /** How a team firm's sales team starts, when the scenario sets it (team firms only). */
  readonly start?: TeamStart;
}

/**
 * A team that does not start from the usual healthy place: its reps' average morale, the
 * conflict between them, and seats left empty by reps who have just quit.
 */
export interface TeamStart {
  /** Average starting morale of the reps (0–100); each rep keeps their own spread around it. */
  readonly morale: number;
  /** Conflict in the team at the start, 0–100 (the usual start is 20). */
  readonly conflict: number;
  /** One territory id per empty seat; each is filled by a new hire after the vacancy delay. */
  readonly vacancies: readonly string[];
}

/**
 * The frameworks of the training deck a scenario teaches. Objectives and debrief prompts name
 * one, so a facilitator can see which chapter a moment of the game belongs to.
 */
export const FRAMEWORKS = [
  'manager-role',
  'market-analysis',
  'smart-targets',
  'kpi-baseline',
  'sales-funnel',
  'channel-coverage',
  'customer-tiering',
  'customer-lifetime-value',
  'value-selling',
  'negotiation',
  'pricing',
  'incentives',
  'coaching',
  'conflict',
  'cross-department',
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/**
 * The deck's lessons the market is built to reward (docs/model.md, "Lessons"). A scenario lists
 * the ones it teaches; `npm run lessons` proves each over many seeded markets.
 */
export const LESSON_IDS = [
  'value-selling',
  'balanced-allocation',
  'target-in-band',
  'training-pays',
  'stretch-burns-morale',
  'early-renewal',
  'automation-long-tail',
  'mediation',
  'key-account-care',
  'upgrade-criteria',
  'incentive-variety',
  'p1-restraint',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export interface Objective {
  readonly framework: Framework;
  readonly text: LocalizedText;
}

/**
 * When a debrief prompt is shown. `round-end`: after its round; the others: the first time,
 * from its round on, that the thing happens to the team (an account lost or won, a rep leaving,
 * a red KPI light, a fall in share, morale below 50, a negotiation ending).
 */
export const DEBRIEF_TRIGGERS = [
  'round-end',
  'account-lost',
  'account-won',
  'rep-left',
  'kpi-red',
  'share-drop',
  'morale-low',
  'negotiation',
] as const;
export type DebriefTrigger = (typeof DEBRIEF_TRIGGERS)[number];

export interface DebriefPrompt {
  readonly id: string;
  readonly trigger: DebriefTrigger;
  /** For `round-end` the round it follows; for the others the first round it may fire. */
  readonly round: number;
  readonly framework: Framework;
  readonly prompt: LocalizedText;
}

/** The decision areas a trainee meets; a guide note explains one the first time it is met. */
export const DECISION_TOPICS = [
  'allocation',
  'targets',
  'pricing',
  'budget',
  'automation',
  'training',
  'incentives',
  'team-meetings',
  'operations',
  'executive-contact',
  'tools',
  'market-intelligence',
  'negotiation',
] as const;
export type DecisionTopic = (typeof DECISION_TOPICS)[number];

export interface GuideNote {
  readonly topic: DecisionTopic;
  /** The round from which the note is shown (decisions can be introduced one round at a time). */
  readonly round: number;
  readonly text: LocalizedText;
}

export interface KeyAccountSpec {
  readonly id: string;
  readonly name: LocalizedText;
  readonly territory: string;
  /** Units a round under contract. */
  readonly volume: number;
  /** Contract price in ‰ of list. */
  readonly pricePm: number;
  readonly influence: 1 | 2 | 3 | 4 | 5;
  readonly supplier: string;
  readonly contractEnd: number;
  readonly csat: number;
  readonly relationship: number;
  /** What kind of business it is: the pains its buyer can have and the words it uses (default `general`). */
  readonly industry?: Industry;
}

/**
 * The kinds of business a key account can be: its buyer's pains come from its industry's list
 * (engine/negotiation/industry.ts) and it tells them in its industry's words.
 */
export const INDUSTRIES = ['supermarket', 'restaurant', 'hotel', 'pharmacy', 'department-store', 'services', 'manufacturer', 'general'] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const SHOCK_KINDS = [
  'supply-disruption',
  'downturn',
  'policy-support',
  'technology-upgrade',
  'price-war',
  'rep-poaching',
  'digital-entrant',
] as const;
export type ShockKind = (typeof SHOCK_KINDS)[number];

export interface ShockSpec {
  readonly id: string;
  readonly kind: ShockKind;
  readonly round: number;
  /** Rounds the shock lasts. */
  readonly duration: number;
  /** Territory it hits; empty means the whole region. */
  readonly territory: string;
  /**
   * Strength in ‰, by kind: supply-disruption — delivery capacity kept by team firms (700 = 70%);
   * downturn — demand lost (100 = −10%, at most 1000); policy-support — demand added in the
   * territory; technology-upgrade — ‰ added to the premium preference π; rep-poaching —
   * attrition multiplier (3000 = ×3); price-war and digital-entrant ignore it.
   */
  readonly magnitudePm: number;
  /** Announced a round ahead to everyone (otherwise only to those who bought market intelligence). */
  readonly signalled: boolean;
  readonly title: LocalizedText;
}

export interface Scenario {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly briefing: LocalizedText;
  readonly objectives: readonly Objective[];
  /** Questions for the debrief, shown by the replay at the moments they belong to. */
  readonly debrief: readonly DebriefPrompt[];
  /** Notes that explain a decision the first time a trainee meets it (the tutorial has one for each). */
  readonly guide: readonly GuideNote[];
  /** The lessons this scenario teaches, each proved by `npm run lessons`. */
  readonly lessons: readonly LessonId[];
  readonly rounds: number;
  /** Calendar month of round 1 (1–12), for seasonality. */
  readonly startMonth: number;
  readonly product: { readonly listPrice: number; readonly unitCost: number };
  readonly market: {
    readonly macroPm: number;
    readonly volatilityBp: number;
    /** Seasonality by calendar month, ‰. */
    readonly seasonPm: readonly number[];
    /** Three-year average growth b of the KPI baseline, bp a year. */
    readonly baselineGrowthBp: number;
  };
  readonly territories: readonly TerritorySpec[];
  readonly firms: readonly FirmSpec[];
  readonly keyAccounts: readonly KeyAccountSpec[];
  readonly shocks: readonly ShockSpec[];
  readonly coefficients: Coefficients;
}
