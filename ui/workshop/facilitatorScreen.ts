/**
 * The facilitator's console: the join code to project and the links to hand out, the round's
 * controls and clock, the teams and who has submitted, shocks, the end of the session, the log,
 * and the leaderboard. It reads the session from the client and sends commands; sections are
 * refreshed in place, so a form being filled in keeps what was typed.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import type { ShockSpec } from '../../engine/model/scenario.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { SessionClient } from '../net/sessionClient.ts';
import { clockText, leaderboardView, rosterView, workshopPhase } from '../view/workshopView.ts';
import type { RoundClock } from './clock.ts';
import { routeHash } from './routes.ts';
import { ShockPanel } from './shockPanel.ts';
import { boardHeading, leaderboardTable, rosterTable } from './standings.ts';

export interface ConsoleLinks {
  readonly join: string;
  readonly projector: string;
  readonly console: string;
}

export interface ConsoleActions {
  /** A round or session command; resolves with the refusal's text, or null. */
  command(type: 'OpenRound' | 'CloseRound' | 'EndSession'): Promise<string | null>;
  timer(action: 'pause' | 'resume' | 'extend', seconds?: number): Promise<string | null>;
  inject(shock: ShockSpec): Promise<string | null>;
  downloadLog(): Promise<string | null>;
}

function copyButton(locale: Locale, text: () => string, id: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'copy', id }, t(locale, 'workshop.console.copy'));
  b.addEventListener('click', () => {
    void navigator.clipboard?.writeText(text()).then(
      () => (b.textContent = t(locale, 'workshop.console.copied')),
      () => (b.textContent = t(locale, 'workshop.console.copy-failed')),
    );
  });
  return b;
}

export class FacilitatorConsole {
  readonly el: HTMLElement;
  private readonly head = h('section', { class: 'card console-head', id: 'console-head' });
  private readonly controls = h('section', { class: 'card round-controls', id: 'round-controls' });
  private readonly teams = h('section', { class: 'card', id: 'teams' });
  private readonly board = h('section', { class: 'card', id: 'leaderboard' });
  private readonly bigClock = h('div', { class: 'big-clock', id: 'console-clock', role: 'timer' });
  private readonly controlError = h('p', { class: 'field-error', role: 'alert', id: 'control-error' });
  private readonly shocks: ShockPanel;
  private confirmingEnd = false;
  private clock: RoundClock | null = null;
  private busy = false;

  constructor(
    private readonly client: SessionClient,
    private readonly locale: Locale,
    private readonly links: ConsoleLinks,
    private readonly actions: ConsoleActions,
  ) {
    const state = client.view!.state;
    this.shocks = new ShockPanel(state, locale, { inject: (shock) => actions.inject(shock) });
    this.el = h(
      'div',
      { class: 'console', 'data-screen': 'facilitator' },
      this.head,
      h('div', { class: 'console-grid' }, h('div', { class: 'console-main' }, this.controls, this.teams, this.board), h('div', { class: 'console-side' }, this.shocks.el)),
    );
    this.update();
  }

  /** Everything but the shock form's inputs is drawn again from the session as the client holds it. */
  update(): void {
    const view = this.client.view;
    if (!view) return;
    const state = view.state;
    this.renderHead(state);
    this.renderControls(state);
    const roster = rosterView(state, view.events);
    fill(
      this.teams,
      h('h2', {}, t(this.locale, 'workshop.console.teams')),
      state.status === 'open' ? h('p', { class: 'help', id: 'submitted-count' }, t(this.locale, 'workshop.console.submitted-count', { submitted: roster.submitted, teams: roster.waitingFor })) : null,
      rosterTable(roster, this.locale, state.status === 'open'),
    );
    fill(this.board, h('h2', {}, boardHeading(state.history.length, this.locale)), leaderboardTable(leaderboardView(state, this.locale), this.locale));
    this.shocks.update(state);
    this.shocks.el.hidden = state.status === 'ended';
    this.tick();
  }

  /** Called every half second (and after every redraw): the round clock and the buttons that need one. */
  tick(clock: RoundClock | null = this.clock): void {
    if (!clock) return;
    this.clock = clock;
    const ms = clock.remaining();
    const open = this.client.view?.state.status === 'open';
    this.bigClock.hidden = !open;
    this.bigClock.textContent = ms === null ? t(this.locale, 'workshop.console.no-clock') : clock.kind === 'paused' ? t(this.locale, 'workshop.clock.paused', { time: clockText(ms) }) : clockText(ms);
    this.bigClock.className = `big-clock${clock.kind === 'paused' ? ' paused' : ''}${ms !== null && ms < 60_000 ? ' low' : ''}`;
    this.bigClock.dataset.kind = clock.kind;
    for (const b of this.controls.querySelectorAll<HTMLButtonElement>('[data-needs-clock]')) {
      const need = b.dataset.needsClock;
      b.hidden = this.client.view?.state.status !== 'open' || (need === 'running' ? clock.kind !== 'running' : need === 'paused' ? clock.kind !== 'paused' : clock.kind === 'off');
    }
  }

  private renderHead(state: SessionState): void {
    const l = this.locale;
    const code = this.client.identity?.joinCode ?? '';
    const roundSeconds = this.client.identity?.roundSeconds ?? 0;
    const link = (id: string, href: string, label: string) =>
      h(
        'div',
        { class: 'link-row' },
        h('span', { class: 'label' }, label),
        href ? h('a', { id, href, target: '_blank', rel: 'noopener' }, href) : h('small', { class: 'help', id }, t(l, 'workshop.console.no-link')),
        href ? copyButton(l, () => href, `${id}-copy`) : null,
      );
    fill(
      this.head,
      h('div', { class: 'join-code-box' }, h('span', { class: 'label' }, t(l, 'workshop.console.join-code')), h('strong', { class: 'join-code', id: 'join-code' }, code.replace(/^(...)(...)$/, '$1 $2'))),
      h(
        'div',
        { class: 'head-links' },
        h('h2', {}, t(l, 'workshop.console.title', { title: state.scenario!.title[l] })),
        h(
          'p',
          { class: 'help' },
          t(l, `workshop.mode.${state.mode}`),
          ' · ',
          roundSeconds > 0 ? t(l, 'workshop.console.round-length', { minutes: Math.round(roundSeconds / 6) / 10 }) : t(l, 'workshop.console.no-round-clock'),
          ' · ',
          t(l, 'workshop.console.how-to-join', { code }),
        ),
        link('join-link', this.links.join, t(l, 'workshop.console.join-link')),
        link('projector-link', this.links.projector, t(l, 'workshop.console.projector-link')),
        link('facilitator-link', this.links.console, t(l, 'workshop.console.console-link')),
        h('small', { class: 'help' }, t(l, 'workshop.console.console-link-help')),
      ),
    );
  }

  private renderControls(state: SessionState): void {
    const l = this.locale;
    const phase = workshopPhase(state);
    const rounds = state.scenario!.rounds;
    const run = (work: () => Promise<string | null>) => () => {
      if (this.busy) return;
      this.busy = true;
      this.controlError.textContent = '';
      void work().then((refused) => {
        this.busy = false;
        this.controlError.textContent = refused ?? '';
        this.update();
      });
    };
    const button = (id: string, label: string, onclick: () => void, attrs: Record<string, string | boolean> = {}) => h('button', { type: 'button', id, onclick, ...attrs }, label);
    const heading =
      phase === 'lobby'
        ? t(l, 'workshop.console.lobby', { rounds })
        : phase === 'open'
          ? t(l, 'workshop.console.round-open', { round: state.round, rounds })
          : phase === 'between'
            ? t(l, 'workshop.console.round-done', { round: state.round, rounds })
            : t(l, 'workshop.console.ended', { rounds: state.round });
    const canOpen = (phase === 'lobby' || phase === 'between') && state.round < rounds;
    const endButtons = this.confirmingEnd
      ? h(
          'div',
          { class: 'confirm', role: 'group' },
          h('span', {}, t(l, 'workshop.console.end-confirm')),
          button('end-session-yes', t(l, 'workshop.console.end-yes'), run(async () => {
            this.confirmingEnd = false;
            return this.actions.command('EndSession');
          }), { class: 'danger' }),
          button('end-session-no', t(l, 'workshop.console.end-no'), () => {
            this.confirmingEnd = false;
            this.update();
          }),
        )
      : button('end-session', t(l, 'workshop.console.end'), () => {
          this.confirmingEnd = true;
          this.update();
        });
    fill(
      this.controls,
      h('h2', { id: 'round-heading' }, heading),
      this.bigClock,
      h(
        'div',
        { class: 'actions' },
        canOpen ? button('open-round', t(l, 'workshop.console.open', { round: state.round + 1 }), run(() => this.actions.command('OpenRound')), { class: 'primary' }) : null,
        phase === 'open' ? button('pause-timer', t(l, 'workshop.console.pause'), run(() => this.actions.timer('pause')), { 'data-needs-clock': 'running' }) : null,
        phase === 'open' ? button('resume-timer', t(l, 'workshop.console.resume'), run(() => this.actions.timer('resume')), { 'data-needs-clock': 'paused' }) : null,
        phase === 'open' ? button('extend-1', t(l, 'workshop.console.extend', { minutes: 1 }), run(() => this.actions.timer('extend', 60)), { 'data-needs-clock': 'any' }) : null,
        phase === 'open' ? button('extend-5', t(l, 'workshop.console.extend', { minutes: 5 }), run(() => this.actions.timer('extend', 300)), { 'data-needs-clock': 'any' }) : null,
        phase === 'open' ? button('close-round', t(l, 'workshop.console.close'), run(() => this.actions.command('CloseRound'))) : null,
      ),
      phase === 'open' ? h('p', { class: 'help' }, t(l, 'workshop.console.close-help')) : null,
      phase === 'between' && state.round >= rounds ? h('p', { class: 'help' }, t(l, 'workshop.console.last-round-done')) : null,
      this.controlError,
      h(
        'div',
        { class: 'actions session-actions' },
        phase === 'ended' || phase === 'open' ? null : endButtons,
        button('download-log', t(l, 'workshop.console.download'), run(() => this.actions.downloadLog())),
        // After the end the log carries its seed: the debrief starts in the replay viewer.
        phase === 'ended' && this.client.identity ? h('a', { class: 'button', id: 'replay-session', href: routeHash({ page: 'replay', session: this.client.identity.session }) }, t(l, 'workshop.console.replay')) : null,
      ),
    );
  }
}
