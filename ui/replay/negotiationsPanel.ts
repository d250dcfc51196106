/** Every negotiation of the session: the conversation, each move's effect, the turning points marked. */
import { describeReply } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import type { SessionNegotiation, SessionState } from '../../engine/session/state.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { describeMove } from '../view/negotiationView.ts';
import { negotiationSteps } from './negotiationReplay.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '±0' : String(n));

export function negotiationsPanel(state: SessionState, talks: readonly SessionNegotiation[], locale: Locale): HTMLElement {
  const scenario = state.scenario!;
  const list = scenario.product.listPrice;
  const colon = locale === 'en' ? ': ' : '：';
  const teamName = (id: string) => state.teams.find((x) => x.id === id)?.name ?? id;
  const accountName = (id: string) => scenario.keyAccounts.find((k) => k.id === id)?.name[locale] ?? id;
  return h(
    'section',
    { class: 'card', id: 'replay-negotiations' },
    h('h3', {}, t(locale, 'viewer.negotiations')),
    talks.length === 0
      ? h('p', { class: 'help' }, t(locale, 'viewer.negotiations-none'))
      : talks.map((n) =>
          h(
            'details',
            { class: 'negotiation-replay', 'data-account': n.account, 'data-team': n.team },
            h('summary', {}, t(locale, 'viewer.negotiation-title', { round: n.round, team: teamName(n.team), account: accountName(n.account) })),
            h(
              'ol',
              { class: 'conversation' },
              negotiationSteps(n.negotiation).map((s) =>
                h(
                  'li',
                  { class: s.turningPoints.length ? 'turning' : '' },
                  h('p', { class: 'seller' }, h('strong', { class: 'who' }, `${teamName(n.team)}${colon}`), describeMove(s.record.move, locale, list)),
                  h('p', { class: 'buyer' }, h('strong', { class: 'who' }, `${t(locale, 'negotiation.buyer')}${colon}`), describeReply(s.record.reply, locale, list)),
                  h('small', {}, t(locale, 'viewer.step-change', { value: signed(s.change.perceivedValueBp), trust: signed(s.change.trust), counter: signed(s.change.counterPm), target: signed(s.change.targetPm) })),
                  s.turningPoints.map((p) => h('span', { class: 'pill turning-point' }, t(locale, `viewer.turn.${p}`))),
                ),
              ),
            ),
          ),
        ),
  );
}
