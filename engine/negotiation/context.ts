import type { Attribute, Move, Objection, Pain, Persona, Reply } from './types.ts';

/** The account's side of the deal that the machine needs besides the buyer. */
export interface DealTerms {
  /** Units a round under the contract being negotiated. */
  readonly volume: number;
  readonly listPrice: number;
  readonly unitCost: number;
  /** The seller's relationship with the account (0–100): where trust starts. */
  readonly relationship: number;
}

/** One logged move and what it did, for the conversation and the debrief's turning points. */
export interface MoveRecord {
  readonly move: Move;
  readonly reply: Reply;
  readonly perceivedValueBp: number;
  readonly trust: number;
  /** The buyer's counter after the move, ‰ (0 before any price is on the table). */
  readonly counterPm: number;
  /** The buyer's effective reservation R_eff after the move, ‰: where its counter is heading. */
  readonly targetPm: number;
  /** The objection still open after the move ('' when none): what the seller sees on the table. */
  readonly pendingObjection?: Objection | '';
}

export type NegotiationOutcome = '' | 'deal' | 'lost' | 'alternative';

/** Everything the negotiation machine keeps: plain data, persisted in session state. */
export interface NegotiationContext {
  readonly persona: Persona;
  readonly terms: DealTerms;
  readonly moves: number;
  readonly trust: number;
  readonly perceivedValueBp: number;
  /** Perceived value added through implication questions, per pain (each capped). */
  readonly implicationBp: Readonly<Partial<Record<Pain, number>>>;
  readonly revealedWeights: readonly Attribute[];
  readonly revealedPains: readonly Pain[];
  /** Pains the buyer has told a story about in answer to situation questions (clues, not yet confirmed). */
  readonly cluesGiven: readonly Pain[];
  readonly situationQuestions: number;
  /** FABE statements and redirects made per attribute. */
  readonly pointsMade: Readonly<Partial<Record<Attribute, number>>>;
  readonly askPm: number;
  readonly firstAskPm: number;
  /** Moves made before the first quote: the buyer's patience and counter run from it. */
  readonly quotedAt: number;
  /** Patience lost to questions about pains the buyer does not have. */
  readonly patienceLost: number;
  /** Pains whose value the buyer has already stated (a need-payoff counts once). */
  readonly payoffAsked: readonly Pain[];
  /** Tiered pricing offered so far, bp (capped: tiers stop adding value). */
  readonly tieredBp: number;
  readonly openingCounterPm: number;
  readonly counterPm: number;
  /** What the concessions given are worth to the buyer, ‰ of list per unit. */
  readonly concessionValuePm: number;
  /** What they cost the seller, ‰ of list per unit. */
  readonly concessionCostPm: number;
  /** Of that, given as plain price discounts. */
  readonly discountPm: number;
  /** How far the buyer's target has dropped because the seller discounted (half of each discount). */
  readonly targetDropPm: number;
  readonly goodwillCost: number;
  readonly pendingObjection: Objection | '';
  readonly raisedObjections: readonly Objection[];
  readonly walkedAway: boolean;
  readonly outcome: NegotiationOutcome;
  readonly dealPricePm: number;
  readonly history: readonly MoveRecord[];
}
