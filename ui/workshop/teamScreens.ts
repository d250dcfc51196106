/**
 * The pieces of a team's page that the solo game has no use for: the lobby before round 1,
 * the note on the decisions about who submitted, and the end's "verify the whole log".
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import type { Team } from '../../engine/session/state.ts';
import { h } from '../dom.ts';
import type { GameView } from '../game/game.ts';
import { t } from '../i18n/t.ts';
import { briefingScreen } from '../screens/briefingScreen.ts';

const names = (members: readonly string[], locale: Locale) => members.join(locale === 'en' ? ', ' : '、');

/** Before round 1: who is in the team, that the facilitator opens the round, and the briefing to read meanwhile. */
export function teamLobby(view: GameView, team: Team, locale: Locale): HTMLElement {
  return h(
    'div',
    { class: 'team-lobby', 'data-screen': 'lobby' },
    h(
      'section',
      { class: 'card waiting-card' },
      h('h1', { id: 'team-name' }, team.name),
      h('p', { id: 'team-members' }, t(locale, 'workshop.team.members', { members: names(team.members, locale) })),
      h('p', { class: 'waiting-line', role: 'status' }, h('span', { class: 'spinner small', 'aria-hidden': 'true' }), t(locale, 'workshop.team.lobby')),
    ),
    briefingScreen(view, locale, { begin: () => undefined, back: () => undefined }, { showActions: false }),
  );
}

/** Above the decisions: who submitted the team's plan and when, or that nobody has yet. */
export function submittedNote(locale: Locale, submitted: { member: string; ts: string } | null, replacedBy: string, clock: boolean): HTMLElement {
  const time = submitted ? new Date(submitted.ts).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
  return h(
    'div',
    { class: `submitted-note${submitted ? ' done' : ''}`, id: 'submitted-note', role: 'status', 'data-submitted': String(!!submitted) },
    submitted
      ? h('p', {}, h('strong', {}, t(locale, 'workshop.team.submitted', { member: submitted.member, time })), ' ', t(locale, 'workshop.team.resubmit-help'))
      : h('p', {}, t(locale, clock ? 'workshop.team.not-submitted-clock' : 'workshop.team.not-submitted')),
    replacedBy ? h('p', { class: 'replaced', id: 'plan-replaced' }, t(locale, 'workshop.team.plan-replaced', { member: replacedBy })) : null,
  );
}

export type Verification =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'ok'; readonly count: number; readonly head: string; readonly matches: boolean }
  | { readonly kind: 'bad'; readonly text: string };

/** After the end: download the whole log with the seed revealed and replay every round here. */
export function verifyCard(locale: Locale, verification: Verification, held: string, verify: () => void): HTMLElement {
  const v = verification;
  const result =
    v.kind === 'idle'
      ? null
      : v.kind === 'busy'
        ? h('div', { class: 'result', 'data-state': 'busy' }, t(locale, 'workshop.verify.busy'))
        : v.kind === 'bad'
          ? h('div', { class: 'result bad', 'data-state': 'bad' }, v.text)
          : h(
              'div',
              { class: `result ${v.matches ? 'ok' : 'bad'}`, 'data-state': v.matches ? 'ok' : 'mismatch', 'data-head': v.head },
              h('p', {}, t(locale, 'workshop.verify.ok', { count: v.count })),
              h('p', {}, t(locale, 'workshop.verify.head'), ' ', h('code', { id: 'verified-head' }, v.head)),
              h('p', { class: 'verdict' }, t(locale, v.matches ? 'workshop.verify.matches' : 'workshop.verify.differs', { held })),
            );
  return h(
    'section',
    { class: 'card verify-card', id: 'verify-card' },
    h('h3', {}, t(locale, 'workshop.verify.title')),
    h('p', { class: 'help' }, t(locale, 'workshop.verify.help')),
    h('p', {}, t(locale, 'workshop.verify.held'), ' ', h('code', { id: 'held-head' }, held)),
    h('button', { type: 'button', class: 'primary', id: 'verify-log', disabled: v.kind === 'busy', onclick: verify }, t(locale, 'workshop.verify.run')),
    result,
  );
}
