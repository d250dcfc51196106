/**
 * Compare: side A and side B, each a team and a round (two teams in one round, or one team in
 * two rounds), as a table of decisions and results with the difference. The two preset buttons
 * start from the round under the scrubber, so scrubbing to a round and pressing one compares it.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { formatBp, formatCount, formatMoney, formatPm, formatPointsChange, signed } from '../view/format.ts';
import { compareSides, type CompareRow, type Side } from './compare.ts';
import type { ReplaySession } from './replaySession.ts';

/** A figure in the units a trainee reads: 元 or 万元, counts, and rates as %. */
function value(locale: Locale, unit: CompareRow['unit'], n: number): string {
  if (unit === 'yuan') return formatMoney(locale, n);
  if (unit === 'permille') return formatPm(locale, n);
  if (unit === 'bp') return formatBp(locale, n);
  return formatCount(locale, n);
}

/** B − A: money and counts with their sign, a difference of rates in percentage points. */
function difference(locale: Locale, unit: CompareRow['unit'], n: number): string {
  if (n === 0) return '±0';
  if (unit === 'permille' || unit === 'bp') return formatPointsChange(locale, unit === 'permille' ? n / 10 : n / 100);
  return signed(unit === 'yuan' ? formatMoney(locale, Math.abs(n)) : formatCount(locale, Math.abs(n)), n);
}

export function comparePanel(session: ReplaySession, locale: Locale, initial: { team: string; round: number }, scrubbed: () => number = () => initial.round): HTMLElement {
  const state = session.debrief.state;
  const rounds = state.history.length;
  const teams = state.teams;
  const other = teams.find((x) => x.id !== initial.team)?.id ?? initial.team;
  const select = (id: string, options: [string, string][], value: string) => {
    const s = h('select', { id });
    for (const [v, label] of options) s.add(new Option(label, v, false, v === value));
    s.addEventListener('change', draw);
    return s;
  };
  const teamOptions = teams.map((x) => [x.id, x.name] as [string, string]);
  const roundOptions = Array.from({ length: rounds }, (_, i) => [String(i + 1), t(locale, 'viewer.round-label', { round: i + 1 })] as [string, string]);
  const round = String(Math.max(1, Math.min(rounds, initial.round)));
  const teamA = select('compare-team-a', teamOptions, initial.team);
  const roundA = select('compare-round-a', roundOptions, round);
  const teamB = select('compare-team-b', teamOptions, other);
  const roundB = select('compare-round-b', roundOptions, round);
  const table = h('div', { class: 'compare-table' });
  const preset = (mode: 'teams' | 'rounds') => {
    roundA.value = String(Math.max(1, Math.min(rounds, scrubbed())));
    if (mode === 'teams') {
      roundB.value = roundA.value;
      if (teamB.value === teamA.value) teamB.value = teams.find((x) => x.id !== teamA.value)?.id ?? teamA.value;
    } else {
      teamB.value = teamA.value;
      if (roundB.value === roundA.value) roundB.value = String(Number(roundA.value) > 1 ? Number(roundA.value) - 1 : Math.min(rounds, 2));
    }
    draw();
  };

  function draw(): void {
    const a: Side = { team: teamA.value, round: Number(roundA.value) };
    const b: Side = { team: teamB.value, round: Number(roundB.value) };
    const rows = compareSides(session.events, session.seek, state, a, b);
    if (!rows) return fill(table, h('p', { class: 'help' }, t(locale, 'viewer.compare-none')));
    const name = (s: Side) => `${teams.find((x) => x.id === s.team)?.name ?? s.team} · ${t(locale, 'viewer.round-label', { round: s.round })}`;
    const body = (group: 'decision' | 'result') => [
      h('tr', { class: 'group' }, h('th', { colspan: 4, scope: 'colgroup' }, t(locale, `viewer.group.${group}`))),
      ...rows
        .filter((r) => r.group === group)
        .map((r) =>
          h(
            'tr',
            { 'data-key': r.key, class: r.tone },
            h('th', { scope: 'row' }, t(locale, `viewer.figure.${r.key}`)),
            h('td', {}, value(locale, r.unit, r.a)),
            h('td', {}, value(locale, r.unit, r.b)),
            h('td', { class: 'delta' }, difference(locale, r.unit, r.delta)),
          ),
        ),
    ];
    fill(
      table,
      h(
        'table',
        { class: 'grid compare' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(locale, 'viewer.col.figure')), h('th', { scope: 'col' }, `A: ${name(a)}`), h('th', { scope: 'col' }, `B: ${name(b)}`), h('th', { scope: 'col' }, t(locale, 'viewer.col.diff')))),
        h('tbody', {}, body('decision'), body('result')),
      ),
    );
  }
  draw();
  return h(
    'section',
    { class: 'card', id: 'replay-compare' },
    h('h3', {}, t(locale, 'viewer.compare')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', id: 'compare-teams', onclick: () => preset('teams') }, t(locale, 'viewer.compare-teams')),
      h('button', { type: 'button', id: 'compare-rounds', onclick: () => preset('rounds') }, t(locale, 'viewer.compare-rounds')),
    ),
    h('div', { class: 'row' }, h('strong', {}, t(locale, 'viewer.side-a')), teamA, roundA, h('strong', {}, t(locale, 'viewer.side-b')), teamB, roundB),
    table,
  );
}
