/**
 * What-if: pick a round and a team, edit the team's decisions for that round in the game's own
 * decision form, and fork the session there. The branch shows beside the original (scorecard
 * total; revenue, profit and share by round), can be exported as a log and replayed.
 */
import { logLines } from '../../engine/core/jsonl.ts';
import { describeRejection, describeRejectionIn } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import type { Decisions } from '../../engine/model/decisions.ts';
import { forkSession } from '../../engine/session/fork.ts';
import type { MoveChange } from '../../engine/session/forkMove.ts';
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { RegionHost } from '../screens/regionHost.ts';
import { decideScreen } from '../screens/decideScreen.ts';
import { formatBp, formatMoney } from '../view/format.ts';
import { branchComparison, type BranchComparison } from './branchView.ts';
import { downloadText } from './download.ts';
import { replayFromEvents, type ReplaySession } from './replaySession.ts';
import { moveForkEditor } from './moveFork.ts';

export interface ForkHost {
  readonly region: RegionHost;
  /** Shows the decision form in place of the position panel (null: back to the panel). */
  editor(el: HTMLElement | null): void;
  /** Opens a branch in the viewer. */
  replay(branch: ReplaySession, round: number): void;
}

const nextFrame = () => new Promise<void>((r) => setTimeout(r, 30));

export function branchTable(c: BranchComparison, locale: Locale): HTMLElement {
  const money = (n: number) => formatMoney(locale, n);
  const cell = (a: string, b: string, same: boolean) => [h('td', {}, a), h('td', { class: same ? 'same' : 'changed' }, b)];
  return h(
    'table',
    { class: 'grid branch', id: 'branch-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', rowspan: 2 }, t(locale, 'viewer.col.round')),
        ['viewer.revenue', 'viewer.profit', 'viewer.share'].map((k) => h('th', { scope: 'colgroup', colspan: 2 }, t(locale, k))),
      ),
      h('tr', {}, [0, 1, 2].flatMap(() => [h('th', { scope: 'col' }, t(locale, 'viewer.original')), h('th', { scope: 'col' }, t(locale, 'viewer.branch'))])),
    ),
    h(
      'tbody',
      {},
      c.rounds.map((r) =>
        h(
          'tr',
          { 'data-round': r.round, 'data-same': String(r.same) },
          h('th', { scope: 'row' }, String(r.round), r.same ? h('small', {}, ` ${t(locale, 'viewer.same')}`) : null),
          cell(money(r.original.revenue), money(r.branch.revenue), r.same),
          cell(money(r.original.profit), money(r.branch.profit), r.same),
          cell(formatBp(locale, r.original.shareBp), formatBp(locale, r.branch.shareBp), r.same),
        ),
      ),
      h(
        'tr',
        { class: 'total' },
        h('th', { scope: 'row' }, t(locale, 'viewer.scorecard-total')),
        h('td', { colspan: 3 }, `${t(locale, 'viewer.original')}: ${c.totals.original.toFixed(1)}`),
        h('td', { colspan: 3, id: 'branch-total' }, `${t(locale, 'viewer.branch')}: ${c.totals.branch.toFixed(1)}`),
      ),
    ),
  );
}

export function forkPanel(session: ReplaySession, locale: Locale, initial: { team: string; round: number }, host: ForkHost): HTMLElement {
  const state = session.debrief.state;
  const people = state.teams.filter((x) => !x.bot);
  const teamSelect = h('select', { id: 'fork-team' });
  for (const x of people) teamSelect.add(new Option(x.name, x.id, false, x.id === initial.team));
  const roundSelect = h('select', { id: 'fork-round' });
  for (let r = 1; r <= state.history.length; r++) roundSelect.add(new Option(t(locale, 'viewer.round-label', { round: r }), String(r), false, r === Math.max(1, initial.round)));
  const result = h('div', { class: 'fork-result', role: 'status' });

  const run = async (team: string, round: number, change: { decisions?: Decisions; move?: MoveChange }) => {
    host.editor(null);
    fill(result, h('p', { class: 'busy-note' }, t(locale, change.move ? 'viewer.move-fork-running' : 'viewer.fork-running')));
    await nextFrame();
    const f = forkSession(session.header, session.events, { atRound: round, team, ...change, createdAt: new Date().toISOString() });
    if (!f.ok) return fill(result, h('p', { class: 'error', role: 'alert' }, t(locale, 'viewer.fork-failed', { reason: describeRejection({ kind: 'rejected', code: f.code, ...(f.params ? { params: f.params } : {}) }, locale) })));
    const events = f.branch.log.events;
    const opened = replayFromEvents(f.branch.log.header, events, events.at(-1)?.hash ?? '');
    if (!opened.ok) return fill(result, h('p', { class: 'error', role: 'alert' }, t(locale, 'viewer.fork-failed', { reason: t(locale, `viewer.${opened.code === 'bad-log' ? 'not-a-session' : opened.code}`) })));
    const branch = opened.session;
    const c = branchComparison(state, branch.debrief.state, team)!;
    const teamName = people.find((x) => x.id === team)?.name ?? team;
    const text = () => [...logLines(f.branch.log.header, events)].join('\n') + '\n';
    fill(
      result,
      h('h4', {}, t(locale, change.move && !change.decisions ? 'viewer.branch-title-move' : 'viewer.branch-title', { team: teamName, round })),
      f.notes.length
        ? h(
            'div',
            { class: 'fork-notes', id: 'fork-notes' },
            h('p', { class: 'help' }, t(locale, 'viewer.fork-notes', { count: f.notes.length })),
            h(
              'ul',
              { class: 'help' },
              f.notes.map((n) =>
                h('li', {}, t(locale, 'viewer.fork-note', { seq: n.seq, type: n.type, round: n.round, reason: describeRejectionIn({ kind: 'rejected', code: n.code, ...(n.params ? { params: n.params } : {}) }, locale, state.scenario) })),
              ),
            ),
          )
        : null,
      branchTable(c, locale),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', id: 'branch-export', onclick: () => downloadText(`shapan-branch-${team}-r${round}-${(events.at(-1)?.hash ?? '').slice(0, 12)}.jsonl`, text(), 'application/x-ndjson') }, t(locale, 'viewer.export-branch')),
        h('button', { type: 'button', id: 'branch-replay', onclick: () => host.replay(branch, round) }, t(locale, 'viewer.replay-branch')),
      ),
    );
  };

  const edit = () => {
    const team = teamSelect.value;
    const round = Number(roundSelect.value);
    const closed = session.events.find((e) => e.type === 'RoundClosed' && e.payload.round === round);
    if (!closed) return;
    // The round as it stood just before it closed: the form opens on what the team had submitted.
    const at = session.seek(closed.seq - 1);
    const last = session.events[closed.seq - 2]!;
    const view = { id: `fork-${team}-${round}-${Date.now()}`, team, difficulty: 'standard' as const, header: session.header, state: at, head: { seq: last.seq, hash: last.hash }, before: null };
    void host.region.show(at, locale, { team });
    const teamName = people.find((x) => x.id === team)?.name ?? team;
    const cancel = h('button', { type: 'button', id: 'fork-cancel', onclick: () => host.editor(null) }, t(locale, 'viewer.fork-cancel'));
    host.editor(
      decideScreen(view, locale, host.region.pane, { submit: (d) => void run(team, round, { decisions: d }), negotiate: () => undefined, briefing: () => host.editor(null) }, '', {
        heading: t(locale, 'viewer.fork-heading', { team: teamName, round }),
        submitLabel: t(locale, 'viewer.fork-run'),
        notice: h('div', { class: 'fork-notice' }, h('p', {}, t(locale, 'viewer.fork-heading-help', { team: teamName, round })), cancel),
      }),
    );
  };

  // Or change one of the team's negotiation moves in that round (moveFork.ts).
  const editMove = () => {
    const team = teamSelect.value;
    const round = Number(roundSelect.value);
    host.editor(moveForkEditor(session, locale, team, round, { run: (move) => void run(team, round, { move }), cancel: () => host.editor(null) }));
  };

  return h(
    'section',
    { class: 'card', id: 'replay-fork' },
    h('h3', {}, t(locale, 'viewer.fork')),
    h('p', { class: 'help' }, t(locale, 'viewer.fork-help')),
    h(
      'div',
      { class: 'row' },
      h('label', {}, `${t(locale, 'viewer.fork-round')} `, roundSelect),
      h('label', {}, `${t(locale, 'viewer.fork-team')} `, teamSelect),
      h('button', { type: 'button', id: 'fork-edit', class: 'primary', onclick: edit }, t(locale, 'viewer.fork-edit')),
      h('button', { type: 'button', id: 'fork-move', onclick: editMove }, t(locale, 'viewer.fork-move')),
    ),
    result,
  );
}
