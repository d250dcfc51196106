/** Every negotiation of the session: the conversation, each move's effect, the turning points marked. */
import { describeReply } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import type { SessionNegotiation, SessionState } from '../../engine/session/state.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { accountName } from '../view/accountNames.ts';
import { formatBp, formatCount, signed } from '../view/format.ts';
import { coachLines, describeMove, reviewView } from '../view/negotiationView.ts';
import { reviewPanel } from '../screens/negotiationScreen.ts';
import { negotiationSteps, type NegotiationStep } from './negotiationReplay.ts';

/** A level with the move's change beside it: "12.7% (+3%)"; no brackets when nothing moved. */
const withChange = (level: string, change: string, moved: boolean) => (moved ? `${level} (${change})` : level);

function stepChange(s: NegotiationStep, locale: Locale, list: number): string {
  const r = s.record;
  const c = s.change;
  const yuan = (pm: number) => formatCount(locale, Math.round((pm * list) / 1000));
  const yuanDelta = (pm: number) => signed(formatCount(locale, Math.abs(Math.round((pm * list) / 1000))), pm);
  return t(locale, 'viewer.step-change', {
    value: withChange(formatBp(locale, r.perceivedValueBp), signed(formatBp(locale, Math.abs(c.perceivedValueBp)), c.perceivedValueBp), c.perceivedValueBp !== 0),
    trust: withChange(String(r.trust), signed(String(Math.abs(c.trust)), c.trust), c.trust !== 0),
    // Before the first price the buyer has no counter to show.
    counter: r.counterPm === 0 ? '—' : withChange(yuan(r.counterPm), yuanDelta(c.counterPm), c.counterPm !== 0),
    target: withChange(yuan(r.targetPm), yuanDelta(c.targetPm), c.targetPm !== 0),
  });
}

export function negotiationsPanel(state: SessionState, talks: readonly SessionNegotiation[], locale: Locale): HTMLElement {
  const scenario = state.scenario!;
  const list = scenario.product.listPrice;
  const colon = locale === 'en' ? ': ' : '：';
  const teamName = (id: string) => state.teams.find((x) => x.id === id)?.name ?? id;
  // A bot team's talks are played by the engine when the round closes: say so, so nobody reads
  // them as a team's people at the table.
  const isBot = (id: string) => state.teams.some((x) => x.id === id && x.bot !== undefined);
  const trustRun = (n: number) => signed(String(Math.abs(n)), n);
  return h(
    'section',
    { class: 'card', id: 'replay-negotiations' },
    h('h3', {}, t(locale, 'viewer.negotiations')),
    talks.length === 0 ? h('p', { class: 'help' }, t(locale, 'viewer.negotiations-none')) : h('p', { class: 'help' }, t(locale, 'viewer.step-legend')),
    talks.map((n) => {
      const coach = coachLines(n.negotiation.context, locale, list);
      return h(
        'details',
        { class: 'negotiation-replay', 'data-account': n.account, 'data-team': n.team, ...(isBot(n.team) ? { 'data-bot': 'true' } : {}) },
        h(
          'summary',
          {},
          t(locale, 'viewer.negotiation-title', { round: n.round, team: teamName(n.team), account: accountName(scenario, n.account, locale) }),
          isBot(n.team) ? h('span', { class: 'pill ai' }, t(locale, 'viewer.negotiation-bot')) : null,
        ),
        h(
          'ol',
          { class: 'conversation' },
          negotiationSteps(n.negotiation).map((s) =>
            h(
              'li',
              { class: s.turningPoints.length ? 'turning' : '', 'data-step': s.index },
              h('p', { class: 'seller' }, h('strong', { class: 'who' }, `${teamName(n.team)}${colon}`), describeMove(s.record.move, locale, list)),
              h('p', { class: 'buyer' }, h('strong', { class: 'who' }, `${t(locale, 'negotiation.buyer')}${colon}`), describeReply(s.record.reply, locale, list)),
              h('small', { class: 'step-change' }, stepChange(s, locale, list)),
              coach[s.index - 1] ? h('p', { class: `coach ${coach[s.index - 1]!.tone}`, 'data-coach': coach[s.index - 1]!.tone }, h('strong', { class: 'who' }, `${t(locale, 'negotiation.coach')}${colon}`), coach[s.index - 1]!.text) : null,
              s.turningPoints.length
                ? h(
                    'div',
                    { class: 'turning-points' },
                    s.turningPoints.map((p) => h('span', { class: 'pill turning-point', 'data-turn': p }, t(locale, `viewer.turn.${p}`, { trust: trustRun(s.trustRun) }))),
                  )
                : null,
            ),
          ),
        ),
        n.negotiation.stage === 'deal' || n.negotiation.stage === 'noDeal' ? reviewPanel(reviewView(n.negotiation.context, locale, list, n.negotiation.context.terms.volume), locale, null) : null,
      );
    }),
  );
}
