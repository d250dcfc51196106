import { clamp } from '../core/fixedPoint.ts';
import type { MoveRecord, NegotiationContext } from './context.ts';
import { buyerCounter, effectiveReservation, openingCounter } from './counter.ts';
import { ATTRIBUTES, type Attribute, type Evidence, type Move, type Objection, type Pain, type Reply } from './types.ts';

/** Attributes that answer an objection when a seller affirms, adds value and redirects (published rules: bots may use them). */
export const ANSWERS: Readonly<Record<Objection, readonly Attribute[]>> = {
  price: ['service', 'innovation', 'payment'],
  'delivery-risk': ['delivery', 'service'],
  'switching-cost': ['service', 'innovation', 'payment'],
  'current-supplier-fine': ['innovation', 'service', 'delivery'],
  'budget-timing': ['payment', 'price'],
};

const MAX_PERCEIVED_VALUE_BP = 1500;
const MAX_TIERED_BP = 1500;
/** A discount this deep (or deeper) answers a price objection; a token cut does not. */
const DISCOUNT_ANSWERS_PRICE_BP = 200;
/** Trust a buyer loses when a discount, not an answer, silences its price objection. */
const DISCOUNT_ANSWER_TRUST = 5;
/** Discovery the buyer sits through before a price is on the table, beyond its patience. */
const DISCOVERY_ALLOWANCE = 8;

/** Which attributes speak to each pain: a FABE point is tied to a pain only through these (published rules). */
export const PAIN_ATTRIBUTES: Readonly<Record<Pain, readonly Attribute[]>> = {
  downtime: ['service', 'innovation'],
  stockouts: ['delivery'],
  'slow-service': ['service'],
  'cash-flow': ['payment', 'price'],
  'staff-turnover': ['service', 'innovation'],
  integration: ['innovation', 'service'],
};
const IMPLICATION_CAP_BP = 600;
const MAX_OBJECTIONS = 2;

/**
 * The buyer's effective reservation now, ‰: R lifted by the value it sees and what concessions
 * are worth, and — against a defending offer — no more than leaves our offer as good as that
 * one: its price, plus the value we built beyond its pitch, less what the buyer would pay to go
 * with the firm it knows better.
 */
export function reservationNow(c: NegotiationContext): number {
  const own = effectiveReservation(c.persona.reservationPm, c.perceivedValueBp, c.concessionValuePm);
  return Math.min(own, defenderCap(c)) - c.targetDropPm;
}

/** Trust at which a buyer takes the value a seller showed at face value when it compares offers. */
const FULL_CREDENCE_TRUST = 60;

/**
 * The most the buyer pays before the defending offer is the better deal, ‰ (no cap without
 * one). Comparing offers, the buyer credits the value we showed only as far as it trusts us
 * (in full from trust 60): a stranger's promises count for less than a known firm's.
 */
export function defenderCap(c: NegotiationContext): number {
  const d = c.persona.defender;
  if (!d) return Number.POSITIVE_INFINITY;
  const credence = Math.min(1, c.trust / FULL_CREDENCE_TRUST);
  return d.pricePm + (c.persona.reservationPm * (c.perceivedValueBp * credence - d.valueBp)) / 10_000 + c.concessionValuePm - d.edgePm;
}

/** A reply variant (1–3) fixed by the account and the move count, so a replay says the same words. */
function reply(c: NegotiationContext, key: string, params: Reply['params'] = {}): Reply {
  let h = 0;
  for (let i = 0; i < c.persona.account.length; i++) h = (h * 31 + c.persona.account.charCodeAt(i)) % 9973;
  return { key: `reply.${key}.${((h + c.moves) % 3) + 1}`, params };
}

function addValue(c: NegotiationContext, bp: number): number {
  return clamp(Math.round(c.perceivedValueBp + bp), 0, MAX_PERCEIVED_VALUE_BP);
}

function perUnitPm(c: NegotiationContext, yuan: number): number {
  const perDeal = Math.max(1, c.terms.volume * c.terms.listPrice);
  return (yuan / perDeal) * 1000;
}

/** Trust at which a buyer takes a first quote without a reservation of its own (price aside). */
const TRUSTING_BUYER = 55;

/**
 * Which objection the buyer raises next: price first if the ask is above what it would pay,
 * "we're fine" first if nobody asked about its business; otherwise its own worries, in its own
 * order. At the first quote a buyer that already trusts the seller (trust ≥ 55: a cared-for
 * account) raises only those two; one that does not always has a reservation.
 */
function nextObjection(c: NegotiationContext, atQuote = false): Objection | '' {
  if (c.raisedObjections.length >= MAX_OBJECTIONS) return '';
  const order: Objection[] = [];
  if (c.askPm > reservationNow(c)) order.push('price');
  if (c.revealedPains.length === 0 && c.situationQuestions === 0) order.push('current-supplier-fine');
  if (!atQuote || c.trust < TRUSTING_BUYER) order.push(...c.persona.objections);
  return order.find((o) => !c.raisedObjections.includes(o)) ?? '';
}

type Step = { context: NegotiationContext; reply: Reply };

/** Giving ground invites the next objection (up to the buyer's limit), once the last one is settled. */
function raiseNext(c: NegotiationContext): NegotiationContext {
  if (c.pendingObjection !== '' || c.raisedObjections.length === 0) return c;
  const next = nextObjection(c);
  return next ? { ...c, pendingObjection: next, raisedObjections: [...c.raisedObjections, next] } : c;
}

function question(c: NegotiationContext, move: Extract<Move, { kind: 'situation' | 'problem' | 'implication' | 'need-payoff' }>): Step {
  switch (move.kind) {
    case 'situation': {
      const asked = c.situationQuestions + 1;
      const hidden = ATTRIBUTES.filter((a) => !c.revealedWeights.includes(a)).sort(
        (a, b) => c.persona.weights[b] - c.persona.weights[a] || (a < b ? -1 : 1),
      );
      const attribute = hidden[0];
      // Three situation questions show interest; more start to feel like an interrogation.
      const trust = c.trust + (asked >= 4 ? -3 : 1);
      // The buyer answers with its business as it is: a story that points at one of its pains
      // (each once), in its industry's words, and what it weighs most among what is left.
      const clue = asked < 4 ? c.persona.pains.find((p) => !c.cluesGiven.includes(p)) : undefined;
      const next = {
        ...c,
        situationQuestions: asked,
        trust,
        revealedWeights: attribute ? [...c.revealedWeights, attribute] : c.revealedWeights,
        cluesGiven: clue ? [...c.cluesGiven, clue] : c.cluesGiven,
      };
      if (clue && attribute) return { context: next, reply: reply(c, 'situation.clue', { clue: `${c.persona.industry}.${clue}`, attribute }) };
      return { context: next, reply: attribute && asked < 4 ? reply(c, 'situation.reveal', { attribute }) : reply(c, 'situation.tired') };
    }
    case 'problem': {
      if (c.persona.pains.includes(move.pain) && !c.revealedPains.includes(move.pain)) {
        return {
          context: { ...c, revealedPains: [...c.revealedPains, move.pain], perceivedValueBp: addValue(c, 100) },
          reply: reply(c, 'problem.hit', { pain: move.pain }),
        };
      }
      // A miss costs the buyer's patience.
      return { context: { ...c, patienceLost: c.patienceLost + 1 }, reply: reply(c, 'problem.miss') };
    }
    case 'implication': {
      const so = c.implicationBp[move.pain] ?? 0;
      const add = Math.min(300, IMPLICATION_CAP_BP - so);
      if (add <= 0) return { context: c, reply: reply(c, 'implication.again', { pain: move.pain }) };
      return {
        context: { ...c, implicationBp: { ...c.implicationBp, [move.pain]: so + add }, perceivedValueBp: addValue(c, add) },
        reply: reply(c, 'implication', { pain: move.pain }),
      };
    }
    case 'need-payoff':
      // The buyer states what solving a pain is worth once; asking again adds nothing.
      if (c.payoffAsked.includes(move.pain)) return { context: c, reply: reply(c, 'implication.again', { pain: move.pain }) };
      return {
        context: { ...c, perceivedValueBp: addValue(c, 200), payoffAsked: [...c.payoffAsked, move.pain] },
        reply: reply(c, 'need-payoff', { pain: move.pain }),
      };
  }
}

/** Whether a move makes sense now; the machine's guards use the same rule. */
export function requiresRevealedPain(c: NegotiationContext, move: Move): boolean {
  return (move.kind === 'implication' || move.kind === 'need-payoff') && !c.revealedPains.includes(move.pain);
}

/**
 * How much proof adds to a benefit: none leaves it a claim (×0.6); a customer case or figures
 * carry it (×1); a trial convinces a buyer that does not trust us yet (trust under 50) most (×1.2).
 */
export function evidenceFactor(c: Pick<NegotiationContext, 'trust'>, evidence: Evidence | undefined): number {
  if (evidence === undefined) return 0.6;
  return evidence === 'trial' && c.trust < 50 ? 1.2 : 1;
}

function statement(c: NegotiationContext, move: Extract<Move, { kind: 'fabe' | 'redirect' }>): Step {
  const made = c.pointsMade[move.attribute] ?? 0;
  const points = { ...c.pointsMade, [move.attribute]: made + 1 };
  if (move.kind === 'fabe') {
    // A benefit lands only when it answers a pain the buyer confirmed, through a feature that
    // speaks to that pain; one tied to no confirmed pain moves nothing.
    const tied = move.pain !== undefined && c.revealedPains.includes(move.pain) && PAIN_ATTRIBUTES[move.pain].includes(move.attribute);
    const bp = tied ? 8 * c.persona.weights[move.attribute] * evidenceFactor(c, move.evidence) * (made > 0 ? 0.5 : 1) : 0;
    const key = made > 0 ? 'fabe.repeat' : tied ? 'fabe.tied' : 'fabe.untied';
    return { context: { ...c, pointsMade: points, perceivedValueBp: addValue(c, bp) }, reply: reply(c, key, { attribute: move.attribute }) };
  }
  const objection = c.pendingObjection;
  const relevant = objection !== '' && ANSWERS[objection].includes(move.attribute) && made === 0;
  if (!relevant) return { context: { ...c, pointsMade: points, trust: c.trust - 2 }, reply: reply(c, 'redirect.rejected') };
  const bp = 150 + (250 * c.persona.weights[move.attribute]) / 100;
  return {
    context: { ...c, pointsMade: points, perceivedValueBp: addValue(c, bp), pendingObjection: '' },
    reply: reply(c, 'redirect.accepted'),
  };
}

function concession(c: NegotiationContext, move: Extract<Move, { kind: 'discount' | 'tiered' | 'bundle' | 'warranty' | 'staged-delivery' | 'trade' }>): Step {
  switch (move.kind) {
    case 'discount': {
      const cut = (c.askPm * move.bp) / 10_000;
      // A cut lowers the ask and nothing else: the price is booked once, at the lower ask.
      // It does silence an objection, but badly: the buyer learns that pushing pays and trusts
      // the list price less.
      const answers = c.pendingObjection !== '' && move.bp >= DISCOUNT_ANSWERS_PRICE_BP;
      const next = {
        ...c,
        askPm: c.askPm - cut,
        discountPm: c.discountPm + cut,
        targetDropPm: c.targetDropPm + cut / 2,
        trust: c.trust - (answers ? DISCOUNT_ANSWER_TRUST : 0),
        pendingObjection: answers ? ('' as const) : c.pendingObjection,
      };
      return { context: raiseNext(next), reply: reply(c, 'concession', { price: Math.round(next.askPm) }) };
    }
    case 'tiered': {
      // Volume tiers are worth a discount to the buyer and cost about 40% of one; past a point more tiers add nothing.
      const bp = Math.min(move.bp, MAX_TIERED_BP - c.tieredBp);
      const value = (c.askPm * Math.max(0, bp)) / 10_000;
      const next = { ...c, tieredBp: c.tieredBp + Math.max(0, bp), concessionValuePm: c.concessionValuePm + value, concessionCostPm: c.concessionCostPm + 0.4 * value };
      return { context: next, reply: reply(c, 'concession', { price: Math.round(c.askPm) }) };
    }
    case 'bundle':
    case 'warranty': {
      const cost = perUnitPm(c, move.costYuan);
      const value = (cost * c.persona.weights.service) / 20;
      const next = { ...c, concessionValuePm: c.concessionValuePm + value, concessionCostPm: c.concessionCostPm + cost };
      return { context: next, reply: reply(c, 'concession', { price: Math.round(c.askPm) }) };
    }
    case 'staged-delivery': {
      const value = (3 * c.persona.weights.delivery) / 10;
      const next = {
        ...c,
        concessionValuePm: c.concessionValuePm + value,
        goodwillCost: c.goodwillCost + 3,
        pendingObjection: c.pendingObjection === 'delivery-risk' ? ('' as const) : c.pendingObjection,
      };
      return { context: next, reply: reply(c, 'concession', { price: Math.round(c.askPm) }) };
    }
    case 'trade': {
      // Something in return (a longer term, more volume, prepayment) offsets what was given.
      const offset = Math.min(c.concessionCostPm, 10);
      return { context: { ...c, concessionCostPm: c.concessionCostPm - offset, trust: c.trust + 1 }, reply: reply(c, 'trade.accepted') };
    }
  }
}

/**
 * Applies one seller move to the negotiation: the buyer's perceived value, trust, target and
 * counter move as MODEL.md section 3 says, and the buyer answers. Pure: the same context and
 * move always give the same result, so a negotiation replays word for word.
 */
export function applyMove(before: NegotiationContext, move: Move): NegotiationContext {
  let step: Step;
  let c = before;
  switch (move.kind) {
    case 'situation':
    case 'problem':
    case 'implication':
    case 'need-payoff':
      step = question(c, move);
      break;
    case 'fabe':
    case 'redirect':
      step = statement(c, move);
      break;
    case 'quote': {
      const first = c.firstAskPm === 0;
      const reff = reservationNow(c);
      // An opening far above the buyer's range costs trust (MODEL.md: 10 above 1.15 × R_eff).
      const tooHigh = first && move.pricePm > 1.15 * reff;
      // Asking again for less is a discount by another name; asking for more hurts trust.
      const cut = first ? 0 : Math.max(0, c.askPm - move.pricePm);
      const raised = !first && move.pricePm > c.askPm;
      c = {
        ...c,
        askPm: move.pricePm,
        firstAskPm: first ? move.pricePm : c.firstAskPm,
        quotedAt: first ? c.moves : c.quotedAt,
        openingCounterPm: first ? openingCounter(reff, move.pricePm) : c.openingCounterPm,
        discountPm: c.discountPm + cut,
        targetDropPm: c.targetDropPm + cut / 2,
        trust: c.trust - (tooHigh ? 10 : 0) - (raised ? 3 : 0),
        // A new ask can never leave the buyer's counter above it.
        counterPm: first ? 0 : Math.min(c.counterPm, move.pricePm),
      };
      if (first) {
        const objection = nextObjection(c, true);
        c = { ...c, pendingObjection: objection, raisedObjections: objection ? [...c.raisedObjections, objection] : c.raisedObjections };
      } else c = raiseNext(c);
      const objection = c.pendingObjection;
      step = {
        context: c,
        reply: tooHigh ? reply(c, 'quote.anchor-high', { price: move.pricePm }) : objection ? reply(c, `objection.${objection}`) : reply(c, 'counter', { price: 0 }),
      };
      break;
    }
    case 'discount':
    case 'tiered':
    case 'bundle':
    case 'warranty':
    case 'staged-delivery':
    case 'trade':
      step = concession(c, move);
      break;
    case 'accept-counter':
      step = { context: { ...c, outcome: 'deal', dealPricePm: c.counterPm }, reply: reply(c, 'deal', { price: Math.round(c.counterPm) }) };
      break;
    case 'walk-away': {
      // The buyer comes back if our offer beats its alternative by more than it would give up.
      const reff = reservationNow(c);
      const alternativeSurplus = c.persona.reservationPm - c.persona.alternative.pricePm + (c.persona.alternative.service - 500) / 10;
      // Against a defending offer the buyer already weighs it in R_eff: it calls back when our ask is still the better deal.
      const better = c.persona.defender ? c.askPm <= reff : reff - c.askPm > alternativeSurplus || c.askPm <= c.persona.alternative.pricePm;
      if (better) {
        // MODEL.md: it comes back at max(b_n, ask − 1%), its objection dropped; our ask stands.
        const back = Math.min(c.askPm, Math.max(c.counterPm, c.askPm * 0.99));
        step = { context: { ...c, walkedAway: true, counterPm: back, pendingObjection: '' }, reply: reply(c, 'walk-away.return', { price: Math.round(back) }) };
      } else {
        step = { context: { ...c, walkedAway: true, trust: c.trust - 20, outcome: 'lost' }, reply: reply(c, 'walk-away.lost') };
      }
      break;
    }
  }
  // An objection left open holds the buyer's trust where it was: nothing the seller says lands
  // until the buyer has been answered.
  const held = before.pendingObjection !== '' && step.context.pendingObjection !== '';
  const trust = held ? Math.min(before.trust, step.context.trust) : step.context.trust;
  c = { ...step.context, trust: clamp(trust, 0, 100), moves: step.context.moves + 1 };
  let answer = step.reply;
  // Moves since the first quote, the quote included: the n of MODEL.md's b_n, reaching P on the buyer's last move.
  const sinceQuote = c.firstAskPm > 0 ? c.moves - c.quotedAt : 0;
  if (c.outcome === '' && c.askPm > 0 && c.pendingObjection !== '') {
    // An open objection holds the counter back: the clock runs on the buyer's patience, but its
    // counter waits for an answer.
    if (answer.key.startsWith('reply.concession') || answer.key.startsWith('reply.counter') || answer.key.startsWith('reply.trade')) answer = reply(c, `objection.${c.pendingObjection}`);
  } else if (c.outcome === '' && c.askPm > 0) {
    // The buyer never offers more than it was asked for.
    const counter = buyerCounter(sinceQuote + c.patienceLost, c.persona.patience, c.persona.style, c.openingCounterPm, reservationNow(c));
    c = { ...c, counterPm: Math.min(c.askPm, Math.max(c.counterPm, counter)) };
    if (c.pendingObjection === '' && c.counterPm >= c.askPm) {
      c = { ...c, outcome: 'deal', dealPricePm: c.askPm };
      answer = reply(c, 'deal', { price: Math.round(c.askPm) });
    } else if (answer.key.startsWith('reply.concession') || answer.key.startsWith('reply.counter')) {
      answer = reply(c, 'counter', { price: Math.round(c.counterPm) });
    }
  }
  // Patience runs from the first quote; before it, the buyer sits through some discovery.
  const spent = c.firstAskPm > 0 ? sinceQuote + c.patienceLost : c.moves + c.patienceLost - DISCOVERY_ALLOWANCE;
  if (c.outcome === '' && spent >= c.persona.patience) {
    c = { ...c, outcome: 'alternative' };
    answer = reply(c, 'patience.out');
  }
  const record: MoveRecord = {
    move,
    reply: answer,
    perceivedValueBp: c.perceivedValueBp,
    trust: c.trust,
    counterPm: Math.round(c.counterPm),
    targetPm: Math.round(reservationNow(c)),
    pendingObjection: c.outcome === '' ? c.pendingObjection : '',
  };
  return { ...c, history: [...c.history, record] };
}

