/**
 * The replay viewer (#/replay): opens an exported session log, or one fetched from this server
 * with the token this browser holds for the session (#/replay?s=<id>), verified and re-run once; then
 * a scrubber over the log with the timeline beside the state at that point (the map and a team's
 * results, or every team's standings), compare, the negotiations, what-if branches and the
 * debrief report.
 */
import { describeLogProblem } from '../../engine/i18n/describe.ts';
import { LOCALES, type Locale } from '../../engine/i18n/locale.ts';
import { h, fill } from '../dom.ts';
import { fileChunks } from '../game/fileChunks.ts';
import { t } from '../i18n/t.ts';
import { reportHtml, type ReportScope } from '../report/reportHtml.ts';
import { resultsScreen } from '../screens/resultsScreen.ts';
import { LOCALE_NAMES } from '../screens/startScreen.ts';
import { leaderboardView } from '../view/workshopView.ts';
import { fetchLog } from '../workshop/logFile.ts';
import type { Dispose, PageHost } from '../workshop/page.ts';
import { routeHash } from '../workshop/routes.ts';
import { facilitatedSessions, teamSeat } from '../workshop/tokens.ts';
import { boardHeading, leaderboardTable } from '../workshop/standings.ts';
import { comparePanel } from './comparePanel.ts';
import { downloadText } from './download.ts';
import { forkPanel } from './forkPanel.ts';
import { negotiationsPanel } from './negotiationsPanel.ts';
import { openReplay, resolvedBy, roundAt, sessionNegotiations, type ReplayOpenResult, type ReplaySession } from './replaySession.ts';
import { scrubber, type Scrubber } from './scrubber.ts';
import { timelineNames } from './timelineNames.ts';
import { timelinePanel, type TimelinePanel } from './timelinePanel.ts';

const ALL = '*';

export function viewerPage(host: PageHost, fromServer = ''): Dispose {
  const root = host.root;
  let locale = host.locale();
  let disposed = false;
  /** The original log, and the branch being replayed (if any). */
  let original: ReplaySession | null = null;
  let branch: { session: ReplaySession; round: number } | null = null;
  let seq = 0;
  let team = '';
  let message = '';
  let busy = false;
  let transport: Scrubber | null = null;
  let timeline: TimelinePanel | null = null;

  const topbar = h('header', { class: 'topbar' });
  const main = h('main', { id: 'screen', 'data-screen': 'replay-viewer' });
  root.replaceChildren(topbar, main);
  const position = h('div', { class: 'replay-position', id: 'replay-position' });
  const where = h('p', { class: 'replay-where', id: 'replay-where', role: 'status' });
  /** What the event under the scrubber was, in words (the timeline folds most of them away). */
  const happened = h('p', { class: 'replay-event', id: 'replay-event' });

  const current = () => branch?.session ?? original;

  const describe = (r: Exclude<ReplayOpenResult, { ok: true }>) =>
    r.code === 'bad-log' ? t(locale, 'viewer.bad-log', { reason: describeLogProblem(r.problem, locale) }) : t(locale, `viewer.${r.code}`);

  const open = async (source: File | string) => {
    busy = true;
    message = '';
    render();
    let chunks: AsyncIterable<Uint8Array> | string[];
    if (typeof source === 'string') {
      // A session on this server: its log with the token this browser was given for it (the
      // facilitator's any time, a team's once the session has ended), never one from the URL.
      const token = facilitatedSessions().find((x) => x.session === source)?.token ?? teamSeat(source)?.token;
      const fetched = token ? await fetchLog(source, token, locale) : null;
      if (disposed) return;
      if (!fetched?.ok) {
        busy = false;
        message = fetched ? t(locale, 'viewer.server-failed', { reason: fetched.message }) : t(locale, 'viewer.no-token');
        render();
        return;
      }
      chunks = [fetched.text];
    } else chunks = fileChunks(source);
    // Let the wait message paint before the rounds are re-run.
    await new Promise((r) => setTimeout(r, 30));
    const r = await openReplay(chunks).catch((e: unknown) => ({ ok: false as const, code: 'not-a-session' as const, error: e }));
    busy = false;
    if (disposed) return;
    if (!r.ok) {
      message = describe(r);
      original = null;
    } else {
      original = r.session;
      branch = null;
      seq = r.session.events.length;
      team = r.session.debrief.state.teams.find((x) => !x.bot)?.id ?? r.session.debrief.state.teams[0]!.id;
    }
    render();
  };

  const seek = (to: number) => {
    seq = to;
    transport?.set(to);
    showPosition();
  };

  /** What the position panel was last drawn for: between two resolutions it shows the same results. */
  let drawn = '';
  const showPosition = () => {
    const s = current();
    if (!s || disposed) return;
    const state = s.seek(seq);
    const round = resolvedBy(s.timeline, seq);
    timeline?.mark(seq);
    where.textContent = t(locale, 'viewer.position', { seq, count: s.events.length, round: roundAt(s.timeline, seq) });
    happened.textContent = timeline?.describe(seq) ?? '';
    // Before the session was created there is no market to draw, nor a team to draw it for.
    if (state.scenario && (team === ALL || state.teams.some((x) => x.id === team))) void host.region.show(state, locale, { team: team === ALL ? null : team });
    // Scrubbing through a round's plans and moves leaves the results and standings as they were:
    // rebuilding them on every step is what made dragging the scrubber lag on a full room's log.
    const key = `${team}/${round}/${state.teams.length}`;
    if (key === drawn) return;
    drawn = key;
    const teamSelect = h('select', { id: 'replay-team' });
    teamSelect.add(new Option(t(locale, 'viewer.all-teams'), ALL, false, team === ALL));
    for (const x of state.teams) teamSelect.add(new Option(x.name, x.id, false, x.id === team));
    teamSelect.addEventListener('change', () => {
      team = teamSelect.value;
      showPosition();
    });
    const picker = h('label', { class: 'replay-team' }, `${t(locale, 'viewer.team')} `, teamSelect);
    if (round === 0 || state.teams.length === 0) {
      fill(position, picker, h('div', { class: 'play' }, h('div', { class: 'map-pane' }, host.region.pane), h('p', { class: 'help' }, t(locale, 'viewer.no-results'))));
      return;
    }
    if (team === ALL) {
      const board = leaderboardView(state, locale);
      fill(
        position,
        picker,
        h('div', { class: 'play', 'data-screen': 'standings' }, h('div', { class: 'map-pane' }, host.region.pane), h('div', { class: 'side-pane' }, h('h2', {}, boardHeading(board.rounds, locale)), leaderboardTable(board, locale))),
      );
      return;
    }
    const view = { id: 'replay', team, difficulty: 'standard' as const, header: s.header, state, head: { seq, hash: s.events[seq - 1]?.hash ?? '' }, before: null };
    const resolvedAt = (r: number) => s.timeline.find((x) => x.round === r)?.resolvedAt ?? seq;
    fill(position, picker, resultsScreen(view, locale, host.region.pane, { next: () => undefined, replay: (r) => seek(resolvedAt(r)), back: () => undefined }, { round, replay: false, failure: '', waiting: '' }));
  };

  const reportCard = (s: ReplaySession) => {
    const scope = h('select', { id: 'replay-report-scope' });
    scope.add(new Option(t(locale, 'viewer.report-all'), ALL, false, team === ALL));
    for (const x of s.debrief.state.teams) scope.add(new Option(x.name, x.id, false, x.id === team));
    const exportReport = () => {
      const sc: ReportScope = scope.value === ALL ? 'group' : { team: scope.value };
      const html = reportHtml(s.debrief, locale, sc);
      downloadText(`shapan-report-${scope.value === ALL ? 'group' : scope.value}-${s.debrief.head.slice(0, 12)}.html`, html, 'text/html');
    };
    return h(
      'section',
      { class: 'card' },
      h('h3', {}, t(locale, 'viewer.report')),
      h('div', { class: 'row' }, h('label', {}, `${t(locale, 'viewer.report-scope')} `, scope), h('button', { type: 'button', id: 'replay-report', class: 'primary', onclick: exportReport }, t(locale, 'viewer.report'))),
    );
  };

  const fileCard = () => {
    const file = h('input', { id: 'replay-file', type: 'file', accept: '.jsonl,application/x-ndjson,text/plain', disabled: busy });
    file.addEventListener('change', () => file.files?.[0] && void open(file.files[0]));
    return h(
      'section',
      { class: 'card replay-open' },
      h('label', { for: 'replay-file' }, t(locale, 'viewer.file')),
      ' ',
      file,
      h('p', { class: 'help' }, t(locale, 'viewer.file-help')),
      serverSessions(),
      busy ? h('div', { class: 'busy', role: 'status', id: 'replay-busy' }, h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, t(locale, 'viewer.reading'))) : null,
      message ? h('p', { class: 'error', role: 'alert', id: 'replay-message' }, message) : null,
    );
  };

  /** Sessions this browser ran on this server: their logs open without a file. */
  const serverSessions = () => {
    const ran = facilitatedSessions();
    if (ran.length === 0) return null;
    return h(
      'div',
      { class: 'replay-server', id: 'replay-server' },
      h('p', {}, t(locale, 'viewer.server-sessions')),
      h(
        'ul',
        {},
        ran.map((x) =>
          h('li', {}, h('a', { href: routeHash({ page: 'replay', session: x.session }), 'data-session': x.session }, t(locale, 'viewer.server-session', { title: x.title, code: x.joinCode, date: x.createdAt.slice(0, 10) }))),
        ),
      ),
    );
  };

  const renderTopbar = () => {
    const picker = h('select', { id: 'locale', 'aria-label': t(locale, 'app.language') });
    for (const l of LOCALES) picker.add(new Option(LOCALE_NAMES[l], l, false, l === locale));
    picker.addEventListener('change', () => {
      locale = picker.value as Locale;
      host.setLocale(locale);
      render();
    });
    fill(topbar, h('span', { class: 'brand' }, t(locale, 'app.title')), h('span', { class: 'where' }, t(locale, 'viewer.title')), picker, h('a', { class: 'link', href: '#/', id: 'home' }, t(locale, 'viewer.home')));
  };

  const editor = h('div', { class: 'replay-editor' });
  const render = () => {
    if (disposed) return;
    document.documentElement.lang = locale;
    document.title = `${t(locale, 'viewer.title')} · Shapan`;
    renderTopbar();
    transport?.dispose();
    transport = null;
    timeline = null;
    drawn = '';
    const s = current();
    const heading = h('h1', {}, t(locale, 'viewer.title'));
    if (!s || !original) {
      fill(main, heading, fileCard());
      return;
    }
    const state = s.debrief.state;
    transport = scrubber(locale, s.events.length, seq, (to) => {
      seq = to;
      showPosition();
    });
    timeline = timelinePanel(s.timeline, locale, timelineNames(s, locale), seek);
    const forkTeam = state.teams.find((x) => x.id === team && !x.bot)?.id ?? state.teams.find((x) => !x.bot)?.id ?? '';
    const round = Math.max(1, resolvedBy(s.timeline, seq));
    fill(editor);
    editor.hidden = true;
    position.hidden = false;
    fill(
      main,
      heading,
      fileCard(),
      h('p', { class: 'help', id: 'replay-opened' }, t(locale, 'viewer.opened', { scenario: state.scenario!.title[locale], events: s.events.length, rounds: state.history.length, head: s.debrief.head.slice(0, 12) })),
      branch
        ? h(
            'p',
            { class: 'banner', id: 'replay-branch-banner' },
            t(locale, 'viewer.branch-banner', { round: branch.round }),
            ' ',
            h('button', { type: 'button', id: 'replay-original', onclick: () => ((branch = null), (seq = original!.events.length), render()) }, t(locale, 'viewer.back-original')),
          )
        : null,
      h('div', { class: 'replay-layout' }, h('div', { class: 'replay-left' }, transport.el, where, happened, timeline.el), h('div', { class: 'replay-right' }, position, editor)),
      h('div', { class: 'replay-panels' }, comparePanel(s, locale, { team: team === ALL ? forkTeam : team, round }, () => resolvedBy(s.timeline, seq)), negotiationsPanel(state, sessionNegotiations(s), locale), forkPanel(s, locale, { team: forkTeam, round }, {
        region: host.region,
        editor: (el) => {
          editor.hidden = !el;
          position.hidden = !!el;
          if (el) {
            fill(editor, el);
            editor.scrollIntoView({ block: 'start' });
          } else {
            fill(editor);
            // The form borrowed the map pane: draw the panel again to take it back.
            drawn = '';
            showPosition();
          }
        },
        replay: (b, r) => {
          branch = { session: b, round: r };
          seq = b.events.length;
          render();
          window.scrollTo(0, 0);
        },
      }), reportCard(s)),
    );
    showPosition();
  };

  render();
  if (fromServer) void open(fromServer);
  return () => {
    disposed = true;
    transport?.dispose();
  };
}
