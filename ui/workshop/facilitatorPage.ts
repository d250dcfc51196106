/**
 * `#/facilitate`: without a session, the form that creates one (and the sessions this browser
 * ran before); with `s` and `t`, the console of that session. Creating a session moves to the
 * console's address, which is also remembered in localStorage.
 */
import { h, fill } from '../dom.ts';
import { workshopScenarios } from '../view/createSession.ts';
import { t } from '../i18n/t.ts';
import { createForm } from './createForm.ts';
import { RoundClock } from './clock.ts';
import { enterSession, isRefusal, openClient, refusalText } from './connection.ts';
import { FacilitatorConsole, type ConsoleActions } from './facilitatorScreen.ts';
import { WorkshopFrame } from './frame.ts';
import { fetchLog, saveFile } from './logFile.ts';
import { baseUrl, type Dispose, type PageHost } from './page.ts';
import { routeHash, routeLink, type Route } from './routes.ts';
import { facilitatedSessions, rememberFacilitated } from './tokens.ts';
import { problemCard } from './problemCard.ts';

type FacilitateRoute = Extract<Route, { page: 'facilitate' }>;

export function facilitatorPage(host: PageHost, route: FacilitateRoute): Dispose {
  const client = openClient();
  const clock = new RoundClock();
  let consoleView: FacilitatorConsole | null = null;
  let failure = '';
  let connected: Promise<void> | null = null;
  const connect = () => (connected ??= client.connect());
  const frame = new WorkshopFrame(host.root, host.locale(), (l) => {
    host.setLocale(l);
    consoleView = null;
    render();
  });
  const locale = () => frame.locale;
  const remembered = () => facilitatedSessions().find((s) => s.session === route.session);
  const observer = () => route.observer || remembered()?.observerToken || '';

  const creating = () => {
    const l = locale();
    frame.setWhere(t(l, 'workshop.facilitator'));
    frame.setConnection(null);
    const recent = facilitatedSessions();
    fill(
      frame.screen,
      h(
        'div',
        { class: 'workshop-page', 'data-screen': 'create' },
        h('h1', {}, t(l, 'workshop.create.heading')),
        createForm(l, {
          create: async (message) => {
            await connect();
            const answer = await client.send(message);
            if (answer.type === 'created') {
              const title = workshopScenarios().find((x) => x.id === message.scenario)?.title[l] ?? message.scenario;
              rememberFacilitated({ session: answer.session, token: answer.facilitatorToken, observerToken: answer.observerToken, joinCode: answer.joinCode, title, createdAt: new Date().toISOString() });
              location.hash = routeHash({ page: 'facilitate', session: answer.session, token: answer.facilitatorToken, observer: answer.observerToken });
              return null;
            }
            if (isRefusal(answer)) return { field: answer.path === 'teams' || answer.path?.startsWith('teams[') ? 'teams' : (answer.path ?? ''), text: refusalText(answer, l) };
            return { field: '', text: t(l, 'workshop.unexpected', { type: answer.type }) };
          },
        }),
        recent.length
          ? h(
              'section',
              { class: 'card', id: 'recent-sessions' },
              h('h2', {}, t(l, 'workshop.create.recent')),
              h(
                'ul',
                { class: 'recent' },
                recent.map((s) =>
                  h(
                    'li',
                    {},
                    h('a', { href: routeHash({ page: 'facilitate', session: s.session, token: s.token, observer: s.observerToken }) }, t(l, 'workshop.create.recent-item', { code: s.joinCode, scenario: s.title })),
                    h('small', {}, ` ${new Date(s.createdAt).toLocaleString(l)}`),
                  ),
                ),
              ),
            )
          : null,
      ),
    );
  };

  const actions: ConsoleActions = {
    command: async (type) => {
      const a = await client.command({ type });
      return isRefusal(a) ? refusalText(a, locale()) : null;
    },
    timer: async (action, seconds) => {
      const a = await client.send({ type: 'timer', action, ...(seconds ? { seconds } : {}) });
      return isRefusal(a) ? refusalText(a, locale()) : null;
    },
    inject: async (shock) => {
      const a = await client.command({ type: 'InjectShock', shock: shock as unknown as Record<string, unknown> });
      return isRefusal(a) ? refusalText(a, locale()) : null;
    },
    downloadLog: async () => {
      const log = await fetchLog(route.session, route.token, locale());
      if (!log.ok) return t(locale(), 'workshop.log.failed', { reason: log.message });
      saveFile(log.fileName, log.text);
      return null;
    },
  };

  const render = () => {
    const l = locale();
    frame.setConnection(client.status);
    clock.take(client.timer);
    const view = client.view;
    if (failure) {
      fill(frame.screen, problemCard(l, failure, { href: routeHash({ page: 'facilitate', session: '', token: '', observer: '' }), label: t(l, 'workshop.create.heading') }));
      return;
    }
    if (!view || !view.state.scenario) {
      fill(frame.screen, h('div', { class: 'busy', 'data-screen': 'connecting' }, h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, t(l, 'workshop.connecting'))));
      return;
    }
    const state = view.state;
    frame.setWhere(`${t(l, 'workshop.facilitator')} · ${state.scenario!.title[l]} · ${state.round === 0 ? t(l, 'topbar.before-start', { rounds: state.scenario!.rounds }) : t(l, 'topbar.round', { round: state.round, rounds: state.scenario!.rounds })}`);
    if (!consoleView) {
      const base = baseUrl();
      const code = client.identity?.joinCode ?? '';
      consoleView = new FacilitatorConsole(client, l, {
        join: routeLink(base, { page: 'join', code }),
        projector: observer() ? routeLink(base, { page: 'projector', session: route.session, token: observer(), code }) : '',
        console: routeLink(base, { page: 'facilitate', session: route.session, token: route.token, observer: observer() }),
      }, actions);
      fill(frame.screen, consoleView.el);
      consoleView.tick(clock);
    } else consoleView.update();
  };

  if (!route.session || !route.token) {
    creating();
    return () => client.close();
  }
  const unsubscribe = client.subscribe(render);
  render();
  void enterSession(client, route.token).then((answer) => {
    if (isRefusal(answer)) failure = refusalText(answer, locale());
    else if (answer.type === 'welcome' && answer.role !== 'facilitator') failure = t(locale(), 'workshop.not-facilitator');
    else {
      const remember = remembered();
      rememberFacilitated({
        session: route.session,
        token: route.token,
        observerToken: observer(),
        joinCode: client.identity?.joinCode ?? remember?.joinCode ?? '',
        title: client.view?.state.scenario?.title[locale()] ?? remember?.title ?? '',
        createdAt: remember?.createdAt ?? new Date().toISOString(),
      });
    }
    render();
  });
  const ticker = setInterval(() => {
    frame.tick(clock);
    consoleView?.tick(clock);
  }, 500);
  return () => {
    clearInterval(ticker);
    unsubscribe();
    client.close();
  };
}
