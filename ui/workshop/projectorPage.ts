/**
 * `#/projector?s=&t=`: what the room sees on the wall, read-only (observer token): the shared
 * market's map, the round and its clock in large type, which teams have submitted, and the
 * leaderboard after each round. In parallel mode every team has its own market, so the wall
 * shows the leaderboard alone.
 */
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { clockText, leaderboardView, rosterView, workshopPhase } from '../view/workshopView.ts';
import { RoundClock } from './clock.ts';
import { enterSession, isRefusal, openClient, refusalText } from './connection.ts';
import { WorkshopFrame } from './frame.ts';
import { baseUrl, type Dispose, type PageHost } from './page.ts';
import { problemCard } from './problemCard.ts';
import { routeLink, type Route } from './routes.ts';
import { boardHeading, leaderboardTable, rosterTable } from './standings.ts';

type ProjectorRoute = Extract<Route, { page: 'projector' }>;

export function projectorPage(host: PageHost, route: ProjectorRoute): Dispose {
  const frame = new WorkshopFrame(host.root, host.locale(), (l) => {
    host.setLocale(l);
    built = '';
    render();
  });
  const client = openClient();
  const clock = new RoundClock();
  const side = h('div', { class: 'projector-side' });
  const bigClock = h('div', { class: 'big-clock', id: 'projector-clock', role: 'timer' });
  let problem = route.session && route.token ? '' : t(frame.locale, 'workshop.projector.no-token');
  let built = '';
  let lastState: SessionState | null = null;
  let before: SessionState | null = null;
  let animated = -1;

  const tick = () => {
    frame.tick(clock);
    const ms = clock.remaining();
    bigClock.hidden = ms === null;
    bigClock.textContent = ms === null ? '' : clock.kind === 'paused' ? t(frame.locale, 'workshop.clock.paused', { time: clockText(ms) }) : clockText(ms);
    bigClock.classList.toggle('low', ms !== null && ms < 60_000);
  };

  const render = () => {
    const l = frame.locale;
    frame.setConnection(client.status);
    clock.take(client.timer);
    if (problem) {
      fill(frame.screen, problemCard(l, problem));
      return;
    }
    const view = client.view;
    if (!view || !view.state.scenario) {
      if (built !== 'connecting') fill(frame.screen, h('div', { class: 'busy', 'data-screen': 'connecting' }, h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, t(l, 'workshop.connecting'))));
      built = 'connecting';
      return;
    }
    const state = view.state;
    if (lastState && state.history.length > lastState.history.length) before = lastState;
    lastState = state;
    const scenario = state.scenario!;
    const shared = state.mode === 'shared';
    frame.setWhere(`${t(l, 'workshop.projector.where')} · ${scenario.title[l]}`);
    const layout = `${l}/${shared}`;
    if (built !== layout) {
      built = layout;
      fill(
        frame.screen,
        h('div', { class: `projector${shared ? '' : ' no-map'}`, 'data-screen': 'projector' }, shared ? h('div', { class: 'map-pane' }, host.region.pane) : null, side),
      );
    }
    // A round just resolved: the map plays the change once.
    const animate = before !== null && animated !== state.history.length;
    animated = state.history.length;
    if (shared) void host.region.show(state, l, { team: null, animateFrom: animate ? before : null });
    const phase = workshopPhase(state);
    const roster = rosterView(state, view.events);
    const headline =
      phase === 'lobby'
        ? t(l, 'workshop.projector.lobby')
        : phase === 'open'
          ? t(l, 'workshop.projector.round-open', { round: state.round, rounds: scenario.rounds })
          : phase === 'between'
            ? t(l, 'workshop.projector.round-done', { round: state.round, rounds: scenario.rounds })
            : t(l, 'workshop.projector.ended');
    const code = route.code.replace(/^(...)(...)$/, '$1 $2');
    const joinAt = routeLink(baseUrl(), { page: 'join', code: route.code });
    fill(
      side,
      h('h1', { class: 'projector-title' }, scenario.title[l]),
      route.code && phase !== 'lobby' && phase !== 'ended' ? h('p', { class: 'help', id: 'projector-join-code' }, t(l, 'workshop.projector.code-reminder', { code })) : null,
      h('p', { class: 'projector-round', id: 'projector-round' }, headline),
      // Before round 1 the room needs the code most; later a small reminder does for latecomers.
      route.code && phase === 'lobby'
        ? h(
            'div',
            { class: 'join-code-box projector-code' },
            h('span', { class: 'label' }, t(l, 'workshop.projector.join-at', { link: joinAt })),
            h('strong', { class: 'join-code', id: 'projector-join-code' }, code),
          )
        : null,
      bigClock,
      // The room wants to know who is still deciding while a round runs, who has joined before
      // the first, and the standings otherwise; AI teams have nothing to say on the first two.
      phase === 'open' || phase === 'lobby'
        ? h(
            'section',
            { class: 'card', id: 'projector-teams' },
            h('h2', {}, phase === 'open' ? t(l, 'workshop.console.submitted-count', { submitted: roster.submitted, teams: roster.waitingFor }) : t(l, 'workshop.console.teams')),
            rosterTable({ ...roster, rows: roster.rows.filter((r) => !r.ai) }, l, phase === 'open', { members: phase === 'lobby' }),
          )
        : null,
      phase === 'lobby' ? null : h('section', { class: 'card', id: 'projector-board' }, h('h2', {}, boardHeading(state.history.length, l)), leaderboardTable(leaderboardView(state, l), l)),
    );
    tick();
  };

  const unsubscribe = client.subscribe(render);
  render();
  if (!problem) {
    void enterSession(client, route.token).then((answer) => {
      if (isRefusal(answer)) problem = refusalText(answer, frame.locale);
      else if (answer.type === 'welcome' && answer.session !== route.session) problem = t(frame.locale, 'workshop.projector.no-token');
      render();
    });
  }
  const ticker = setInterval(tick, 500);
  return () => {
    clearInterval(ticker);
    unsubscribe();
    client.close();
  };
}
