/**
 * What-if on a negotiation: pick one of a team's logged moves in a round and the move made
 * instead. The choices are the negotiation room's own move buttons and forms, as the conversation
 * stood just before the logged move, so only moves the talk would have taken are offered (the
 * engine checks again when the branch re-runs).
 */
import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import type { Move } from '../../engine/negotiation/types.ts';
import type { SessionEvent } from '../../engine/session/events.ts';
import type { MoveChange } from '../../engine/session/forkMove.ts';
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { movePanel } from '../screens/negotiationScreen.ts';
import { accountName } from '../view/accountNames.ts';
import { describeMove, negotiationRoomView } from '../view/negotiationView.ts';
import type { ReplaySession } from './replaySession.ts';

export interface LoggedMove {
  readonly seq: number;
  readonly account: string;
  readonly move: Move;
}

/** The team's logged negotiation moves in a round, in the order they were made. */
export function loggedMoves(events: readonly EventEnvelope<SessionEvent>[], team: string, round: number): LoggedMove[] {
  const out: LoggedMove[] = [];
  for (const e of events) {
    if (e.type === 'NegotiationMoved' && e.round === round && e.payload.team === team) out.push({ seq: e.seq, account: e.payload.account, move: e.payload.move });
  }
  return out;
}

export interface MoveForkActions {
  run(change: MoveChange): void;
  cancel(): void;
}

export function moveForkEditor(session: ReplaySession, locale: Locale, team: string, round: number, actions: MoveForkActions): HTMLElement {
  const state = session.debrief.state;
  const scenario = state.scenario!;
  const teamName = state.teams.find((x) => x.id === team)?.name ?? team;
  const list = scenario.product.listPrice;
  const moves = loggedMoves(session.events, team, round);
  const cancel = h('button', { type: 'button', id: 'move-fork-cancel', onclick: () => actions.cancel() }, t(locale, 'viewer.fork-cancel'));
  const root = h('section', { class: 'card', id: 'move-fork' }, h('h3', {}, t(locale, 'viewer.move-fork-title', { team: teamName, round })));
  if (moves.length === 0) {
    root.append(h('p', { class: 'help' }, t(locale, 'viewer.move-fork-none', { team: teamName, round })), cancel);
    return root;
  }
  const pick = h('select', { id: 'move-fork-seq' });
  for (const m of moves) pick.add(new Option(t(locale, 'viewer.move-fork-option', { seq: m.seq, account: accountName(scenario, m.account, locale), move: describeMove(m.move, locale, list) }), String(m.seq)));
  const drop = h('input', { type: 'checkbox', id: 'move-fork-drop' });
  const instead = h('div', { class: 'move-fork-instead' });
  const show = () => {
    const chosen = moves.find((m) => m.seq === Number(pick.value))!;
    // The conversation as it stood just before the logged move: the room offers what fitted then.
    const room = negotiationRoomView(session.seek(chosen.seq - 1), chosen.account, locale, team);
    fill(
      instead,
      h('h4', {}, t(locale, 'viewer.move-fork-instead')),
      room ? movePanel(room, locale, (move) => actions.run({ seq: chosen.seq, move, later: drop.checked ? 'drop' : 'replay' })) : null,
    );
  };
  pick.addEventListener('change', show);
  show();
  root.append(
    h('p', { class: 'help' }, t(locale, 'viewer.move-fork-help')),
    h('label', {}, `${t(locale, 'viewer.move-fork-pick')} `, pick),
    h('label', { class: 'check' }, drop, ` ${t(locale, 'viewer.move-fork-drop')}`),
    instead,
    h('div', { class: 'row' }, cancel),
  );
  return root;
}
