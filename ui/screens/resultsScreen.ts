/**
 * A round's results: the map animating what changed, then the figures a sales manager reads
 * to find out why: the headline, "why" items for the biggest changes, KPI lights against their
 * band, the P&L, the funnel with its leakiest stage, the team, the rivals' moves and the key
 * accounts. The same screen replays any earlier round.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import type { GameView } from '../game/game.ts';
import { t } from '../i18n/t.ts';
import { resultsView } from '../view/resultsView.ts';

export interface ResultsActions {
  next(): void;
  replay(round: number): void;
  back(): void;
}

const card = (title: string, ...body: (HTMLElement | null)[]) => h('section', { class: 'card' }, h('h3', {}, title), ...body);
const list = (items: readonly string[], empty: string) => (items.length ? h('ul', {}, items.map((x) => h('li', {}, x))) : h('p', { class: 'help' }, empty));

export function resultsScreen(view: GameView, locale: Locale, mapPane: HTMLElement, actions: ResultsActions, options: { round?: number; replay: boolean; failure: string; waiting?: string }): HTMLElement {
  const r = resultsView(view.state, locale, options.round, view.team);
  if (!r) return h('p', { class: 'help' }, t(locale, 'results.none'));
  const last = r.round >= r.rounds;
  const nav = options.replay
    ? h(
        'div',
        { class: 'replay-nav', role: 'group', 'aria-label': t(locale, 'replay.rounds') },
        h('button', { type: 'button', disabled: r.round <= 1, onclick: () => actions.replay(r.round - 1) }, t(locale, 'replay.previous')),
        h('span', {}, t(locale, 'replay.round', { round: r.round, rounds: view.state.history.length })),
        h('button', { type: 'button', disabled: r.round >= view.state.history.length, onclick: () => actions.replay(r.round + 1) }, t(locale, 'replay.next')),
        h('button', { type: 'button', class: 'link', onclick: () => actions.back() }, t(locale, 'replay.back')),
      )
    : h(
        'div',
        { class: 'results-nav' },
        view.state.history.length > 1 ? h('button', { type: 'button', class: 'link', onclick: () => actions.replay(r.round - 1) }, t(locale, 'results.earlier')) : null,
        // A workshop team waits for the facilitator to open the next round instead.
        options.waiting !== undefined
          ? h('span', { class: 'waiting-note', role: 'status' }, options.waiting)
          : h('button', { type: 'button', class: 'primary', id: 'next-round', onclick: () => actions.next() }, t(locale, last ? 'results.finish' : 'results.next', { round: r.round + 1 })),
      );
  const kpis = h(
    'table',
    { class: 'grid kpis' },
    h('thead', {}, h('tr', {}, [t(locale, 'form.territory'), t(locale, 'results.weeks'), t(locale, 'results.revenue'), t(locale, 'form.target'), t(locale, 'results.band'), t(locale, 'results.kpi-score')].map((x) => h('th', { scope: 'col' }, x)))),
    h(
      'tbody',
      {},
      r.kpis.map((k) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, k.territory),
          h('td', {}, h('span', { class: 'lights' }, k.lights.map((l, i) => h('span', { class: `light ${l}`, title: t(locale, `light.${l}`), 'aria-label': `${t(locale, 'results.week', { week: i + 1 })}: ${t(locale, `light.${l}`)}` })))),
          h('td', {}, k.revenue),
          h('td', {}, k.target),
          h('td', {}, h('small', {}, k.baseline), h('br'), h('small', {}, k.band)),
          h('td', {}, String(k.score)),
        ),
      ),
    ),
  );
  const funnel = h(
    'ol',
    { class: 'funnel' },
    r.funnel.map((s) =>
      h(
        'li',
        { class: s.leakiest ? 'leakiest' : '' },
        h('span', { class: 'stage' }, s.stage),
        h('strong', {}, s.count),
        s.lost ? h('small', {}, t(locale, 'results.lost-at', { lost: s.lost, pct: s.lossPct })) : null,
        s.leakiest ? h('em', {}, t(locale, 'results.leakiest')) : null,
      ),
    ),
  );
  return h(
    'div',
    { class: 'play results', 'data-screen': options.replay ? 'replay' : 'results' },
    h('div', { class: 'map-pane' }, mapPane),
    h(
      'div',
      { class: 'side-pane' },
      h('div', { class: 'side-head' }, h('h2', {}, t(locale, options.replay ? 'replay.title' : 'results.title', { round: r.round, rounds: r.rounds })), nav),
      options.failure ? h('p', { class: 'error', role: 'alert' }, options.failure) : null,
      h(
        'div',
        { class: 'headline' },
        r.headline.map((x) => h('div', { class: `metric ${x.tone}` }, h('small', {}, x.label), h('strong', {}, x.value), x.delta ? h('span', { class: 'delta' }, x.delta) : null)),
      ),
      card(t(locale, 'results.why'), list(r.why, t(locale, 'results.quiet'))),
      r.signals.length ? card(t(locale, 'results.signals'), list(r.signals, '')) : null,
      card(t(locale, 'results.kpis'), kpis),
      h(
        'div',
        { class: 'two' },
        card(t(locale, 'results.pnl'), h('table', { class: 'pnl' }, h('tbody', {}, r.pnl.map((row) => h('tr', { class: row.total ? 'total' : '' }, h('th', { scope: 'row' }, row.label), h('td', {}, row.value)))))),
        card(t(locale, 'results.funnel'), funnel),
      ),
      h(
        'div',
        { class: 'two' },
        card(
          t(locale, 'results.team'),
          h(
            'p',
            {},
            t(locale, 'results.team-line', { morale: r.team.morale, delta: r.team.moraleDelta || '±0', conflict: r.team.conflict, reps: r.team.reps, hires: r.team.hires, vacancies: r.team.vacancies }),
          ),
          r.team.leavers.length ? h('p', { class: 'bad' }, t(locale, 'results.leavers', { names: r.team.leavers.join(locale === 'en' ? ', ' : '、') })) : null,
        ),
        card(t(locale, 'results.territories'), h('ul', {}, r.territories.map((x) => h('li', { class: x.tone }, `${x.name}: ${x.share} (${x.delta})`)))),
      ),
      card(t(locale, 'results.competitors'), h('ul', {}, r.competitors.map((c) => h('li', {}, h('strong', {}, c.name), ` ${c.moves.join(locale === 'en' ? '; ' : '；')}`)))),
      card(t(locale, 'results.accounts'), list(r.accounts, t(locale, 'results.no-account-events'))),
    ),
  );
}
