import { describe, expect, it } from 'vitest';
import { Aggregate } from '../../../engine/core/aggregate.ts';
import type { Actor } from '../../../engine/core/envelope.ts';
import { createHeader } from '../../../engine/core/header.ts';
import { ENGINE_VERSION } from '../../../engine/core/version.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import type { SessionCommand } from '../../../engine/session/commands.ts';
import { sessionDecider } from '../../../engine/session/decider.ts';
import { isSealed, playerState, viewOfEvent, type Viewer } from '../../../engine/session/playerView.ts';
import type { SessionState } from '../../../engine/session/state.ts';
import { firmIndexOf } from '../../../engine/session/teams.ts';
import { aiTeamName, maxTeams, teamSlots, validateCreate, workshopScenarios, type CreateDraft } from '../../../ui/view/createSession.ts';
import { endView } from '../../../ui/view/endView.ts';
import { normaliseCode, validateJoin, joinFieldOf } from '../../../ui/view/joinForm.ts';
import { teamContext } from '../../../ui/view/session.ts';
import { draftFrom, emptyDraft, shockFromDraft, shockId } from '../../../ui/view/shockDraft.ts';
import { clockText, leaderboardView, remainingMs, rosterView, submissionsThisRound, workshopPhase } from '../../../ui/view/workshopView.ts';
import { parseRoute, routeHash, routeLink } from '../../../ui/workshop/routes.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const NOW = '2026-11-29T00:00:00.000Z';

/** A live workshop as the server runs it: two teams of people and one AI team in the shared market. */
function liveSession(mode: 'shared' | 'parallel' = 'shared') {
  const { scenario, hash } = workshop();
  const header = createHeader({ engineVersion: ENGINE_VERSION, scenario: { id: scenario.id, hash }, seed: 'ws-view', createdAt: NOW, hideSeed: true });
  const agg = Aggregate.create(sessionDecider('ws-view'), header);
  let n = 0;
  const run = (actor: Actor, command: SessionCommand) => {
    const r = agg.handle({ id: `c${++n}`, actor, ts: NOW, command });
    if (r.kind !== 'accepted') throw new Error(JSON.stringify(r));
    return r;
  };
  const facilitator: Actor = { kind: 'facilitator', id: 'facilitator' };
  const teams =
    mode === 'shared'
      ? [
          { id: 'team-1', name: 'Falcons', firm: 'team-1' },
          { id: 'team-2', name: 'Pandas', firm: 'team-2' },
          { id: 'team-3', name: 'AI 1', firm: 'team-3', bot: 'balanced' },
        ]
      : [
          { id: 'team-1', name: 'Falcons', firm: 'team-1' },
          { id: 'team-2', name: 'Pandas', firm: 'team-1' },
        ];
  run(facilitator, { type: 'CreateSession', scenario, scenarioHash: hash, mode, teams });
  run({ kind: 'team', id: 'team-1' }, { type: 'JoinTeam', team: 'team-1', member: 'Li' });
  run({ kind: 'team', id: 'team-1' }, { type: 'JoinTeam', team: 'team-1', member: 'Wang' });
  run({ kind: 'team', id: 'team-2' }, { type: 'JoinTeam', team: 'team-2', member: 'Chen' });
  const submit = (team: string, member: string) => {
    const state = agg.state as SessionState;
    const t = state.teams.find((x) => x.id === team)!;
    const m = state.mode === 'shared' ? 0 : state.teams.indexOf(t);
    run({ kind: 'team', id: team }, { type: 'SubmitDecisions', team, member, decisions: defaultDecisions(state.markets[m]!, scenario, firmIndexOf(state, t)) });
  };
  return { agg, run, facilitator, submit, state: () => agg.state as SessionState };
}

const seen = (agg: ReturnType<typeof liveSession>['agg'], viewer: Viewer) => ({
  events: agg.log.events.map((e) => viewOfEvent(e as never, viewer)),
  state: playerState(agg.state as SessionState, viewer),
});

describe('workshop routes', () => {
  it('read the fragment, keep tokens out of anything but it, and write it back', () => {
    expect(parseRoute('')).toEqual({ page: 'solo' });
    expect(parseRoute('#/')).toEqual({ page: 'solo' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'solo' });
    expect(parseRoute('#/facilitate')).toEqual({ page: 'facilitate', session: '', token: '', observer: '' });
    expect(parseRoute('#/facilitate?s=0123456789abcdef&t=tok_en-1')).toEqual({ page: 'facilitate', session: '0123456789abcdef', token: 'tok_en-1', observer: '' });
    expect(parseRoute('#/join?code=K7M2QX')).toEqual({ page: 'join', code: 'K7M2QX' });
    expect(parseRoute('#/team?s=abc')).toEqual({ page: 'team', session: 'abc' });
    expect(parseRoute('#/projector?s=abc&t=xyz')).toEqual({ page: 'projector', session: 'abc', token: 'xyz', code: '' });
    expect(parseRoute('#/replay')).toEqual({ page: 'replay', session: '' });
    expect(parseRoute('#/replay?s=0123456789abcdef')).toEqual({ page: 'replay', session: '0123456789abcdef' });
    // Anything that is not an id or a token is dropped rather than carried into a request.
    expect(parseRoute('#/team?s=<script>')).toEqual({ page: 'team', session: '' });
    for (const hash of ['#/facilitate?s=a&t=b&o=c', '#/join?code=K7M2QX', '#/team?s=abc', '#/projector?s=abc&t=xyz', '#/projector?s=abc&t=xyz&c=K7M2QX', '#/replay', '#/replay?s=abc']) expect(routeHash(parseRoute(hash))).toBe(hash);
    expect(routeLink('http://localhost:8080/#/old', { page: 'join', code: 'K7M2QX' })).toBe('http://localhost:8080/#/join?code=K7M2QX');
  });
});

describe('the create form', () => {
  const draft = (over: Partial<CreateDraft> = {}): CreateDraft => ({
    scenario: 'workshop',
    seed: '',
    mode: 'shared',
    teamNames: ['Falcons', 'Pandas'],
    fillWithAi: true,
    roundMinutes: '20',
    locale: 'zh-CN',
    ...over,
  });

  it('fills the empty slots of a shared market with AI teams named in the session language', () => {
    const slots = workshopScenarios().find((s) => s.id === 'workshop')!.slots;
    expect(slots).toBe(workshop().scenario.firms.filter((f) => f.kind === 'team').length);
    const r = validateCreate(draft());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message).toEqual({
      type: 'create',
      scenario: 'workshop',
      mode: 'shared',
      teams: [{ name: 'Falcons' }, { name: 'Pandas' }, ...Array.from({ length: slots - 2 }, (_, i) => ({ name: aiTeamName('zh-CN', i + 1), bot: 'balanced' }))],
      roundSeconds: 1200,
      locale: 'zh-CN',
    });
    expect(aiTeamName('zh-CN', 1)).toBe('电脑 1');
  });

  it('sends no AI teams when asked not to or in parallel markets, and keeps a typed seed', () => {
    const off = validateCreate(draft({ fillWithAi: false, seed: '  spring-2027 ' }));
    expect(off.ok && off.message.teams).toHaveLength(2);
    expect(off.ok && off.message.seed).toBe('spring-2027');
    const parallel = validateCreate(draft({ mode: 'parallel', roundMinutes: '0' }));
    expect(parallel.ok && parallel.message.teams).toHaveLength(2);
    expect(parallel.ok && parallel.message.roundSeconds).toBe(0);
    expect(maxTeams('parallel', 3)).toBe(12);
    expect(teamSlots({ firms: [{ kind: 'team' }, { kind: 'brand' }, { kind: 'team' }] })).toBe(2);
  });

  it('says what is wrong at the field it belongs to', () => {
    const r = validateCreate(draft({ teamNames: ['Falcons', ' ', 'Falcons'], roundMinutes: '2o', seed: 'x'.repeat(61) }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.field, p.key])).toEqual([
      ['seed', 'workshop.create.seed-long'],
      ['team-1', 'workshop.create.team-name-empty'],
      ['team-2', 'workshop.create.team-name-twice'],
      ['minutes', 'workshop.create.minutes-nan'],
    ]);
    const tooMany = validateCreate(draft({ teamNames: Array.from({ length: 9 }, (_, i) => `T${i}`) }));
    expect(!tooMany.ok && tooMany.problems[0]).toMatchObject({ field: 'teams', key: 'workshop.create.team-count', params: { min: 1, max: 8 } });
    const long = validateCreate(draft({ roundMinutes: '300' }));
    expect(!long.ok && long.problems[0]!.field).toBe('minutes');
    expect(validateCreate(draft({ scenario: 'benchmark' })).ok).toBe(false);
  });
});

describe('the join form', () => {
  it('takes a code the way people type it, a name, and an optional team number', () => {
    expect(normaliseCode(' k7m-2qx ')).toBe('K7M2QX');
    expect(validateJoin({ code: 'k7m 2qx', name: ' Li ', team: '' })).toEqual({ ok: true, request: { code: 'K7M2QX', name: 'Li' } });
    expect(validateJoin({ code: 'K7M2QX', name: 'Li', team: '2' })).toEqual({ ok: true, request: { code: 'K7M2QX', name: 'Li', team: 'team-2' } });
    const bad = validateJoin({ code: 'K0M2QX', name: '', team: 'two' });
    expect(!bad.ok && bad.problems.map((p) => [p.field, p.key])).toEqual([
      ['code', 'workshop.join.code-shape'],
      ['name', 'workshop.join.name-empty'],
      ['team', 'workshop.join.team-number'],
    ]);
    expect(joinFieldOf('code', 'server.bad-code')).toBe('code');
    expect(joinFieldOf(undefined, 'server.team-full')).toBe('team');
    expect(joinFieldOf(undefined, 'server.join-rate')).toBe('');
  });
});

describe('a shock draft', () => {
  const { scenario } = workshop();

  it('copies a scenario shock into the open round under an id nothing else uses', () => {
    const template = scenario.shocks[0]!;
    const taken = scenario.shocks.map((s) => s.id);
    const r = shockFromDraft(draftFrom(template), scenario, 2, taken);
    expect(r).toEqual({ ok: true, shock: { ...template, id: `${template.id}-r2`, round: 2 } });
    expect(shockId(draftFrom(template), 2, [...taken, `${template.id}-r2`])).toBe(`${template.id}-r2-2`);
  });

  it('refuses what the engine would refuse, at the field', () => {
    const base = { ...emptyDraft(), title: { 'zh-CN': '需求下滑', 'zh-TW': '需求下滑', en: 'Downturn' } };
    expect(shockFromDraft(base, scenario, 1, []).ok).toBe(true);
    const strong = shockFromDraft({ ...base, kind: 'downturn', magnitudePm: '1500' }, scenario, 1, []);
    expect(!strong.ok && strong.problems[0]).toMatchObject({ field: 'magnitude', key: 'workshop.shock.magnitude-range', params: { max: 1000 } });
    const r = shockFromDraft({ ...base, duration: '0', magnitudePm: '-5', title: { ...base.title, en: ' ' } }, scenario, 1, []);
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual(['magnitude', 'duration', 'title-en']);
    const nowhere = shockFromDraft({ ...base, territory: 'atlantis' }, scenario, 1, []);
    expect(!nowhere.ok && nowhere.problems[0]!.field).toBe('territory');
    // A price war has no strength: an empty box is fine.
    expect(shockFromDraft({ ...base, kind: 'price-war', magnitudePm: '' }, scenario, 1, []).ok).toBe(true);
  });
});

describe('a live session as the workshop pages see it', () => {
  it('knows who submitted this round: a team sees that the other team did, not who or what', () => {
    const s = liveSession();
    expect(workshopPhase(s.state())).toBe('lobby');
    s.run(s.facilitator, { type: 'OpenRound' });
    expect(workshopPhase(s.state())).toBe('open');
    s.submit('team-1', 'Wang');

    const pandas = seen(s.agg, { kind: 'team', team: 'team-2' });
    expect(pandas.events.filter(isSealed).map((e) => e.type)).toContain('DecisionsSubmitted');
    const subs = submissionsThisRound(pandas.state, pandas.events);
    expect([...subs.values()].map((x) => [x.team, x.member])).toEqual([['team-1', '']]);
    const roster = rosterView(pandas.state, pandas.events);
    expect(roster.rows.map((r) => [r.name, r.ai, r.members, r.submitted])).toEqual([
      ['Falcons', false, ['Li', 'Wang'], true],
      ['Pandas', false, ['Chen'], false],
      ['AI 1', true, [], false],
    ]);
    expect([roster.submitted, roster.waitingFor]).toEqual([1, 2]);

    const falcons = seen(s.agg, { kind: 'team', team: 'team-1' });
    expect(rosterView(falcons.state, falcons.events).rows[0]!.by).toBe('Wang');
    const boss = seen(s.agg, { kind: 'facilitator' });
    expect(rosterView(boss.state, boss.events).rows[0]!.by).toBe('Wang');
    // A resubmission by a teammate is the one that counts.
    s.submit('team-1', 'Li');
    const again = seen(s.agg, { kind: 'team', team: 'team-1' });
    expect(submissionsThisRound(again.state, again.events).get('team-1')!.member).toBe('Li');
  });

  it('ranks every firm of the shared market on the scorecard once a round is resolved, teams by their names', () => {
    const s = liveSession();
    expect(leaderboardView(s.state(), 'en')).toEqual({ rounds: 0, rows: [] });
    s.run(s.facilitator, { type: 'OpenRound' });
    s.submit('team-1', 'Li');
    s.submit('team-2', 'Chen');
    s.run(s.facilitator, { type: 'CloseRound' });
    const observer = seen(s.agg, { kind: 'observer' });
    expect(workshopPhase(observer.state)).toBe('between');
    expect(submissionsThisRound(observer.state, observer.events).size).toBe(0);
    const board = leaderboardView(observer.state, 'en');
    expect(board.rounds).toBe(1);
    const kinds = Object.fromEntries(board.rows.map((r) => [r.name, r.kind]));
    expect(kinds).toMatchObject({ Falcons: 'team', Pandas: 'team', 'AI 1': 'ai-team' });
    expect(board.rows.some((r) => r.kind === 'rival')).toBe(true);
    expect(board.rows.map((r) => r.total)).toEqual([...board.rows.map((r) => r.total)].sort((a, b) => b - a));
    expect(board.rows[0]!.rank).toBe(1);
    // Empty team slots stay off the board.
    expect(board.rows.some((r) => /^Team \d$/.test(r.name))).toBe(false);

    // A team's own scorecard names the other teams too.
    const standings = endView(observer.state, 'en', 'team-2').standings.map((x) => x.name);
    expect(standings).toEqual(expect.arrayContaining(['Falcons', 'Pandas', 'AI 1']));
    expect(teamContext(observer.state, 'team-2').scenario.firms.find((f) => f.id === 'team-1')!.name.en).toBe('Falcons');
  });

  it('in parallel markets compares the teams only, each in its own copy of the market', () => {
    const s = liveSession('parallel');
    s.run(s.facilitator, { type: 'OpenRound' });
    s.run(s.facilitator, { type: 'CloseRound' });
    const board = leaderboardView(seen(s.agg, { kind: 'observer' }).state, 'zh-CN');
    expect(board.rows.map((r) => [r.name, r.kind]).sort()).toEqual([
      ['Falcons', 'team'],
      ['Pandas', 'team'],
    ]);
  });
});

describe('the round clock', () => {
  it('counts down from the last reading while running, stands still while paused', () => {
    expect(remainingMs({ kind: 'off' }, 5000)).toBeNull();
    expect(remainingMs({ kind: 'running', remainingMs: 90_000 }, 30_000)).toBe(60_000);
    expect(remainingMs({ kind: 'running', remainingMs: 1000 }, 30_000)).toBe(0);
    expect(remainingMs({ kind: 'paused', remainingMs: 90_000 }, 30_000)).toBe(90_000);
    expect(clockText(125_000)).toBe('2:05');
    expect(clockText(124_001)).toBe('2:05');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(3_725_000)).toBe('1:02:05');
  });
});
