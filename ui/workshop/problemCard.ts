import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';

/** A page that cannot go on: what went wrong, in words, and where to go instead. */
export function problemCard(locale: Locale, message: string, next?: { href: string; label: string }): HTMLElement {
  return h(
    'div',
    { class: 'workshop-page', 'data-screen': 'problem' },
    h(
      'section',
      { class: 'card' },
      h('h2', {}, t(locale, 'workshop.problem')),
      h('p', { class: 'error', role: 'alert', id: 'page-problem' }, message),
      h('p', {}, next ? h('a', { href: next.href }, next.label) : null, ' ', h('a', { href: '#/' }, t(locale, 'workshop.home'))),
    ),
  );
}
