import { reservationNow } from '../../engine/negotiation/applyMove.ts';
import type { MoveRecord } from '../../engine/negotiation/context.ts';
import { startNegotiation, type PersistedNegotiation } from '../../engine/negotiation/machine.ts';

/** Why a move stands out in the replay of a negotiation. */
export type TurningPoint =
  | 'value-jump'
  | 'trust-gain'
  | 'trust-loss'
  | 'target-drop'
  | 'first-counter'
  | 'objection'
  | 'objection-answered'
  | 'deal'
  | 'walked-away'
  | 'lost'
  | 'patience-out';

export interface NegotiationLevels {
  readonly perceivedValueBp: number;
  readonly trust: number;
  /** The buyer's counter, ‰ of list (0 before any price is on the table). */
  readonly counterPm: number;
  /** The buyer's effective reservation, ‰ of list: the price its counter heads for. */
  readonly targetPm: number;
}

export interface NegotiationStep {
  /** 1-based, in the order the seller moved. */
  readonly index: number;
  readonly record: MoveRecord;
  /** Where the buyer stood before the move. */
  readonly before: NegotiationLevels;
  /** What the move changed (the counter's first appearance is not a change: it is marked instead). */
  readonly change: NegotiationLevels;
  /** For a trust mark: the trust the run of moves it starts gains or loses in all. */
  readonly trustRun: number;
  readonly turningPoints: readonly TurningPoint[];
}

/**
 * Perceived value a single move must add to count as a jump: an implication (300 bp) or a point
 * tied to what the buyer weighs most does; a problem found (100 bp), a need-payoff (200 bp) or a
 * point the buyer does not care about does not. Gains are capped per pain, so few moves reach it.
 */
const VALUE_JUMP_BP = 250;
/**
 * Trust moves a point or two at a time (a rejected redirect costs 2, a trade earns 1), so a
 * single move rarely swings it; a run of moves the same way that adds up to this much does, and
 * is marked where it began. A quote far too high (−10) or a walk-away that loses (−20) count alone.
 */
const TRUST_SWING = 3;
/** A concession that lowers the buyer's target by this much (a 5% discount lowers it ~25‰) gave value away. */
const TARGET_DROP_PM = 10;

/** The total of the run of same-signed trust changes that starts at each move (0 inside a run or for no change). */
function trustRuns(deltas: readonly number[]): number[] {
  const runs = deltas.map(() => 0);
  for (let i = 0; i < deltas.length; i++) {
    const sign = Math.sign(deltas[i]!);
    if (sign === 0 || (i > 0 && Math.sign(deltas[i - 1]!) === sign)) continue;
    let total = 0;
    for (let j = i; j < deltas.length && Math.sign(deltas[j]!) === sign; j++) total += deltas[j]!;
    runs[i] = total;
  }
  return runs;
}

/**
 * The conversation as a debrief shows it: each move with the buyer's perceived value, trust,
 * counter-offer and target before and after, and the moves that turned it marked. The target is
 * the buyer's hidden reservation: the viewer shows it because the session is over.
 */
export function negotiationSteps(n: PersistedNegotiation): NegotiationStep[] {
  const c = n.context;
  const history = c.history;
  // The buyer as the talk opened, from the same persona and terms: where the first move started.
  const opening = startNegotiation(c.persona, c.terms).context;
  const levels = (r: MoveRecord): NegotiationLevels => ({ perceivedValueBp: r.perceivedValueBp, trust: r.trust, counterPm: r.counterPm, targetPm: r.targetPm });
  const start: NegotiationLevels = { perceivedValueBp: opening.perceivedValueBp, trust: opening.trust, counterPm: 0, targetPm: Math.round(reservationNow(opening)) };
  const befores = history.map((_, i) => (i === 0 ? start : levels(history[i - 1]!)));
  const runs = trustRuns(history.map((r, i) => r.trust - befores[i]!.trust));
  let countered = false;
  return history.map((record, i) => {
    const before = befores[i]!;
    const change = {
      perceivedValueBp: record.perceivedValueBp - before.perceivedValueBp,
      trust: record.trust - before.trust,
      counterPm: before.counterPm === 0 ? 0 : record.counterPm - before.counterPm,
      targetPm: record.targetPm - before.targetPm,
    };
    const points: TurningPoint[] = [];
    if (change.perceivedValueBp >= VALUE_JUMP_BP) points.push('value-jump');
    if (runs[i]! >= TRUST_SWING) points.push('trust-gain');
    if (runs[i]! <= -TRUST_SWING) points.push('trust-loss');
    if (change.targetPm <= -TARGET_DROP_PM) points.push('target-drop');
    if (!countered && record.counterPm > 0) {
      points.push('first-counter');
      countered = true;
    }
    // Reply keys come in variants: reply.deal.3, reply.objection.price.1 …
    const key = record.reply.key.replace(/^reply\./, '');
    if (key.startsWith('objection.')) points.push('objection');
    if (key.startsWith('redirect.accepted')) points.push('objection-answered');
    if (key === 'deal' || key.startsWith('deal.')) points.push('deal');
    // The buyer's patience ran out and it took its other offer: the talk ended here, unbidden.
    if (key === 'patience.out' || key.startsWith('patience.out.')) points.push('patience-out');
    if (record.move.kind === 'walk-away') points.push(key.startsWith('walk-away.lost') ? 'lost' : 'walked-away');
    return { index: i + 1, record, before, change, trustRun: runs[i]!, turningPoints: points };
  });
}
