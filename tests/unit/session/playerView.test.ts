import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../engine/core/canonicalJson.ts';
import { hashOf } from '../../../engine/core/hash.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { isSealed, playerState, viewOfEvent, type Viewer } from '../../../engine/session/playerView.ts';
import { SessionView } from '../../../engine/session/sessionView.ts';
import { sessionDriver, workshopScenario } from '../../support/teamSession.ts';

const { scenario } = workshopScenario();
const SEED = 'player-view-seed';
const renewing = [...scenario.keyAccounts].sort((a, b) => a.contractEnd - b.contractEnd)[0]!;

/** Two teams; team one negotiates with the first account up for renewal and both submit. */
function playedSession() {
  const { s, as, fac, create } = sessionDriver(SEED, { hideSeed: true });
  create([
    { id: 't1', name: 'One', firm: 'team-1' },
    { id: 't2', name: 'Two', firm: 'team-2' },
  ]);
  for (let r = 1; r < renewing.contractEnd; r++) {
    fac({ type: 'OpenRound' });
    fac({ type: 'CloseRound' });
  }
  fac({ type: 'OpenRound' });
  for (const [team, firm] of [['t1', 0], ['t2', 1]] as const) {
    as({ kind: 'team', id: team })({ type: 'SubmitDecisions', team, decisions: defaultDecisions(s.state.markets[0]!, scenario, firm), member: `${team}-member` });
  }
  const owner = s.state.teams.find((t) => s.state.markets[0]!.firms[s.state.scenario!.firms.findIndex((f) => f.id === t.firm)]!.territories.includes(renewing.territory))!;
  const team = as({ kind: 'team', id: owner.id });
  team({ type: 'StartNegotiation', team: owner.id, account: renewing.id });
  team({ type: 'NegotiationMove', team: owner.id, account: renewing.id, move: { kind: 'situation' } });
  return { s, owner: owner.id, other: owner.id === 't1' ? 't2' : 't1', fac };
}

describe('what each viewer of a live session may see', () => {
  const { s, owner, other, fac } = playedSession();
  const team = (id: string): Viewer => ({ kind: 'team', team: id });

  it("seals another team's decisions and negotiation moves, keeping their place in the chain", () => {
    const events = s.log.events.map((e) => viewOfEvent(e, team(other)));
    const submitted = events.filter((e) => e.type === 'DecisionsSubmitted');
    expect(submitted.map((e) => [e.actor.id, isSealed(e)])).toEqual([
      ['t1', other !== 't1'],
      ['t2', other !== 't2'],
    ]);
    for (const e of events.filter((x) => x.type.startsWith('Negotiation'))) expect(isSealed(e)).toBe(true);
    for (const e of s.log.events.map((x) => viewOfEvent(x, { kind: 'observer' }))) {
      if (['DecisionsSubmitted', 'NegotiationStarted', 'NegotiationMoved'].includes(e.type)) expect(isSealed(e)).toBe(true);
    }
    expect(s.log.events.map((e) => viewOfEvent(e, { kind: 'facilitator' })).some(isSealed)).toBe(false);
  });

  it('keeps only the viewer’s own plans and negotiations, and never a buyer’s hidden profile', () => {
    const theirs = playerState(s.state, team(other));
    expect(theirs.pending.map((p) => p.team)).toEqual([other]);
    expect(theirs.negotiations).toEqual([]);
    const mine = playerState(s.state, team(owner));
    const real = s.state.negotiations[0]!.negotiation.context;
    const shown = mine.negotiations[0]!.negotiation.context;
    expect(real.persona.reservationPm).toBeGreaterThan(0);
    expect(shown.persona).toMatchObject({ reservationPm: 0, alternative: { pricePm: 0, service: 0 }, patience: 0, objections: [] });
    for (const [attribute, weight] of Object.entries(shown.persona.weights)) {
      expect(weight).toBe(shown.revealedWeights.includes(attribute as never) ? real.persona.weights[attribute as keyof typeof real.persona.weights] : 0);
    }
    expect(shown.history.every((h) => h.targetPm === 0)).toBe(true);
    expect(canonicalJson(mine)).not.toContain(`"reservationPm":${real.persona.reservationPm}`);
    // The facilitator sees every team's plans, but the buyer's profile stays hidden from everyone while the session runs.
    const facilitator = playerState(s.state, { kind: 'facilitator' });
    expect(facilitator.pending).toHaveLength(2);
    expect(facilitator.negotiations[0]!.negotiation.context.persona.reservationPm).toBe(0);
    expect(canonicalJson(s.log.events.map((e) => viewOfEvent(e, team(other))))).not.toContain(SEED);
  });

  it('hides nothing once the session has ended', () => {
    fac({ type: 'CloseRound' });
    fac({ type: 'EndSession' });
    expect(playerState(s.state, team(other))).toBe(s.state);
  });
});

describe("a client's copy of the log", () => {
  const { s, other } = playedSession();
  const viewer: Viewer = { kind: 'team', team: other };
  const all = s.log.events.map((e) => viewOfEvent(e, viewer));
  const state = playerState(s.state, viewer);
  const start = (events = all) => SessionView.start(s.log.header, s.log.headerHash, events, state);

  it('follows the chain through sealed events and folds what it can', () => {
    const split = all.length - 3;
    const view = start(all.slice(0, split));
    if (typeof view === 'string') throw new Error(view);
    expect(view.accept(all.slice(split))).toBeNull();
    expect(view.head).toBe(s.log.headHash);
    // A resend of what it holds is fine; the state is the host's view.
    expect(view.accept(all.slice(split - 2))).toBeNull();
    expect(view.lastSeq).toBe(s.log.lastSeq);
    expect(hashOf(view.state.markets)).toBe(hashOf(state.markets));
  });

  it('refuses a gap, an edited event, a broken link or a state that contradicts the logged results, and keeps what it had', () => {
    const view = start(all.slice(0, 5));
    if (typeof view === 'string') throw new Error(view);
    const before = { seq: view.lastSeq, head: view.head, state: view.state };
    expect(view.accept(all.slice(6))).toMatch(/missing/);
    const edited = { ...all[5]!, round: 99 } as (typeof all)[number];
    expect(view.accept([edited])).toMatch(/hash/);
    const relinked = { ...all[5]!, prevHash: 'f'.repeat(64) } as (typeof all)[number];
    expect(view.accept([relinked])).toMatch(/chain/);
    const resolvedAt = all.findLastIndex((e) => e.type === 'RoundResolved');
    const round = all[resolvedAt]!.round;
    expect(resolvedAt).toBeGreaterThan(5);
    const lying = { ...state, history: state.history.map((h, i) => (i === round - 1 ? h.map((o) => ({ ...o, round: 42 })) : h)) };
    expect(view.accept(all.slice(5, resolvedAt + 1), lying)).toMatch(new RegExp(`round ${round}`));
    expect({ seq: view.lastSeq, head: view.head, state: view.state }).toEqual(before);
    expect(start().constructor).toBe(SessionView);
    expect(SessionView.start(s.log.header, 'a'.repeat(64), all, state)).toMatch(/header/);
  });
});
