/**
 * The two tables every workshop page shares: the teams with their members and who has submitted
 * this round, and the leaderboard on the balanced scorecard.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { Leaderboard, Roster } from '../view/workshopView.ts';

export function rosterTable(roster: Roster, locale: Locale, open: boolean, options: { members?: boolean } = {}): HTMLElement {
  const showMembers = options.members !== false;
  const state = (r: Roster['rows'][number]) => {
    if (r.ai) return h('span', { class: 'pill ai' }, t(locale, 'workshop.roster.ai'));
    if (!open) return h('span', { class: 'pill' }, '—');
    if (r.submitted) return h('span', { class: 'pill done' }, r.by ? t(locale, 'workshop.roster.submitted-by', { member: r.by }) : t(locale, 'workshop.roster.submitted'));
    if (r.members.length === 0) return h('span', { class: 'pill empty' }, t(locale, 'workshop.roster.nobody'));
    return h('span', { class: 'pill waiting' }, t(locale, 'workshop.roster.deciding'));
  };
  return h(
    'table',
    { class: 'grid roster' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, t(locale, 'workshop.roster.team')), showMembers ? h('th', { scope: 'col' }, t(locale, 'workshop.roster.members')) : null, h('th', { scope: 'col' }, t(locale, 'workshop.roster.round'))),
    ),
    h(
      'tbody',
      {},
      roster.rows.map((r) =>
        h(
          'tr',
          { 'data-team': r.id, 'data-submitted': String(r.submitted), class: r.ai ? 'ai' : '' },
          h('th', { scope: 'row' }, r.name),
          showMembers ? h('td', {}, r.ai ? '' : r.members.length ? r.members.join(locale === 'en' ? ', ' : '、') : h('small', {}, t(locale, 'workshop.roster.no-members'))) : null,
          h('td', {}, state(r)),
        ),
      ),
    ),
  );
}

/** "Leaderboard after 3 rounds", or just "Leaderboard" before any. */
export function boardHeading(rounds: number, locale: Locale): string {
  return rounds > 0 ? t(locale, 'workshop.board.heading', { rounds }) : t(locale, 'workshop.board.title');
}

export function leaderboardTable(board: Leaderboard, locale: Locale): HTMLElement {
  if (board.rows.length === 0) return h('p', { class: 'help', id: 'leaderboard-empty' }, t(locale, 'workshop.board.empty'));
  return h(
    'table',
    { class: 'grid leaderboard', id: 'leaderboard-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t(locale, 'workshop.board.rank'), t(locale, 'workshop.board.firm'), t(locale, 'workshop.board.score'), t(locale, 'workshop.board.revenue'), t(locale, 'workshop.board.profit')].map((x) =>
          h('th', { scope: 'col' }, x),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      board.rows.map((r) =>
        h(
          'tr',
          { class: r.kind },
          h('td', { class: 'rank' }, String(r.rank)),
          h('th', { scope: 'row' }, r.name, r.kind === 'team' ? null : h('small', {}, ` ${t(locale, `workshop.board.${r.kind}`)}`)),
          h('td', { class: 'score' }, r.total.toFixed(1)),
          h('td', {}, r.revenue),
          h('td', {}, r.profit),
        ),
      ),
    ),
  );
}
