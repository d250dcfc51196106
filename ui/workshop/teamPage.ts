/**
 * `#/team?s=`: a team member's page. It holds the session as this team may see it (the client
 * folds and checks every event) and shows, by where the session is: the lobby before round 1,
 * the decisions and the negotiation room while a round is open, the results between rounds, and
 * the scorecard with "verify the whole log" at the end. Commands go to the server; nothing here
 * changes the session itself.
 */
import type { Decisions } from '../../engine/model/decisions.ts';
import type { Move } from '../../engine/negotiation/types.ts';
import { findNegotiation } from '../../engine/session/negotiations.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { describeLogProblem } from '../../engine/i18n/describe.ts';
import { h, fill } from '../dom.ts';
import type { GameView } from '../game/game.ts';
import { t } from '../i18n/t.ts';
import { briefingScreen } from '../screens/briefingScreen.ts';
import { decideScreen, discardDraft } from '../screens/decideScreen.ts';
import { endScreen } from '../screens/endScreen.ts';
import { negotiationScreen } from '../screens/negotiationScreen.ts';
import { resultsScreen } from '../screens/resultsScreen.ts';
import { submissionsThisRound, workshopPhase } from '../view/workshopView.ts';
import { RoundClock } from './clock.ts';
import { enterSession, isRefusal, openClient, refusalText } from './connection.ts';
import { WorkshopFrame } from './frame.ts';
import { fetchLog, saveFile, verifyText } from './logFile.ts';
import type { Dispose, PageHost } from './page.ts';
import { problemCard } from './problemCard.ts';
import { routeHash, type Route } from './routes.ts';
import { submittedNote, teamLobby, verifyCard, type Verification } from './teamScreens.ts';
import { teamSeat } from './tokens.ts';

type TeamRoute = Extract<Route, { page: 'team' }>;

export function teamPage(host: PageHost, route: TeamRoute): Dispose {
  const frame = new WorkshopFrame(host.root, host.locale(), (l) => {
    host.setLocale(l);
    lastKey = '';
    render();
  });
  const seat = teamSeat(route.session);
  const joinAgain = () => ({ href: routeHash({ page: 'join', code: '' }), label: t(frame.locale, 'workshop.join.heading') });
  let lastKey = '';
  let lastScreen = '';
  if (!seat) {
    frame.setWhere(t(frame.locale, 'workshop.team.where'));
    fill(frame.screen, problemCard(frame.locale, t(frame.locale, 'workshop.team.no-seat'), joinAgain()));
    return () => undefined;
  }
  const client = openClient();
  const clock = new RoundClock();
  const viewId = `ws-${route.session}-${seat.team}`;
  let mode: 'main' | 'briefing' | 'negotiation' = 'main';
  let account = '';
  let replayRound: number | null = null;
  let failure = '';
  let negotiationError = '';
  let replacedBy = '';
  let pageProblem = '';
  let before: SessionState | null = null;
  let lastState: SessionState | null = null;
  let lastOwnSeq = -1;
  let animatedRound = 0;
  let busy = false;
  let verification: Verification = { kind: 'idle' };

  const gameView = (state: SessionState): GameView => {
    const v = client.view!;
    return { id: viewId, team: seat.team, difficulty: 'standard', header: v.header, state, head: { seq: v.lastSeq, hash: v.head }, before };
  };

  const send = async (command: Parameters<typeof client.command>[0]): Promise<string> => {
    const a = await client.command(command);
    return isRefusal(a) ? refusalText(a, frame.locale) : '';
  };

  const submit = (decisions: Decisions) => {
    if (busy) return;
    busy = true;
    void send({ type: 'SubmitDecisions', decisions: decisions as unknown as Record<string, unknown> }).then((refused) => {
      busy = false;
      failure = refused;
      if (!refused) replacedBy = '';
      render();
    });
  };

  const negotiate = (id: string) => {
    mode = 'negotiation';
    account = id;
    negotiationError = '';
    const state = client.view!.state;
    if (!findNegotiation(state, seat.team, id)) {
      void send({ type: 'StartNegotiation', account: id }).then((refused) => {
        negotiationError = refused;
        render();
      });
    }
    render();
  };

  const move = (id: string, m: Move) => {
    if (busy) return;
    busy = true;
    void send({ type: 'NegotiationMove', account: id, move: m as unknown as Record<string, unknown> }).then((refused) => {
      busy = false;
      negotiationError = refused;
      render();
    });
  };

  const download = () => {
    void fetchLog(route.session, seat.token, frame.locale).then((log) => {
      if (log.ok) saveFile(log.fileName, log.text);
      else frame.setStatus(t(frame.locale, 'workshop.log.failed', { reason: log.message }));
    });
  };

  const verify = () => {
    verification = { kind: 'busy' };
    render();
    void (async () => {
      const log = await fetchLog(route.session, seat.token, frame.locale);
      if (!log.ok) return void (verification = { kind: 'bad', text: t(frame.locale, 'workshop.log.failed', { reason: log.message }) });
      try {
        const verdict = await verifyText(log.text);
        if (!verdict.ok) verification = { kind: 'bad', text: describeLogProblem(verdict.problem, frame.locale) };
        else {
          const head = verdict.count === 0 ? verdict.headerHash : verdict.head;
          verification = { kind: 'ok', count: verdict.count, head, matches: head === client.view?.head };
        }
      } catch (error) {
        verification = { kind: 'bad', text: t(frame.locale, 'verify.unreadable', { reason: error instanceof Error ? error.message : String(error) }) };
      }
    })().then(render);
  };

  /** Notices what changed since the last state: a round resolved, a new round, a teammate's submission. */
  const follow = (state: SessionState) => {
    const prev = lastState;
    if (prev && state.history.length > prev.history.length) before = prev;
    if (prev && (prev.status !== state.status || prev.round !== state.round)) {
      mode = 'main';
      replayRound = null;
      failure = '';
      negotiationError = '';
      replacedBy = '';
    }
    const own = submissionsThisRound(state, client.view!.events).get(seat.team);
    const seq = own?.seq ?? 0;
    if (lastOwnSeq >= 0 && seq > lastOwnSeq && own) {
      // A teammate's plan is now the team's: the form shows it instead of what was being edited here.
      if (own.member !== seat.member) {
        discardDraft(viewId, state.round);
        replacedBy = own.member;
      } else replacedBy = '';
    }
    lastOwnSeq = seq;
    lastState = state;
  };

  const render = () => {
    const l = frame.locale;
    frame.setConnection(client.status);
    clock.take(client.timer);
    frame.tick(clock);
    const view = client.view;
    if (pageProblem) {
      if (lastKey !== 'problem') fill(frame.screen, problemCard(l, pageProblem, joinAgain()));
      lastKey = 'problem';
      return;
    }
    if (!view || !view.state.scenario) {
      if (lastKey !== 'connecting') fill(frame.screen, h('div', { class: 'busy', 'data-screen': 'connecting' }, h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, t(l, 'workshop.connecting'))));
      lastKey = 'connecting';
      return;
    }
    const state = view.state;
    if (state !== lastState) follow(state);
    const team = state.teams.find((x) => x.id === seat.team);
    if (!team) return;
    const scenario = state.scenario!;
    const roundText = state.round === 0 ? t(l, 'topbar.before-start', { rounds: scenario.rounds }) : t(l, 'topbar.round', { round: state.round, rounds: scenario.rounds });
    frame.setWhere(`${team.name} · ${team.members.join(l === 'en' ? ', ' : '、')} · ${roundText}`);

    const phase = workshopPhase(state);
    const own = submissionsThisRound(state, view.events).get(seat.team);
    const pending = state.pending.find((p) => p.team === seat.team);
    const talks = state.negotiations.filter((n) => n.round === state.round).map((n) => `${n.account}:${n.negotiation.context.history.length}:${n.negotiation.stage}`);
    const key = JSON.stringify([l, phase, mode, account, replayRound, state.round, state.history.length, own?.seq, pending?.by, talks, failure, negotiationError, replacedBy, verification, phase === 'lobby' || phase === 'ended' ? team.members : null]);
    if (key === lastKey) return;
    const screen = `${phase}/${mode}/${replayRound !== null}`;
    const screenChanged = screen !== lastScreen;
    lastScreen = screen;
    lastKey = key;

    const gv = gameView(state);
    let el: HTMLElement;
    if (phase === 'lobby') {
      el = teamLobby(gv, team, l);
    } else if (phase === 'open' && mode === 'negotiation') {
      el = negotiationScreen(gv, account, l, { move, back: () => ((mode = 'main'), render()), refresh: () => render() }, negotiationError);
    } else if (phase === 'open' && mode === 'briefing') {
      el = briefingScreen(gv, l, { begin: () => ((mode = 'main'), render()), back: () => ((mode = 'main'), render()) });
    } else if (phase === 'open') {
      void host.region.show(state, l, { team: seat.team });
      const submitted = pending ? { member: own?.member || pending.by, ts: own?.ts ?? '' } : null;
      el = decideScreen(gv, l, host.region.pane, { submit, negotiate, briefing: () => ((mode = 'briefing'), render()) }, failure, {
        submitLabel: t(l, pending ? 'workshop.team.resubmit' : 'workshop.team.submit', { round: state.round }),
        notice: submittedNote(l, submitted, replacedBy, client.timer.kind !== 'off'),
      });
    } else if (phase === 'between' || replayRound !== null) {
      const replay = replayRound !== null;
      const round = replayRound ?? state.history.length;
      const animate = !replay && round !== animatedRound;
      if (animate) animatedRound = round;
      const last = state.round >= scenario.rounds;
      el = resultsScreen(
        gv,
        l,
        host.region.pane,
        { next: () => undefined, replay: (r) => ((replayRound = r), render()), back: () => ((replayRound = null), render()) },
        { round, replay, failure: '', waiting: t(l, last ? 'workshop.team.waiting-end' : 'workshop.team.waiting-next', { round: state.round + 1 }) },
      );
      void host.region.show(state, l, { team: seat.team, animateFrom: animate ? before : null });
    } else {
      const end = endScreen(gv, l, { replay: (r) => ((replayRound = r), render()), exportLog: download, home: () => (location.hash = '#/') });
      end.append(
        verifyCard(l, verification, view.head, verify),
        h('p', {}, h('a', { class: 'button', id: 'replay-session', href: routeHash({ page: 'replay', session: route.session }) }, t(l, 'workshop.team.replay'))),
      );
      el = end;
    }
    frame.screen.replaceChildren(el);
    if (screenChanged) {
      const heading = frame.screen.querySelector<HTMLElement>('h1, h2');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
    }
  };

  const unsubscribe = client.subscribe(render);
  render();
  void enterSession(client, seat.token).then((answer) => {
    if (isRefusal(answer)) pageProblem = refusalText(answer, frame.locale);
    else if (answer.type === 'welcome' && (answer.role !== 'team' || answer.session !== route.session)) pageProblem = t(frame.locale, 'workshop.team.not-team');
    render();
  });
  const ticker = setInterval(() => frame.tick(clock), 500);
  return () => {
    clearInterval(ticker);
    unsubscribe();
    client.close();
  };
}
