/**
 * The negotiation-move side of a what-if branch: which logged move changes, whether the change
 * is one the branch can make, and which logged moves come after it in the same conversation.
 */
import type { EventEnvelope } from '../core/envelope.ts';
import { moveShapeProblem } from '../negotiation/moveShape.ts';
import type { Move } from '../negotiation/types.ts';
import type { SessionEvent } from './events.ts';

/**
 * What the moves after the changed one in the same negotiation do in the branch.
 * - `replay` (the default): each is tried again as logged; one the branch's conversation no
 *   longer takes (a kind its stage refuses, a talk already over) is left out and noted with the
 *   engine's reason. This keeps "the team played the same way" as the counterfactual, as the
 *   fork already does for the team's later rounds, and it is what lets a fork with the same move
 *   reproduce the original exactly.
 * - `drop`: all of them are left out (each noted as `fork.move-dropped`), so the branch's talk
 *   ends at the changed move; a talk left open when the round closes signs no deal, as in play.
 */
export type LaterMoves = 'replay' | 'drop';

export interface MoveChange {
  /** The seq, in the parent log, of the team's logged NegotiationMoved to replace (the viewer's timeline shows it). */
  readonly seq: number;
  /** The move made instead: checked against the strict move shape, then by the branch's conversation. */
  readonly move: Move;
  readonly later?: LaterMoves;
}

export interface ForkRefusal {
  readonly ok: false;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The logged move being changed, with its negotiation, or why the change cannot be made. */
export type ChangedMove = { readonly ok: true; readonly seq: number; readonly account: string; readonly round: number; readonly later: LaterMoves; readonly move: Move } | ForkRefusal;

/**
 * Checks a move change against the parent log before anything is re-run: the seq must be a
 * logged move of this team in the fork round, and the new move a move by shape (its figures
 * against the conversation are the branch's own check, when it gets there).
 */
export function changedMove(events: readonly EventEnvelope<SessionEvent>[], team: string, atRound: number, change: MoveChange): ChangedMove {
  const seq = change.seq;
  const logged = Number.isSafeInteger(seq) ? events.find((e) => e.seq === seq) : undefined;
  if (!logged || logged.type !== 'NegotiationMoved') return { ok: false, code: 'fork.move-unknown', params: { seq: String(seq) } };
  if (logged.payload.team !== team) return { ok: false, code: 'fork.move-team', params: { seq, owner: logged.payload.team, team } };
  if (logged.round !== atRound) return { ok: false, code: 'fork.move-round', params: { seq, round: logged.round, atRound } };
  const later = change.later ?? 'replay';
  if (later !== 'replay' && later !== 'drop') return { ok: false, code: 'field.one-of', params: { path: 'later', value: String(later).slice(0, 40), options: 'replay, drop' } };
  const shape = moveShapeProblem(change.move);
  if (shape) return { ok: false, code: shape.code, params: { path: shape.path ?? 'move', ...shape.params } };
  return { ok: true, seq, account: logged.payload.account, round: logged.round, later, move: change.move };
}

/** Whether a logged event is one of the team's moves after the changed one, in the same negotiation. */
export function isLaterMove(e: EventEnvelope<SessionEvent>, team: string, changed: Extract<ChangedMove, { ok: true }>): boolean {
  return e.type === 'NegotiationMoved' && e.seq > changed.seq && e.round === changed.round && e.payload.team === team && e.payload.account === changed.account;
}
