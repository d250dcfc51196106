import type { MoveRecord } from '../../engine/negotiation/context.ts';
import type { PersistedNegotiation } from '../../engine/negotiation/machine.ts';

/** Why a move stands out in the replay of a negotiation. */
export type TurningPoint =
  | 'value-jump'
  | 'trust-gain'
  | 'trust-loss'
  | 'target-drop'
  | 'first-counter'
  | 'objection'
  | 'deal'
  | 'walked-away'
  | 'lost';

export interface NegotiationStep {
  /** 1-based, in the order the seller moved. */
  readonly index: number;
  readonly record: MoveRecord;
  /** What the move changed: perceived value (bp), trust, the buyer's counter and its target (‰ of list). */
  readonly change: { readonly perceivedValueBp: number; readonly trust: number; readonly counterPm: number; readonly targetPm: number };
  readonly turningPoints: readonly TurningPoint[];
}

/** A move that adds at least this much perceived value, and twice the typical move, is a turning point. */
const VALUE_JUMP_BP = 150;
const TRUST_SWING = 6;

/**
 * The conversation as a debrief shows it: each move with its effect on the buyer's perceived
 * value, trust, counter-offer and target, and the moves that turned it marked. Needs the buyer's
 * profile (target) only in the sense that the records carry it: after the session ends.
 */
export function negotiationSteps(n: PersistedNegotiation): NegotiationStep[] {
  const c = n.context;
  const history = c.history;
  let before = { perceivedValueBp: 0, trust: Math.round(30 + c.terms.relationship / 2), counterPm: 0, targetPm: history[0]?.targetPm ?? 0 };
  const gains = history.map((r, i) => r.perceivedValueBp - (i === 0 ? 0 : history[i - 1]!.perceivedValueBp)).filter((g) => g > 0).sort((a, b) => a - b);
  const typical = gains.length > 0 ? gains[Math.floor(gains.length / 2)]! : 0;
  let countered = false;
  return history.map((record, i) => {
    const change = {
      perceivedValueBp: record.perceivedValueBp - before.perceivedValueBp,
      trust: record.trust - before.trust,
      counterPm: before.counterPm === 0 ? 0 : record.counterPm - before.counterPm,
      targetPm: record.targetPm - before.targetPm,
    };
    const points: TurningPoint[] = [];
    if (change.perceivedValueBp >= VALUE_JUMP_BP && change.perceivedValueBp >= 2 * typical) points.push('value-jump');
    if (change.trust >= TRUST_SWING) points.push('trust-gain');
    if (change.trust <= -TRUST_SWING) points.push('trust-loss');
    if (change.targetPm < 0) points.push('target-drop');
    if (!countered && record.counterPm > 0) {
      points.push('first-counter');
      countered = true;
    }
    // Reply keys come in variants: reply.deal.3, reply.objection.price.1 …
    const key = record.reply.key.replace(/^reply\./, '');
    if (key.startsWith('objection.')) points.push('objection');
    if (key === 'deal' || key.startsWith('deal.')) points.push('deal');
    if (record.move.kind === 'walk-away') points.push(key.startsWith('walk-away.lost') ? 'lost' : 'walked-away');
    before = { perceivedValueBp: record.perceivedValueBp, trust: record.trust, counterPm: record.counterPm, targetPm: record.targetPm };
    return { index: i + 1, record, change, turningPoints: points };
  });
}
