import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import type { GameView } from '../game/game.ts';
import { t } from '../i18n/t.ts';
import { briefingView } from '../view/briefingView.ts';

/** The scenario's story, its objectives, the team the trainee inherits, the market and the rivals. */
/** `showActions: false` for a workshop team waiting for round 1: the facilitator starts it, not the page. */
export function briefingScreen(view: GameView, locale: Locale, actions: { begin(): void; back(): void }, options: { showActions?: boolean } = {}): HTMLElement {
  const b = briefingView(view.state, locale, view.team);
  const started = view.state.status === 'open';
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))), h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))));
  return h(
    'article',
    { class: 'briefing', 'data-screen': 'briefing' },
    h('h2', {}, b.title),
    h('dl', { class: 'facts inline' }, b.facts.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value)])),
    h('section', { class: 'story' }, b.paragraphs.map((p) => h('p', {}, p))),
    b.objectives.length
      ? h('section', { class: 'card' }, h('h3', {}, t(locale, 'briefing.objectives')), h('ol', { class: 'objectives' }, b.objectives.map((o) => h('li', {}, h('span', { class: 'framework' }, o.framework), ' ', o.text))))
      : null,
    h(
      'section',
      { class: 'card' },
      h('h3', {}, t(locale, 'briefing.team')),
      b.teamNotes.map((n) => h('p', {}, n)),
      table([t(locale, 'form.rep'), t(locale, 'form.territory'), t(locale, 'briefing.seniority'), t(locale, 'briefing.morale'), t(locale, 'briefing.skills')], b.reps.map((r) => [r.name, r.territory, r.seniority, String(r.morale), r.skills])),
    ),
    h(
      'section',
      { class: 'card' },
      h('h3', {}, t(locale, 'briefing.territories')),
      table([t(locale, 'form.territory'), t(locale, 'briefing.tier'), t(locale, 'briefing.stage'), t(locale, 'briefing.potential'), t(locale, 'briefing.customers'), t(locale, 'briefing.our-share')], b.territories.map((x) => [x.name, x.tier, x.stage, x.potential, x.customers, x.share])),
    ),
    h(
      'section',
      { class: 'card' },
      h('h3', {}, t(locale, 'briefing.rivals')),
      table([t(locale, 'briefing.firm'), t(locale, 'briefing.kind'), t(locale, 'briefing.price'), t(locale, 'briefing.where')], b.rivals.map((r) => [r.name, r.kind, r.price, [r.where, r.enters].filter(Boolean).join(' · ')])),
    ),
    b.accounts.length
      ? h(
          'section',
          { class: 'card' },
          h('h3', {}, t(locale, 'briefing.accounts')),
          table([t(locale, 'form.account'), t(locale, 'form.territory'), t(locale, 'briefing.supplier'), t(locale, 'form.volume'), t(locale, 'briefing.contract-end')], b.accounts.map((a) => [a.name, a.territory, a.supplier, a.volume, a.contractEnd])),
        )
      : null,
    options.showActions === false
      ? null
      : h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'primary', id: 'begin', onclick: () => actions.begin() }, t(locale, started ? 'briefing.back-to-round' : 'briefing.begin')),
          h('button', { type: 'button', class: 'link', onclick: () => actions.back() }, t(locale, 'briefing.leave')),
        ),
  );
}
