import { ANSWERS, PAIN_ATTRIBUTES } from './applyMove.ts';
import type { DealTerms, NegotiationContext } from './context.ts';
import { playMove, startNegotiation, type PersistedNegotiation } from './machine.ts';
import { ATTRIBUTES, PAINS, type Attribute, type Move, type MoveKind, type Objection, type Pain, type Persona } from './types.ts';

/**
 * Scripted sellers for the negotiation (MODEL.md section 3): each decides its next move from what
 * a seller at the table can see — the pains and priorities the buyer has revealed, the objection
 * on the table, the buyer's counter, our own ask and moves, trust, the replies so far, and the
 * deal's terms. A bot never reads the buyer's hidden profile (reservation price, true pains,
 * weights, alternative, patience, style, objection order); `persona.account` is the only persona
 * field it may use. What it knows of the rules is what MODEL.md publishes (the effects of moves,
 * the 950–1150‰ reservation range, patience of 6–10 moves).
 * Bots are pure functions of the context, so a bot's negotiation replays move for move.
 */
export type NegotiationBot = (context: NegotiationContext, stage: string) => Move;

/** The seller's own notes, rebuilt from the logged moves and what the buyer has revealed. */
interface Notes {
  readonly situations: number;
  readonly problemsAsked: readonly Pain[];
  readonly misses: number;
  readonly implications: Readonly<Partial<Record<Pain, number>>>;
  readonly needPayoffs: Readonly<Partial<Record<Pain, number>>>;
  /** FABE points and redirects made per attribute (a point made once no longer answers an objection). */
  readonly points: Readonly<Partial<Record<Attribute, number>>>;
  readonly quotes: number;
  readonly walkAways: number;
  readonly concessions: number;
  readonly trades: number;
  readonly lastKind: MoveKind | '';
}

function notes(c: NegotiationContext): Notes {
  let situations = 0;
  let quotes = 0;
  let walkAways = 0;
  let concessions = 0;
  let trades = 0;
  const problemsAsked: Pain[] = [];
  const implications: Partial<Record<Pain, number>> = {};
  const needPayoffs: Partial<Record<Pain, number>> = {};
  const points: Partial<Record<Attribute, number>> = {};
  for (const { move } of c.history) {
    switch (move.kind) {
      case 'situation':
        situations++;
        break;
      case 'problem':
        if (!problemsAsked.includes(move.pain)) problemsAsked.push(move.pain);
        break;
      case 'implication':
        implications[move.pain] = (implications[move.pain] ?? 0) + 1;
        break;
      case 'need-payoff':
        needPayoffs[move.pain] = (needPayoffs[move.pain] ?? 0) + 1;
        break;
      case 'fabe':
      case 'redirect':
        points[move.attribute] = (points[move.attribute] ?? 0) + 1;
        break;
      case 'quote':
        quotes++;
        break;
      case 'walk-away':
        walkAways++;
        break;
      case 'trade':
        trades++;
        break;
      case 'discount':
      case 'tiered':
      case 'bundle':
      case 'warranty':
      case 'staged-delivery':
        concessions++;
        break;
      default:
        break;
    }
  }
  const misses = problemsAsked.filter((p) => !c.revealedPains.includes(p)).length;
  const last = c.history[c.history.length - 1];
  return { situations, problemsAsked, misses, implications, needPayoffs, points, quotes, walkAways, concessions, trades, lastKind: last ? last.move.kind : '' };
}

/** Unit cost as ‰ of list: the floor no seller should go under. */
export function unitCostPm(terms: DealTerms): number {
  return terms.listPrice > 0 ? (terms.unitCost / terms.listPrice) * 1000 : 0;
}

/** The attribute that still answers the pending objection, the buyer's higher revealed priorities first. */
function redirectFor(c: NegotiationContext, n: Notes): Attribute | undefined {
  if (c.pendingObjection === '') return undefined;
  const rank = (a: Attribute) => {
    const i = c.revealedWeights.indexOf(a);
    return i < 0 ? ATTRIBUTES.length + ANSWERS[c.pendingObjection as Objection].indexOf(a) : i;
  };
  return ANSWERS[c.pendingObjection].filter((a) => (n.points[a] ?? 0) === 0).sort((a, b) => rank(a) - rank(b))[0];
}

/** The first pain in the list not yet asked about. */
function nextPainToAsk(n: Notes): Pain | undefined {
  return PAINS.find((p) => !n.problemsAsked.includes(p));
}

/** Tuning of the value-selling bot; the defaults are what `NEGOTIATION_BOTS['value-selling']` plays. */
export interface ValueSellingOptions {
  /** Situation questions before anything else. */
  readonly situations: number;
  /** Stop asking about pains after this many misses. */
  readonly maxMisses: number;
  /** Pains to uncover before moving on. */
  readonly pains: number;
  /**
   * Discovery ends when the next question would take it past this many moves. A buyer's patience
   * (6–10 moves, MODEL.md) runs from the first quote, and it sits through some discovery first;
   * eight moves of discovery leave room for any buyer while building most of the value.
   */
  readonly discoveryMoves: number;
  /** FABE points to make on the revealed priorities (each tied to a revealed pain when there is one). */
  readonly fabePoints: number;
  /** Make the FABE point on the top priority before the problem questions rather than after. */
  readonly fabeFirst: boolean;
  /** The ask with no value built, ‰ of list, raised in proportion to the value built. */
  readonly basePm: number;
  /**
   * The lowest reservation a buyer can have, ‰ (MODEL.md: 950): an ask of this, raised by the
   * value built, is one every buyer can meet. A 'price' objection to the opening ask tells the
   * seller the ask is above what the buyer would pay now, so it bridges the gap to this level.
   */
  readonly safePm: number;
  /** How to answer a 'price' objection: a redirect then tiered pricing, or a discount down to the safe ask. */
  readonly priceAnswer: 'redirect' | 'discount';
  /** Answer objections by affirming, adding value and redirecting (false: sit them out, or discount a price one). */
  readonly redirects: boolean;
  /** Ask never above this, ‰. */
  readonly maxAskPm: number;
  /** From this move on, accept a counter within `acceptWithinPm` ‰ of the ask (if above cost with margin). */
  readonly acceptFromMove: number;
  readonly acceptWithinPm: number;
  /** Margin above unit cost, ‰ of list, below which no counter is accepted. */
  readonly marginPm: number;
  /**
   * Once objections are answered and the buyer's counter still sits under the ask, offer volume
   * tiers worth the gap (a tier is worth its full value to the buyer and costs the seller about
   * 40% of it: value traded rather than price given).
   */
  readonly tieredBridge: boolean;
  /**
   * Accept a counter at or above the margin floor once this many moves of the buyer's patience
   * are spent (moves since the first quote, the quote included, plus missed problem questions).
   * Every buyer sits through at least 6 (MODEL.md), so 5 never loses a buyer to impatience.
   */
  readonly acceptAtSpent: number;
}

export const VALUE_SELLING_DEFAULTS: ValueSellingOptions = {
  // Two situation questions: the buyer tells a story about each of its pains, so the problem
  // questions that follow are hypotheses the clues support, not guesses.
  situations: 2,
  maxMisses: 4,
  pains: 2,
  discoveryMoves: 9,
  fabePoints: 1,
  fabeFirst: false,
  basePm: 950,
  safePm: 950,
  priceAnswer: 'redirect',
  redirects: true,
  maxAskPm: 1150,
  // With an ask every buyer can meet once the objection is answered, waiting closes at the ask by the buyer's
  // last move (the counter reaches R_eff there), so taking a lower counter near the end only loses money. A
  // riskier ask (a higher basePm) would set this to 9 — the 10th move is the last any buyer sits through.
  acceptFromMove: 99,
  acceptWithinPm: 1000,
  marginPm: 200,
  tieredBridge: false,
  acceptAtSpent: 99,
};

/** The smallest discount that silences a price objection (MODEL.md: 2%). */
const DISCOUNT_ANSWER_BP = 200;

/** The weight of the buyer's top priority is at least 20 (five weights summing to 100); other revealed ones may be small. */
const TOP_WEIGHT_FLOOR = 20;
/** An answered objection adds at least 150 bp (MODEL.md). */
const REDIRECT_FLOOR_BP = 150;

/**
 * A floor on the perceived value the seller has built, bp, counted from its own moves with the
 * published effects (MODEL.md table) and the least the revealed priorities can weigh — no hidden
 * field is read. `withRedirect` counts the objection the seller means to answer after quoting.
 */
export function valueBuiltBp(c: NegotiationContext, withRedirect = false): number {
  const n = notes(c);
  let bp = 100 * c.revealedPains.length;
  for (const p of c.revealedPains) bp += Math.min(600, 300 * (n.implications[p] ?? 0)) + 200 * (n.needPayoffs[p] ?? 0);
  const fabeSeen = new Set<Attribute>();
  for (const { move, reply } of c.history) {
    if (move.kind === 'fabe') {
      const tied = move.pain !== undefined && c.revealedPains.includes(move.pain) && PAIN_ATTRIBUTES[move.pain].includes(move.attribute);
      const weight = c.revealedWeights[0] === move.attribute ? TOP_WEIGHT_FLOOR : 0;
      // Evidence counted at its least (a trial's bonus depends on trust at the time).
      bp += tied ? 8 * weight * (move.evidence ? 1 : 0.6) * (fabeSeen.has(move.attribute) ? 0.5 : 1) : 0;
      fabeSeen.add(move.attribute);
    }
    // Only a redirect the buyer took adds value (one that closed the deal needs no more counting).
    if (move.kind === 'redirect' && !reply.key.startsWith('reply.redirect.rejected')) bp += REDIRECT_FLOOR_BP;
  }
  if (withRedirect && c.askPm === 0) bp += REDIRECT_FLOOR_BP;
  return Math.min(1500, bp);
}

export function valueSellingBot(options: Partial<ValueSellingOptions> = {}): NegotiationBot {
  const o = { ...VALUE_SELLING_DEFAULTS, ...options };
  return (c, stage) => {
    const n = notes(c);
    const floor = unitCostPm(c.terms) + o.marginPm;
    if (stage === 'discovery') {
      const fits = (cost: number) => c.moves + cost <= o.discoveryMoves;
      const fabes = c.history.filter((h) => h.move.kind === 'fabe').length;
      const fabe = (): Move | undefined => {
        // A benefit must answer a pain the buyer confirmed, through a feature that speaks to it
        // (the published pain–attribute pairs), the one the buyer weighs most of those.
        const pain = c.revealedPains[0];
        if (!pain || fabes >= o.fabePoints || !fits(1)) return undefined;
        const rank = (a: Attribute) => (c.revealedWeights.includes(a) ? c.revealedWeights.indexOf(a) : ATTRIBUTES.length);
        const attribute = [...PAIN_ATTRIBUTES[pain]].filter((a) => (n.points[a] ?? 0) === 0).sort((a, b) => rank(a) - rank(b))[0];
        if (!attribute) return undefined;
        // A buyer that does not trust us yet wants to see it work: offer a trial; otherwise a customer case.
        return { kind: 'fabe', attribute, pain, evidence: c.trust < 50 ? 'trial' : 'case' };
      };
      if (n.situations < o.situations && fits(1)) return { kind: 'situation' };
      if (o.fabeFirst) {
        const m = fabe();
        if (m) return m;
      }
      // The pains the buyer's stories pointed at first; only then a guess.
      const pain = c.cluesGiven.find((p) => !n.problemsAsked.includes(p)) ?? nextPainToAsk(n);
      // A miss costs the buyer one move of patience on top of the move itself.
      if (c.revealedPains.length < o.pains && n.misses < o.maxMisses && pain && fits(2)) return { kind: 'problem', pain };
      for (const p of c.revealedPains) {
        if (!fits(1)) break;
        if ((n.implications[p] ?? 0) === 0) return { kind: 'implication', pain: p };
        if ((n.needPayoffs[p] ?? 0) === 0) return { kind: 'need-payoff', pain: p };
      }
      const m = fabe();
      if (m) return m;
      const ask = Math.round(Math.min(o.maxAskPm, o.basePm * (1 + valueBuiltBp(c, true) / 10_000)));
      return { kind: 'quote', pricePm: Math.max(ask, Math.ceil(floor)) };
    }
    // A price is on the table. An objection is answered first: once it is, a counter at the ask closes the deal at the ask.
    const safeAsk = o.safePm * (1 + valueBuiltBp(c) / 10_000);
    const gap = c.askPm - safeAsk;
    const pricedTooHigh = c.history.some((h) => h.reply.key.startsWith('reply.objection.price'));
    if (stage === 'objection' && c.pendingObjection === 'price' && o.priceAnswer === 'discount' && gap > 0) {
      // The buyer's target falls by half of a discount: cutting twice the gap lands under what every buyer pays.
      return { kind: 'discount', bp: Math.min(3000, Math.ceil(((2 * gap) / c.askPm) * 10_000)) };
    }
    if (stage === 'objection' && !o.redirects) {
      return { kind: 'discount', bp: Math.min(3000, Math.max(DISCOUNT_ANSWER_BP, Math.ceil(((2 * gap) / c.askPm) * 10_000))) };
    }
    if (stage === 'objection' && o.redirects) {
      const attribute = redirectFor(c, n);
      if (attribute) return { kind: 'redirect', attribute };
      if (c.pendingObjection === 'delivery-risk') return { kind: 'staged-delivery' };
    }
    const late = c.moves >= o.acceptFromMove;
    const spent = c.moves - c.quotedAt + n.misses;
    if (stage === 'proposal' && c.counterPm >= floor && (c.counterPm >= c.askPm || spent >= o.acceptAtSpent || (late && c.counterPm >= c.askPm - o.acceptWithinPm))) {
      return { kind: 'accept-counter' };
    }
    if (stage === 'proposal' && o.tieredBridge && c.tieredBp === 0 && c.counterPm > 0 && c.counterPm < c.askPm) {
      return { kind: 'tiered', bp: Math.min(1500, Math.ceil(((c.askPm - c.counterPm) / c.askPm) * 10_000)) };
    }
    if (c.pendingObjection === 'price') return { kind: 'discount', bp: 100 };
    if (pricedTooHigh && gap > 0 && n.concessions === 0) return { kind: 'tiered', bp: Math.min(3000, Math.ceil((gap / c.askPm) * 10_000)) };
    return { kind: 'trade', ask: (['term', 'volume', 'prepayment'] as const)[n.trades % 3]! };
  };
}

/** Discounts its way to a deal: list price, then 5% off every turn until the buyer's counter meets it. */
export const discountingBot: NegotiationBot = (c, stage) => {
  if (stage === 'discovery') return { kind: 'quote', pricePm: 1000 };
  const floor = unitCostPm(c.terms);
  const nextAsk = c.askPm * (1 - 500 / 10_000);
  // The buyer's counter has met the ask (an objection is holding the deal up), or another cut would go under cost.
  if (c.counterPm >= floor && (c.counterPm >= c.askPm || nextAsk < floor)) return { kind: 'accept-counter' };
  if (nextAsk < floor) return { kind: 'walk-away' };
  return { kind: 'discount', bp: 500 };
};

/** Quotes 5% over list and walks out straight away — and again whenever the buyer comes back. */
export const alwaysWalkAwayBot: NegotiationBot = (_c, stage) => (stage === 'discovery' ? { kind: 'quote', pricePm: 1050 } : { kind: 'walk-away' });

/** Quotes 5% over list and takes the first counter the buyer makes (an objection in the way is bought off with the smallest discount that silences it). */
export const acceptFirstCounterBot: NegotiationBot = (c, stage) => {
  if (stage === 'discovery') return { kind: 'quote', pricePm: 1050 };
  if (stage === 'objection') return { kind: 'discount', bp: DISCOUNT_ANSWER_BP };
  return c.counterPm > 0 ? { kind: 'accept-counter' } : { kind: 'trade', ask: 'term' };
};

/** Asks and asks and never puts a price on the table. */
export const questionsOnlyBot: NegotiationBot = (c) => {
  const n = notes(c);
  const pain = nextPainToAsk(n);
  if (n.situations < 2) return { kind: 'situation' };
  if (pain && c.revealedPains.length < 2) return { kind: 'problem', pain };
  for (const p of c.revealedPains) {
    if ((n.implications[p] ?? 0) < 2) return { kind: 'implication', pain: p };
    if ((n.needPayoffs[p] ?? 0) === 0) return { kind: 'need-payoff', pain: p };
  }
  return { kind: 'situation' };
};

/** Pitches every feature without asking anything, then quotes 5% over list and redirects objections. */
export const fabeWithoutDiscoveryBot: NegotiationBot = (c, stage) => {
  const n = notes(c);
  if (stage === 'discovery') {
    const attribute = ATTRIBUTES.find((a) => (n.points[a] ?? 0) === 0);
    return attribute ? { kind: 'fabe', attribute } : { kind: 'quote', pricePm: 1050 };
  }
  if (stage === 'objection') {
    const answers = ANSWERS[c.pendingObjection === '' ? 'price' : c.pendingObjection];
    const redirects = c.history.filter((h) => h.move.kind === 'redirect').length;
    // Every point has been made already; it redirects anyway, going round the answers (the buyer has heard them).
    return { kind: 'redirect', attribute: redirectFor(c, n) ?? answers[redirects % answers.length] ?? 'service' };
  }
  if (c.counterPm >= c.askPm && c.counterPm > 0) return { kind: 'accept-counter' };
  return { kind: 'trade', ask: 'term' };
};

/** Quotes list and waits: no questions, no answers to objections, nothing conceded; takes the buyer's counter once it reaches the ask. */
export const quoteAndWaitBot: NegotiationBot = (c, stage) => {
  if (stage === 'discovery') return { kind: 'quote', pricePm: 1000 };
  if (stage === 'proposal' && c.counterPm >= c.askPm) return { kind: 'accept-counter' };
  return { kind: 'trade', ask: 'term' };
};

/** Quotes list with no discovery and answers each objection by affirming and redirecting to something the buyer may value. */
export const redirectOnlyBot: NegotiationBot = (c, stage) => {
  if (stage === 'discovery') return { kind: 'quote', pricePm: 1000 };
  if (stage === 'objection') {
    const n = notes(c);
    const attribute = redirectFor(c, n);
    if (attribute) return { kind: 'redirect', attribute };
  }
  if (stage === 'proposal' && c.counterPm >= c.askPm) return { kind: 'accept-counter' };
  return { kind: 'trade', ask: 'term' };
};

export const NEGOTIATION_BOTS: Readonly<Record<string, NegotiationBot>> = {
  'value-selling': valueSellingBot(),
  // The whole deck: discovery, FABE and answered objections, with an ask that prices the value
  // built against what a rival would charge rather than at the most the buyer might pay.
  // It trades volume tiers for a price the buyer still hesitates over, and near the end of the
  // buyer's patience takes a counter that keeps its margin rather than lose the account.
  'full-deck': valueSellingBot({ basePm: 900, tieredBridge: true, acceptAtSpent: 5 }),
  // Discovery and FABE, but objections are sat out (a price one bought off with a discount).
  'spin-fabe': valueSellingBot({ basePm: 900, redirects: false, tieredBridge: true, acceptAtSpent: 5 }),
  'quote-and-wait': quoteAndWaitBot,
  'redirect-only': redirectOnlyBot,
  'discount-only': discountingBot,
  discounting: discountingBot,
  'always-walk-away': alwaysWalkAwayBot,
  'accept-first-counter': acceptFirstCounterBot,
  'questions-only': questionsOnlyBot,
  'fabe-without-discovery': fabeWithoutDiscoveryBot,
};

/** A harmless instance of each kind of move, for when a bot's own choice is refused. */
const FALLBACK: Readonly<Record<MoveKind, (c: NegotiationContext) => Move>> = {
  situation: () => ({ kind: 'situation' }),
  problem: (c) => ({ kind: 'problem', pain: PAINS.find((p) => !c.revealedPains.includes(p)) ?? PAINS[0] }),
  implication: (c) => ({ kind: 'implication', pain: c.revealedPains[0] ?? PAINS[0] }),
  'need-payoff': (c) => ({ kind: 'need-payoff', pain: c.revealedPains[0] ?? PAINS[0] }),
  fabe: () => ({ kind: 'fabe', attribute: ATTRIBUTES[0] }),
  redirect: () => ({ kind: 'redirect', attribute: ATTRIBUTES[0] }),
  quote: () => ({ kind: 'quote', pricePm: 1000 }),
  discount: () => ({ kind: 'discount', bp: 100 }),
  tiered: () => ({ kind: 'tiered', bp: 100 }),
  bundle: () => ({ kind: 'bundle', costYuan: 1000 }),
  warranty: () => ({ kind: 'warranty', costYuan: 1000 }),
  'staged-delivery': () => ({ kind: 'staged-delivery' }),
  trade: () => ({ kind: 'trade', ask: 'term' }),
  'accept-counter': () => ({ kind: 'accept-counter' }),
  'walk-away': () => ({ kind: 'walk-away' }),
};

const isOver = (stage: string) => stage === 'deal' || stage === 'noDeal';

/**
 * Plays a bot against a buyer until a deal or no deal, or `maxMoves` moves. A move the machine
 * refuses is replaced by the first allowed move it takes; if none is taken, play stops.
 */
export function playNegotiation(bot: NegotiationBot, persona: Persona, terms: DealTerms, maxMoves = 30): PersistedNegotiation {
  return playNegotiationFrom(bot, startNegotiation(persona, terms), maxMoves).negotiation;
}

/** The same from a negotiation already opened, with the moves actually played (to be logged). */
export function playNegotiationFrom(bot: NegotiationBot, start: PersistedNegotiation, maxMoves = 30): { negotiation: PersistedNegotiation; moves: Move[] } {
  let n = start;
  const moves: Move[] = [];
  for (let i = 0; i < maxMoves && !isOver(n.stage); i++) {
    const wanted = bot(n.context, n.stage);
    const r = playMove(n, wanted);
    if (r.ok) {
      n = r.negotiation;
      moves.push(wanted);
      continue;
    }
    let played = false;
    for (const kind of r.allowed) {
      const move = FALLBACK[kind](n.context);
      const fallback = playMove(n, move);
      if (fallback.ok) {
        n = fallback.negotiation;
        moves.push(move);
        played = true;
        break;
      }
    }
    if (!played) break;
  }
  return { negotiation: n, moves };
}
