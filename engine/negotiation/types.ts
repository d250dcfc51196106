/**
 * The negotiation's vocabulary (MODEL.md section 3): the buyer's hidden profile, the moves a
 * seller can make, and what the buyer says back.
 */

/** What a buyer weighs, the FABE attributes a seller can speak to. */
export const ATTRIBUTES = ['price', 'delivery', 'service', 'payment', 'innovation'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** The pains a buyer may have; two are true for each buyer. */
export const PAINS = ['downtime', 'stockouts', 'slow-service', 'cash-flow', 'staff-turnover', 'integration'] as const;
export type Pain = (typeof PAINS)[number];

/** The proof a FABE statement offers: a reference customer's case, figures, or a trial. */
export const EVIDENCE = ['case', 'data', 'trial'] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** Objections a buyer raises, in an order that depends on what the seller has done. */
export const OBJECTIONS = ['price', 'delivery-risk', 'switching-cost', 'current-supplier-fine', 'budget-timing'] as const;
export type Objection = (typeof OBJECTIONS)[number];

/** Boulware (holds out), linear, conceder (gives way early): the exponent e of MODEL.md. */
export type ConcessionStyle = 'boulware' | 'linear' | 'conceder';

/** The buyer's hidden profile, drawn from the account's own negotiation stream. */
export interface Persona {
  readonly account: string;
  /** The account's kind of business (public): where its pains come from and the words it uses. */
  readonly industry: Industry;
  /** Reservation price R, ‰ of list. */
  readonly reservationPm: number;
  /** The alternative offer the buyer holds. */
  readonly alternative: { readonly pricePm: number; readonly service: number };
  /** Priority weights by attribute, integers summing to 100. */
  readonly weights: Readonly<Record<Attribute, number>>;
  readonly pains: readonly [Pain, Pain];
  /** Moves the buyer will sit through. */
  readonly patience: number;
  readonly style: ConcessionStyle;
  /** The order objections come in when nothing the seller did changes it. */
  readonly objections: readonly Objection[];
  /**
   * The offer the seller is up against in a real market (absent in a practice buyer): the
   * incumbent defending its account, or the strongest rival bidding for ours. The buyer pays
   * us at most what leaves our offer as good as this one.
   */
  readonly defender?: Defender;
}

export interface Defender {
  readonly firm: number;
  /** Its price, ‰ of list. */
  readonly pricePm: number;
  /** The value its standard pitch shows the buyer, bp. */
  readonly valueBp: number;
  /** What the buyer would pay to go with it rather than us, for relationship alone, ‰ of list (negative: it prefers us). */
  readonly edgePm: number;
}

/** Every move a seller can make; each is logged as it is made. */
export type Move =
  | { readonly kind: 'situation' }
  | { readonly kind: 'problem'; readonly pain: Pain }
  | { readonly kind: 'implication'; readonly pain: Pain }
  | { readonly kind: 'need-payoff'; readonly pain: Pain }
  /** Feature and advantage (the attribute's), the benefit tied to a pain, and the evidence. */
  | { readonly kind: 'fabe'; readonly attribute: Attribute; readonly pain?: Pain; readonly evidence?: Evidence }
  | { readonly kind: 'redirect'; readonly attribute: Attribute }
  | { readonly kind: 'quote'; readonly pricePm: number }
  | { readonly kind: 'discount'; readonly bp: number }
  | { readonly kind: 'tiered'; readonly bp: number }
  | { readonly kind: 'bundle'; readonly costYuan: number }
  | { readonly kind: 'warranty'; readonly costYuan: number }
  | { readonly kind: 'staged-delivery' }
  | { readonly kind: 'trade'; readonly ask: 'term' | 'volume' | 'prepayment' }
  | { readonly kind: 'accept-counter' }
  | { readonly kind: 'walk-away' };

export type MoveKind = Move['kind'];

import type { Industry } from '../model/scenario.ts';

/**
 * What the buyer says: a message key with its figures. Keys (all under `reply.`): greeting,
 * situation.reveal {attribute}, situation.clue {clue, attribute} (clue = industry.pain: a story
 * that points at one of its pains), situation.tired, problem.hit {pain}, problem.miss,
 * implication {pain}, implication.again {pain}, need-payoff {pain}, fabe.tied {attribute},
 * fabe.untied {attribute}, fabe.repeat {attribute}, objection.<objection>, redirect.accepted,
 * redirect.rejected, quote.anchor-high {price}, counter {price}, concession {price},
 * trade.accepted, deal {price}, walk-away.return {price}, walk-away.lost, patience.out.
 */
export interface Reply {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}
