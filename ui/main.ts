/**
 * The page. By default a solo game against the scenario's AI rivals, with the engine in a worker
 * and the log saved in the browser after every command: the app machine decides which screen
 * shows; this file turns its state into screens and the screens' clicks into events. The
 * workshop's pages (facilitator, team, projector) live under hash routes (ui/workshop/routes.ts).
 */
import { createActor } from 'xstate';
import { describeLogProblem, describeRejection } from '../engine/i18n/describe.ts';
import { isLocale, matchLocale, type Locale } from '../engine/i18n/locale.ts';
import type { Move } from '../engine/negotiation/types.ts';
import { findNegotiation } from '../engine/session/negotiations.ts';
import { loadBuiltIn } from '../scenarios/library.ts';
import { createAppMachine, phaseOf } from './app/appMachine.ts';
import { h, fill } from './dom.ts';
import { Game, type GameFailure, type GameResult } from './game/game.ts';
import type { ImportProgress } from './game/protocol.ts';
import { TEAM_ID } from './game/soloSession.ts';
import { deleteSession, listSessions, loadSession, type SavedSessionMeta } from './game/storage.ts';
import { t } from './i18n/t.ts';
import { briefingScreen } from './screens/briefingScreen.ts';
import { decideScreen } from './screens/decideScreen.ts';
import { endScreen } from './screens/endScreen.ts';
import { negotiationScreen } from './screens/negotiationScreen.ts';
import { RegionHost } from './screens/regionHost.ts';
import { resultsScreen } from './screens/resultsScreen.ts';
import { startScreen, type StartChoice } from './screens/startScreen.ts';
import type { Dispose, PageHost } from './workshop/page.ts';
import { mountWorkshop } from './workshop/pages.ts';
import { useWasmSha256 } from './io/wasmHash.ts';
import { viewerPage } from './replay/viewerPage.ts';
import { parseRoute, routeHash, type Route } from './workshop/routes.ts';

const LOCALE_KEY = 'shapan.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  return isLocale(saved) ? saved : matchLocale(navigator.language, 'zh-CN');
}


/** The spinner shown while the engine works (a round resolving, a log being checked). */
function busyScreen(text: string): HTMLElement {
  return h('div', { class: 'busy', 'data-screen': 'busy', role: 'status' }, h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, text));
}

function soloPage(host: PageHost): Dispose {
  const root = host.root;
  let locale = host.locale();
  let disposed = false;
  const game = new Game();
  const region = host.region;
  const actor = createActor(createAppMachine(game));
  let saved: readonly SavedSessionMeta[] = [];
  let startMessage = '';
  let negotiationError = '';
  let busy = false;
  /** An imported log being checked: the round reached (0 before the first). */
  let checking: ImportProgress | null = null;

  const topbar = h('header', { class: 'topbar' });
  const screen = h('main', { id: 'screen' });
  const status = h('div', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  root.replaceChildren(topbar, screen, status);

  const describe = (f: GameFailure | null): string => {
    if (!f) return '';
    if (f.kind === 'rejected') return describeRejection(f.rejection, locale);
    if (f.kind === 'log') return describeLogProblem(f.problem, locale);
    if (f.kind === 'not-solo') return t(locale, 'start.not-solo');
    return t(locale, 'app.error', { message: f.message });
  };

  const refreshSaved = async () => {
    saved = await listSessions().catch(() => []);
  };

  const begin = async (work: () => Promise<GameResult>) => {
    startMessage = '';
    const result = await work();
    if (!result.ok) {
      startMessage = describe(result.failure);
      render();
      return;
    }
    actor.send({ type: 'GAME_READY', phase: phaseOf(game.view!.state) });
  };

  const actions = {
    setLocale(l: Locale) {
      locale = l;
      host.setLocale(l);
      render();
    },
    start(choice: StartChoice) {
      const loaded = loadBuiltIn(choice.scenario);
      if (!loaded.ok) {
        startMessage = loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
        return render();
      }
      void begin(() => game.start({ scenario: loaded.scenario, seed: choice.seed, difficulty: choice.difficulty, teamName: choice.teamName }));
    },
    resume(id: string) {
      void begin(async () => {
        const s = await loadSession(id);
        if (!s) return { ok: false, failure: { kind: 'error', message: t(locale, 'start.missing-save') } };
        return game.resume(s);
      });
    },
    remove(id: string) {
      void deleteSession(id).then(refreshSaved).then(render);
    },
    importFile(file: File) {
      // The worker re-runs every round of the log; the page shows which one it has reached.
      void begin(async () => {
        checking = { round: 0, rounds: 0 };
        render();
        try {
          return await game.importLog(file, 'standard', (p) => {
            checking = p;
            render();
          });
        } finally {
          checking = null;
        }
      });
    },
  };

  const download = () => {
    const v = game.view;
    if (!v) return;
    const blob = new Blob([game.exportText()], { type: 'application/x-ndjson' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `shapan-${v.state.scenario!.id}-${v.head.hash.slice(0, 12)}.jsonl` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const sendMove = async (account: string, move: Move) => {
    if (busy) return;
    busy = true;
    const r = await game.send({ type: 'NegotiationMove', team: TEAM_ID, account, move });
    busy = false;
    negotiationError = r.ok ? '' : describe(r.failure);
    render();
  };

  const renderTopbar = (state: string) => {
    const v = game.view;
    const playing = v && state !== 'start';
    fill(
      topbar,
      h('span', { class: 'brand' }, t(locale, 'app.title')),
      playing
        ? h('span', { class: 'where' }, `${v.state.scenario!.title[locale]} · ${v.state.round === 0 ? t(locale, 'topbar.before-start', { rounds: v.state.scenario!.rounds }) : t(locale, 'topbar.round', { round: v.state.round, rounds: v.state.scenario!.rounds })}`)
        : null,
      playing ? h('button', { type: 'button', class: 'link', id: 'export-top', onclick: download }, t(locale, 'end.export')) : null,
      playing ? h('button', { type: 'button', class: 'link', id: 'home', onclick: () => actor.send({ type: 'HOME' }) }, t(locale, 'topbar.home')) : null,
    );
  };

  /** The last round whose results the map has animated: a re-render does not replay it. */
  let animatedRound = 0;
  const render = () => {
    if (disposed) return;
    const snap = actor.getSnapshot();
    const state = String(snap.value);
    const v = game.view;
    document.documentElement.lang = locale;
    document.title = `${t(locale, 'app.title')} · Shapan`;
    renderTopbar(state);
    const failure = describe(snap.context.failure);
    status.textContent = game.saveError ? t(locale, 'app.save-failed', { reason: game.saveError }) : '';
    let el: HTMLElement;
    if (state === 'start' && checking) {
      el = busyScreen(checking.round === 0 ? t(locale, 'busy.reading') : t(locale, 'busy.checking', { round: checking.round, rounds: checking.rounds }));
    } else if (state === 'start' || !v) {
      el = startScreen(locale, saved, actions, startMessage);
    } else if (state === 'briefing') {
      el = briefingScreen(v, locale, {
        begin: () => actor.send({ type: 'BEGIN' }),
        back: () => actor.send({ type: 'HOME' }),
      });
    } else if (state === 'deciding') {
      void region.show(v.state, locale);
      el = decideScreen(v, locale, region.pane, {
        submit: (decisions) => actor.send({ type: 'SUBMIT', decisions }),
        negotiate: (account) => {
          negotiationError = '';
          actor.send({ type: 'NEGOTIATE', account });
        },
        briefing: () => actor.send({ type: 'BACK' }),
      }, failure);
    } else if (state === 'negotiating') {
      el = negotiationScreen(v, snap.context.account, locale, { move: (a, m) => void sendMove(a, m), back: () => actor.send({ type: 'BACK' }), refresh: () => render() }, negotiationError);
    } else if (state === 'opening' || state === 'resolving' || state === 'finishing') {
      el = busyScreen(t(locale, `busy.${state}`));
    } else if (state === 'results' || state === 'replay') {
      const replay = state === 'replay';
      const round = replay ? snap.context.replayRound : v.state.history.length;
      const animate = !replay && round !== animatedRound;
      if (animate) animatedRound = round;
      el = resultsScreen(v, locale, region.pane, { next: () => actor.send({ type: 'NEXT' }), replay: (r) => actor.send({ type: 'REPLAY', round: r }), back: () => actor.send({ type: 'BACK' }) }, { round, replay, failure });
      void region.show(v.state, locale, { animateFrom: animate ? v.before : null });
    } else {
      el = endScreen(v, locale, { replay: (r) => actor.send({ type: 'REPLAY', round: r }), exportLog: download, home: () => actor.send({ type: 'HOME' }) });
    }
    screen.replaceChildren(el);
  };

  let lastState = '';
  actor.subscribe((snap) => {
    const state = String(snap.value);
    if (state === 'start' && lastState !== 'start') {
      game.close();
      animatedRound = 0;
      void refreshSaved().then(render);
    }
    // Entering the negotiation room starts the talk if this is the first visit this round.
    if (state === 'negotiating' && lastState !== 'negotiating') {
      const v = game.view!;
      if (!findNegotiation(v.state, TEAM_ID, snap.context.account)) {
        void game.send({ type: 'StartNegotiation', team: TEAM_ID, account: snap.context.account }).then((r) => {
          negotiationError = r.ok ? '' : describe(r.failure);
          render();
        });
      }
    }
    const moved = state !== lastState;
    lastState = state;
    render();
    // A new screen takes the keyboard to its heading, so a keyboard user starts at the top.
    if (moved) {
      const heading = screen.querySelector<HTMLElement>('h1, h2');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
    }
  });
  actor.start();
  void refreshSaved().then(render);
  return () => {
    disposed = true;
    actor.stop();
    game.dispose();
  };
}

/** Opens the page the URL's fragment names, and another when it changes. */
function start(): void {
  void useWasmSha256();
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  let locale = initialLocale();
  const host: PageHost = {
    root,
    region: new RegionHost(),
    locale: () => locale,
    setLocale(l) {
      locale = l;
      document.documentElement.lang = l;
      try {
        localStorage.setItem(LOCALE_KEY, l);
      } catch {
        // The choice lasts for this visit only.
      }
    },
  };
  let current: { route: Route; dispose: Dispose } | null = null;
  const go = () => {
    const route = parseRoute(location.hash);
    if (current && routeHash(current.route) === routeHash(route)) return;
    current?.dispose();
    document.documentElement.lang = locale;
    document.title = `${t(locale, 'app.title')} · Shapan`;
    current = { route, dispose: route.page === 'solo' ? soloPage(host) : route.page === 'replay' ? viewerPage(host, route.session) : mountWorkshop(host, route) };
    window.scrollTo(0, 0);
  };
  window.addEventListener('hashchange', go);
  go();
}

start();
