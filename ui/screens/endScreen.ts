import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import type { GameView } from '../game/game.ts';
import { t } from '../i18n/t.ts';
import { endView } from '../view/endView.ts';

export interface EndActions {
  replay(round: number): void;
  exportLog(): void;
  home(): void;
}

/** The balanced scorecard, the standings, the log's head hash, and the ways into the replay. */
export function endScreen(view: GameView, locale: Locale, actions: EndActions): HTMLElement {
  const e = endView(view.state, locale, view.team);
  const bar = (score: number) => h('span', { class: 'bar', style: `--w:${Math.min(120, score) / 1.2}%` }, h('span', {}, String(score)));
  return h(
    'article',
    { class: 'end', 'data-screen': 'end' },
    h('h2', {}, e.played < e.rounds ? t(locale, 'end.title-early', { title: e.title, played: e.played, rounds: e.rounds }) : t(locale, 'end.title', { title: e.title })),
    h('p', { class: 'total' }, t(locale, 'end.total', { total: e.total, rank: e.rank, firms: e.firms })),
    h(
      'div',
      { class: 'perspectives' },
      e.perspectives.map((p) =>
        h(
          'section',
          { class: 'card' },
          h('h3', {}, p.name),
          h('table', { class: 'scores' }, h('tbody', {}, p.metrics.map((m) => h('tr', {}, h('th', { scope: 'row' }, m.name, h('small', {}, ` ×${m.weight}`)), h('td', {}, bar(m.score)))))),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      h('h3', {}, t(locale, 'end.standings')),
      h('ol', { class: 'standings' }, e.standings.map((s) => h('li', { class: s.ours ? 'ours' : '' }, h('strong', {}, s.name), ` ${t(locale, 'end.standing', { total: s.total, revenue: s.revenue })}`))),
    ),
    h(
      'section',
      { class: 'card' },
      h('h3', {}, t(locale, 'end.log')),
      h('p', {}, t(locale, 'end.log-help')),
      h('p', {}, t(locale, 'end.head', { seq: view.head.seq }), ' ', h('code', { id: 'log-head', 'data-head': view.head.hash }, view.head.hash)),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'export-log', onclick: () => actions.exportLog() }, t(locale, 'end.export')),
        h('button', { type: 'button', id: 'open-replay', onclick: () => actions.replay(1) }, t(locale, 'end.replay')),
        h('button', { type: 'button', class: 'link', onclick: () => actions.home() }, t(locale, 'end.new-game')),
      ),
    ),
  );
}
