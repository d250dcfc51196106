import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { logLines } from '../../../engine/core/jsonl.ts';
import { playLedger } from '../../../engine/core/demo/ledgerScript.ts';
import { scorecard } from '../../../engine/model/scorecard.ts';
import { groupFigures, shareOver, teamFigures } from '../../../ui/report/reportModel.ts';
import { readDebriefSession } from '../../../ui/report/sessionLog.ts';
import { debriefOf, playedSession, teamSession } from './debriefSessions.ts';

const text = (s: ReturnType<typeof teamSession>, header = s.header) => [...logLines(header, s.log.events)].join('\n') + '\n';

describe('readDebriefSession', () => {
  const played = teamSession('report-read');

  it('verifies the log, re-runs it and keeps the state after every round', async () => {
    const read = await readDebriefSession([text(played)]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.session.rounds).toHaveLength(4);
    expect(read.session.rounds.map((s) => s.history.length)).toEqual([1, 2, 3, 4]);
    expect(read.session.head).toBe(played.log.headHash);
    expect(read.session.state.status).toBe('ended');
  });

  it('refuses a log whose header hides the seed, a demo log, a session with no round and a damaged log', async () => {
    const { seed: _hidden, ...hidden } = played.header;
    expect(await readDebriefSession([text(played, hidden)])).toEqual({ ok: false, code: 'no-seed' });
    const demo = playLedger('report', 30);
    expect(await readDebriefSession([[...logLines(demo.header, demo.log.events)].join('\n') + '\n'])).toEqual({ ok: false, code: 'not-a-session' });
    const fresh = playedSession({ teams: [{ id: 'a', name: 'A', firm: 'team-1' }], rounds: 0, end: false });
    expect(await readDebriefSession([text(fresh)])).toEqual({ ok: false, code: 'no-rounds' });
    const lines = text(played).split('\n');
    lines[5] = lines[5]!.replace('"round":1', '"round":2');
    const damaged = await readDebriefSession([lines.join('\n')]);
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.code).toBe('bad-log');
  });

  it('reads the committed parallel-mode log', async () => {
    const read = await readDebriefSession([await readFile('tests/golden/workshop-parallel.jsonl', 'utf8')]);
    expect(read.ok).toBe(true);
  });
});

describe('teamFigures', () => {
  const session = debriefOf(teamSession('report-model'));
  const { state } = session;
  const one = teamFigures(session, state.teams[0]!);

  it('follows the team round by round', () => {
    expect(one.rounds).toEqual([1, 2, 3, 4]);
    for (const series of [one.scores, one.revenue, one.profit, one.shareBp, one.morale, one.leavers, one.hires, one.reps, one.pricePm]) expect(series).toHaveLength(4);
    expect(one.revenue).toEqual(state.history.map((h) => h[0]!.firms[0]!.pnl.revenue));
    expect(one.morale).toEqual(state.history.map((h) => h[0]!.firms[0]!.morale));
    expect(one.shareBp[3]).toBe(shareOver(state.history[3]![0]!, 0, one.territories.map((t) => t.id)));
  });

  it('scores every round with the engine scorecard, the last equal to the final one', () => {
    const final = scorecard(state.markets[0]!, state.scenario!, state.history.map((h) => h[0]!))[0]!;
    expect(one.final).toEqual(final);
    expect(one.scores.at(-1)!.total).toBe(final.total);
    for (const s of one.scores) for (const v of Object.values(s.perspectives)) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('sums the funnel over the rounds and names the leakiest stage past qualification', () => {
    const leads = state.history.reduce((s, h) => s + h[0]!.firms[0]!.funnel.leads, 0);
    expect(one.funnel.counts[0]).toBeCloseTo(leads, 6);
    expect(one.funnel.leakiest).toBeGreaterThanOrEqual(1);
    const k = one.funnel.leakiest;
    for (const j of [1, 2, 3]) expect(one.funnel.lossRates[k]!).toBeGreaterThanOrEqual(one.funnel.lossRates[j]!);
  });

  it('sums KPI weeks and lights per territory', () => {
    for (const k of one.kpis) {
      expect(k.weeks).toBe(16);
      expect(k.green + k.yellow + k.red).toBe(k.weeks);
      expect(k.attainment).toBeCloseTo(k.revenue / k.target, 9);
    }
  });

  it('keeps the firm\'s own "why" items and the market\'s shocks, and its biggest swings', () => {
    expect(one.explanations.every((e) => e.firm === 0 || e.firm === -1)).toBe(true);
    expect(one.explanations.some((e) => e.code === 'why.shock.downturn')).toBe(true);
    expect(one.swings.length).toBeGreaterThan(0);
    expect(one.swings.length).toBeLessThanOrEqual(3);
    expect(one.swings.map((s) => s.round)).toEqual([...one.swings.map((s) => s.round)].sort((a, b) => a - b));
  });

  it('gives the scenario\'s debrief moments in round order', () => {
    expect(one.moments.map((m) => m.prompt.id)).toContain('first-targets');
    expect(one.moments.map((m) => m.round)).toEqual([...one.moments.map((m) => m.round)].sort((a, b) => a - b));
  });

  it('counts key accounts from the team\'s side', () => {
    for (const a of one.accounts) {
      if (a.effect === 'won') expect(a.to).toBe(0);
      if (a.effect === 'lost') expect(a.from).toBe(0);
    }
  });
});

describe('groupFigures', () => {
  it('ranks the teams by their final scorecard total', () => {
    const group = groupFigures(debriefOf(teamSession('report-group')));
    expect(group.teams.map((t) => t.team.id)).toEqual(['t1', 't2', 'ai']);
    const totals = group.standings.map((id) => group.teams.find((t) => t.team.id === id)!.final.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('puts each team of a parallel session in its own market', () => {
    const session = debriefOf(playedSession({ mode: 'parallel', rounds: 2, teams: [{ id: 'a', name: 'A', firm: 'team-1' }, { id: 'b', name: 'B', firm: 'team-1', bot: 'balanced' }] }));
    const group = groupFigures(session);
    expect(group.teams.map((t) => [t.market, t.firm])).toEqual([[0, 0], [1, 0]]);
    expect(group.teams[1]!.revenue).toEqual(session.state.history.map((h) => h[1]!.firms[0]!.pnl.revenue));
  });

  it('handles a single round', () => {
    const group = groupFigures(debriefOf(playedSession({ rounds: 1, teams: [{ id: 'solo', name: 'Solo', firm: 'team-1' }] })));
    const solo = group.teams[0]!;
    expect(solo.rounds).toEqual([1]);
    expect(solo.swings).toEqual([]);
    expect(solo.kpis.every((k) => k.weeks === 4)).toBe(true);
  });
});
