/**
 * The frame of a workshop page: a top bar (the brand, where you are, the round clock, the
 * connection and the language), the screen, and a status line for what went wrong.
 */
import { LOCALES, type Locale } from '../../engine/i18n/locale.ts';
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { ConnectionStatus } from '../net/sessionClient.ts';
import { LOCALE_NAMES } from '../screens/startScreen.ts';
import { clockText } from '../view/workshopView.ts';
import type { RoundClock } from './clock.ts';

export class WorkshopFrame {
  readonly topbar = h('header', { class: 'topbar workshop-bar' });
  readonly screen = h('main', { id: 'screen' });
  readonly status = h('div', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  private readonly clock = h('span', { class: 'clock', id: 'bar-clock', role: 'timer', hidden: true });
  private readonly connection = h('span', { class: 'connection' });
  private readonly where = h('span', { class: 'where' });

  constructor(
    root: HTMLElement,
    public locale: Locale,
    private readonly onLocale: (locale: Locale) => void,
  ) {
    root.replaceChildren(this.topbar, this.screen, this.status);
    this.build();
  }

  private build(): void {
    const picker = h('select', { id: 'locale', 'aria-label': t(this.locale, 'app.language') });
    for (const l of LOCALES) picker.add(new Option(LOCALE_NAMES[l], l, false, l === this.locale));
    picker.addEventListener('change', () => {
      this.locale = picker.value as Locale;
      this.build();
      this.onLocale(this.locale);
    });
    fill(this.topbar, h('a', { class: 'brand', href: '#/' }, t(this.locale, 'app.title')), this.where, this.clock, this.connection, picker);
  }

  /** Where the page is ("Team Falcon · round 2 of 12"). */
  setWhere(text: string): void {
    this.where.textContent = text;
  }

  setConnection(status: ConnectionStatus | null): void {
    this.connection.hidden = status === null;
    if (status === null) return;
    this.connection.className = `connection ${status}`;
    this.connection.dataset.status = status;
    this.connection.textContent = t(this.locale, `workshop.connection.${status}`);
  }

  /** Shows the round clock's time left (hidden when no clock runs). */
  tick(clock: RoundClock): void {
    const ms = clock.remaining();
    this.clock.hidden = ms === null;
    if (ms === null) return;
    this.clock.textContent = clock.kind === 'paused' ? t(this.locale, 'workshop.clock.paused', { time: clockText(ms) }) : clockText(ms);
    this.clock.classList.toggle('low', ms < 60_000);
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }
}
