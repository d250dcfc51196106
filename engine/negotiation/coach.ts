import { reservationNow } from './applyMove.ts';
import type { MoveRecord, NegotiationContext } from './context.ts';
import { profileKnown } from './score.ts';
import type { Move, Objection } from './types.ts';

export { scoreParts, type ScoreParts } from './score.ts';

/**
 * The coach at the seller's shoulder: one line per move, on what it did to the value the buyer
 * sees, its trust and its counter, and why. Built only from what the seller saw (the buyer's
 * words, the value, trust and counter the room shows), never from the buyer's hidden profile, so
 * it can run in the room while the workshop is on.
 */
export interface CoachNote {
  /** `coach.<reason>`: the why. */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** What moved, in the units the room shows: value in % (one decimal), trust in points, counter in ‰ of list (0: none yet). */
  readonly valueDelta: number;
  readonly trustDelta: number;
  readonly counterPm: number;
  /** The verdict the coach gives the move: a good move, a neutral one, or one that cost something. */
  readonly tone: 'good' | 'neutral' | 'costly';
  /** An objection left open after a move that was not about it: the coach reminds the seller (`coach.objection-waiting`). */
  readonly waiting: Objection | '';
}

/** The reply's key without its prefix and variant: `reply.objection.price.2` → `objection.price`. */
function replyBase(key: string): string {
  return key.replace(/^reply\./, '').replace(/\.\d+$/, '');
}

/** What the seller knew before move `i`: the previous record, or the opening. */
function beforeMove(c: NegotiationContext, i: number): { value: number; trust: number; counter: number } {
  const prev = c.history[i - 1];
  if (prev) return { value: prev.perceivedValueBp, trust: prev.trust, counter: prev.counterPm };
  return { value: 0, trust: Math.round(30 + c.terms.relationship / 2), counter: 0 };
}

function reasonFor(move: Move, base: string, trustDelta: number): { key: string; tone: CoachNote['tone'] } {
  if (base.startsWith('objection.')) return { key: move.kind === 'quote' ? 'coach.objection-raised' : 'coach.objection-open', tone: 'neutral' };
  switch (base) {
    case 'situation.clue':
      return { key: 'coach.situation-clue', tone: 'good' };
    case 'situation.reveal':
      return { key: 'coach.situation-reveal', tone: 'good' };
    case 'situation.tired':
      return { key: 'coach.situation-tired', tone: 'costly' };
    case 'problem.hit':
      return { key: 'coach.problem-hit', tone: 'good' };
    case 'problem.miss':
      return { key: 'coach.problem-miss', tone: 'costly' };
    case 'implication':
      return { key: 'coach.implication', tone: 'good' };
    case 'implication.again':
      return { key: 'coach.asked-again', tone: 'neutral' };
    case 'need-payoff':
      return { key: 'coach.need-payoff', tone: 'good' };
    case 'fabe.tied':
      return { key: move.kind === 'fabe' && move.evidence === undefined ? 'coach.fabe-no-evidence' : 'coach.fabe-tied', tone: 'good' };
    case 'fabe.untied':
      return { key: 'coach.fabe-untied', tone: 'costly' };
    case 'fabe.repeat':
      return { key: 'coach.fabe-repeat', tone: 'neutral' };
    case 'redirect.accepted':
      return { key: 'coach.redirect-accepted', tone: 'good' };
    case 'redirect.rejected':
      return { key: 'coach.redirect-rejected', tone: 'costly' };
    case 'quote.anchor-high':
      return { key: 'coach.anchor-high', tone: 'costly' };
    case 'trade.accepted':
      return { key: 'coach.trade', tone: 'good' };
    case 'walk-away.return':
      return { key: 'coach.walk-away-return', tone: 'neutral' };
    case 'walk-away.lost':
      return { key: 'coach.walk-away-lost', tone: 'costly' };
    case 'patience.out':
      return { key: 'coach.patience-out', tone: 'costly' };
    case 'deal':
      return { key: move.kind === 'accept-counter' ? 'coach.deal-accepted' : 'coach.deal-at-ask', tone: 'good' };
    default:
      break;
  }
  switch (move.kind) {
    case 'discount':
      return trustDelta < 0 ? { key: 'coach.discount-answered', tone: 'costly' } : { key: 'coach.discount', tone: 'costly' };
    case 'quote':
      return { key: 'coach.quote', tone: 'neutral' };
    case 'tiered':
    case 'bundle':
    case 'warranty':
    case 'staged-delivery':
      return { key: 'coach.concession', tone: 'neutral' };
    default:
      return { key: 'coach.counter', tone: 'neutral' };
  }
}

/** The coach's line on move `i` of a negotiation (0-based). */
export function coachNote(c: NegotiationContext, i: number): CoachNote {
  const record: MoveRecord = c.history[i]!;
  const before = beforeMove(c, i);
  const base = replyBase(record.reply.key);
  const trustDelta = record.trust - before.trust;
  let { key, tone } = reasonFor(record.move, base, trustDelta);
  // Asking for something in return when nothing was given gets nothing back.
  const given = c.history.slice(0, i).some((r) => ['discount', 'tiered', 'bundle', 'warranty', 'staged-delivery'].includes(r.move.kind));
  if (key === 'coach.trade' && !given) ({ key, tone } = { key: 'coach.trade-nothing', tone: 'neutral' });
  const open = record.pendingObjection ?? '';
  const waiting = open !== '' && key !== 'coach.objection-raised' && key !== 'coach.objection-open' ? open : '';
  if (waiting && tone === 'good' && key === 'coach.trade') tone = 'neutral';
  const objection = base.startsWith('objection.') ? (base.slice('objection.'.length) as Objection) : '';
  const params: Record<string, string | number> = {};
  if (objection) params.objection = objection;
  if ('pain' in record.move && record.move.pain) params.pain = record.move.pain;
  if ('attribute' in record.move) params.attribute = record.move.attribute;
  if (record.move.kind === 'discount') params.percent = record.move.bp / 100;
  return {
    key,
    params,
    valueDelta: Math.round((record.perceivedValueBp - before.value) / 10) / 10,
    trustDelta,
    counterPm: record.counterPm,
    tone,
    waiting,
  };
}

export function coachNotes(c: NegotiationContext): CoachNote[] {
  return c.history.map((_, i) => coachNote(c, i));
}

/** The facts of a finished negotiation a trainee reviews, all in ‰ of list unless said. */
export interface DealReview {
  readonly pricePm: number;
  /** Value the buyer saw at the end, bp. */
  readonly valueBp: number;
  /** Given: price cut by discounts and lower re-quotes, and what other concessions are worth to the buyer. */
  readonly discountPm: number;
  readonly concessionValuePm: number;
  /** Received: things asked in return (term, volume, prepayment). */
  readonly trades: number;
  /** Objections the buyer raised; answered by a redirect (well), by a discount (badly). */
  readonly objections: number;
  readonly answeredWell: number;
  readonly answeredBadly: number;
  /** Trust at the table's start: the relationship (or the renewal preparation) the seller brought. */
  readonly startTrust: number;
  /** Once the buyer's profile is known: what it would still have paid, ‰, and the move (0-based) where most of it went. */
  readonly leftOnTablePm: number | null;
  readonly lostAtMove: number | null;
}

export function dealReview(c: NegotiationContext): DealReview {
  let well = 0;
  let badly = 0;
  let trades = 0;
  c.history.forEach((r, i) => {
    if (r.move.kind === 'trade') trades++;
    const base = replyBase(r.reply.key);
    if (r.move.kind === 'redirect' && base === 'redirect.accepted') well++;
    // A discount bought off the objection that was open before it (even when giving ground drew the next one).
    const open = i > 0 ? (c.history[i - 1]!.pendingObjection ?? '') : '';
    if (r.move.kind === 'discount' && open !== '' && r.trust < beforeMove(c, i).trust) badly++;
  });
  let leftOnTablePm: number | null = null;
  let lostAtMove: number | null = null;
  if (profileKnown(c) && c.outcome === 'deal') {
    leftOnTablePm = Math.max(0, Math.round(reservationNow(c) - c.dealPricePm));
    // Where the buyer's target fell most (a discount teaching it to push); if it never fell, the close itself.
    let worst = 0;
    c.history.forEach((r, i) => {
      // The first move has no target before it to compare with (the buyer's opening target is not recorded).
      if (i === 0) return;
      const drop = c.history[i - 1]!.targetPm - r.targetPm;
      if (drop > worst) {
        worst = drop;
        lostAtMove = i;
      }
    });
    if (lostAtMove === null && leftOnTablePm > 0) lostAtMove = c.history.length - 1;
  }
  return {
    pricePm: c.outcome === 'deal' ? c.dealPricePm : 0,
    valueBp: c.perceivedValueBp,
    discountPm: Math.round(c.discountPm),
    concessionValuePm: Math.round(c.concessionValuePm),
    trades,
    objections: c.raisedObjections.length,
    answeredWell: well,
    answeredBadly: badly,
    startTrust: Math.round(30 + c.terms.relationship / 2),
    leftOnTablePm,
    lostAtMove,
  };
}
