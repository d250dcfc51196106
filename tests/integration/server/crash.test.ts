/**
 * The session server killed with SIGKILL: in the middle of a burst of commands, and while a
 * round clock runs. After a restart on the same SQLite file every acknowledged command is in the
 * log, no command is half there, the chain verifies, and the session carries on to its end.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../engine/core/envelope.ts';
import { verifyLog } from '../../../engine/core/verify.ts';
import { catalogFor, replayCheckerFor } from '../../../engine/kinds.ts';
import type { Decisions } from '../../../engine/model/decisions.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import type { SessionState } from '../../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../../engine/session/teams.ts';
import type { SessionClient } from '../../../ui/net/sessionClient.ts';
import { helloSocket, type Answer, type RawSocket } from '../../support/rawSocket.ts';
import { newClient, startServerProcess, until, type ServerProcess } from '../../support/serverProcess.ts';

const ENV = { SHAPAN_MESSAGES_PER_SECOND: '100000' };
const SEED = 'crash-test-seed-5d1e';
/** Acknowledgements to wait for before the kill; the burst keeps going until the process is gone. */
const KILL_AFTER_ACKS = 150;
/** Messages each team keeps in flight; the facilitator keeps one. */
const WINDOW = 8;
/** OpenRound commands in the burst at most (the workshop has 12 rounds): rounds remain to finish the session. */
const MAX_OPENS = 8;
/** Team acknowledgements in a round before team 3 submits (odd rounds) or the facilitator closes it (even rounds). */
const RARE_AFTER = 15;
const CLOSE_AFTER = 25;

const running: ServerProcess[] = [];
const clients: SessionClient[] = [];
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of sockets.splice(0)) s.close();
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
});

async function start(dataFile: string, port = 0): Promise<ServerProcess> {
  const server = await startServerProcess(dataFile, port, ENV);
  running.push(server);
  return server;
}

/** kill -9, and waits for the process to be gone. */
async function crash(server: ServerProcess): Promise<void> {
  await server.stop('SIGKILL');
  expect(server.child.signalCode).toBe('SIGKILL');
  running.splice(running.indexOf(server), 1);
}

function dataFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'shapan-crash-')), 'shapan.db');
}

function portOf(server: ServerProcess): number {
  return Number(new URL(server.url).port);
}

async function ok<T extends Answer>(answer: Promise<T>): Promise<T> {
  const a = await answer;
  if (a.type === 'refused') throw new Error(`refused: ${JSON.stringify(a)}`);
  return a;
}

function client(server: ServerProcess, name: string): SessionClient {
  const c = newClient(server.wsUrl, name);
  clients.push(c);
  return c;
}

async function raw(server: ServerProcess, token: string): Promise<RawSocket> {
  const s = await helloSocket(server.wsUrl, token);
  sockets.push(s);
  return s;
}

async function exportLog(server: ServerProcess, session: string, token: string): Promise<string> {
  const response = await fetch(`${server.url}api/sessions/${session}/log`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.text();
}

function eventsOf(log: string): EventEnvelope[] {
  return log
    .trim()
    .split('\n')
    .slice(1, -1)
    .map((l) => JSON.parse(l) as EventEnvelope);
}

/** A session of `teams` people's teams, each joined by one member; the facilitator and members as scripted browsers. */
async function workshop(server: ServerProcess, teams: number, roundSeconds: number) {
  const fac = client(server, 'fac');
  await fac.connect();
  const created = await ok(
    fac.send({ type: 'create', scenario: 'workshop', seed: SEED, mode: 'shared', teams: Array.from({ length: teams }, (_, i) => ({ name: `Team ${i + 1}` })), roundSeconds, locale: 'en' }),
  );
  if (created.type !== 'created') throw new Error(created.type);
  await ok(fac.enter(created.facilitatorToken));
  // The console shows the round length after a reload, so the welcome carries it.
  if (fac.identity?.roundSeconds !== roundSeconds) throw new Error(`welcome said roundSeconds ${fac.identity?.roundSeconds}, created with ${roundSeconds}`);
  const members: { client: SessionClient; token: string; team: string }[] = [];
  for (let i = 0; i < teams; i++) {
    const c = client(server, `m${i + 1}`);
    await c.connect();
    const joined = await ok(c.send({ type: 'join', code: created.joinCode, name: `Member ${i + 1}`, team: `team-${i + 1}` }));
    if (joined.type !== 'joined') throw new Error(joined.type);
    await ok(c.enter(joined.token));
    members.push({ client: c, token: joined.token, team: joined.team });
  }
  return { fac, created, members };
}

function decisionsFor(state: SessionState, teamId: string): Record<string, unknown> {
  const team = state.teams.find((t) => t.id === teamId)!;
  const decisions: Decisions = defaultDecisions(state.markets[marketIndexOf(state, teamId)]!, state.scenario!, firmIndexOf(state, team));
  return { ...decisions };
}

type Kind = 'SubmitDecisions' | 'CloseRound' | 'OpenRound';
interface Sent {
  readonly id: string;
  readonly sender: string;
  readonly kind: Kind;
}

describe('the session server killed with SIGKILL', () => {
  it('keeps every acknowledged command of a burst, never half a command, and the session resumes to a log that re-runs', async () => {
    const file = dataFile();
    let server = await start(file);
    const port = portOf(server);
    const { fac, created, members } = await workshop(server, 3, 0);
    await ok(fac.command({ type: 'OpenRound' }));

    // The burst goes over bare sockets, without waiting for answers.
    const facRaw = await raw(server, created.facilitatorToken);
    const teamRaw = await Promise.all(members.map((m) => raw(server, m.token)));
    const sent = new Map<string, Sent>();
    const acks: { sent: Sent; seq: number; duplicate: boolean }[] = [];
    const refused = new Set<string>();
    const answered = new Map<RawSocket, number>();
    let decisionsAt = -1;
    let decisions: Record<string, unknown>[] = [];
    let opens = 0;
    let n = 0;
    let dead = false;
    /** Team acknowledgements since the current round opened, and whether team 3 / the facilitator acted in it. */
    let roundAcks = 0;
    let rareSent = false;
    let facBusy = false;

    // The round as the facilitator's socket last heard: open after RoundOpened, closed after RoundResolved.
    const roundEvents = () => facRaw.events.filter((e) => e.type === 'RoundOpened' || e.type === 'RoundResolved');
    const current = (): Record<string, unknown>[] => {
      // Fresh decisions after each resolved round (the facilitator is sent the state with it).
      const resolved = facRaw.events.filter((e) => e.type === 'RoundResolved').length;
      if (resolved !== decisionsAt && facRaw.state) {
        decisionsAt = resolved;
        decisions = members.map((m) => decisionsFor(facRaw.state!, m.team));
      }
      return decisions;
    };
    const outstanding = (socket: RawSocket) => counts.get(socket)! - socket.answers.length;
    // Messages sent on each socket, counting its hello (answered by the welcome).
    const counts = new Map<RawSocket, number>([facRaw, ...teamRaw].map((s) => [s, s.answers.length]));
    const send = (socket: RawSocket, sender: string, kind: Kind) => {
      const id = `${sender}-${++n}`;
      sent.set(id, { id, sender, kind });
      counts.set(socket, counts.get(socket)! + 1);
      const command = kind === 'SubmitDecisions' ? { type: kind, decisions: current()[Number(sender.slice(4))]! } : { type: kind };
      socket.send({ type: 'command', id, command });
    };
    let seenRounds = 0;
    const pump = () => {
      if (dead) return;
      const rounds = roundEvents();
      if (rounds.length !== seenRounds) {
        seenRounds = rounds.length;
        if (rounds.at(-1)?.type === 'RoundOpened') {
          roundAcks = 0;
          rareSent = false;
        }
      }
      const open = rounds.at(-1)?.type === 'RoundOpened';
      const round = facRaw.events.filter((e) => e.type === 'RoundOpened').length;
      // Teams 1 and 2 revise without pause, keeping WINDOW submissions in flight (some land while
      // the round is closed and are refused).
      for (const i of [0, 1]) while (outstanding(teamRaw[i]!) < WINDOW) send(teamRaw[i]!, `team${i}`, 'SubmitDecisions');
      // In odd rounds team 3 submits once: the last submission missing, so the server closes the
      // round itself. Even rounds the facilitator closes (RoundClosed + RoundResolved, one command).
      if (open && round % 2 === 1 && !rareSent && roundAcks >= RARE_AFTER) {
        rareSent = true;
        send(teamRaw[2]!, 'team2', 'SubmitDecisions');
      }
      if (facBusy || outstanding(facRaw) > 0) return;
      if (open && round % 2 === 0 && roundAcks >= CLOSE_AFTER) {
        facBusy = true;
        send(facRaw, 'fac', 'CloseRound');
      } else if (!open && opens < MAX_OPENS) {
        facBusy = true;
        opens++;
        send(facRaw, 'fac', 'OpenRound');
      }
    };
    // Take in every answer as it comes, and top the windows up.
    const take = (socket: RawSocket) => () => {
      const from = answered.get(socket) ?? 0;
      for (const a of socket.answers.slice(from)) {
        const s = a.id === null ? undefined : sent.get(a.id);
        if (!s) continue;
        if (s.sender === 'fac') facBusy = false;
        else if (a.type === 'ack') roundAcks++;
        if (a.type === 'ack') acks.push({ sent: s, seq: a.seq, duplicate: a.duplicate });
        else refused.add(s.id);
      }
      answered.set(socket, socket.answers.length);
      pump();
    };
    const unsubscribe = [facRaw, ...teamRaw].map((s) => s.subscribe(take(s)));
    pump();
    await facRaw.until(() => acks.length >= KILL_AFTER_ACKS, 30_000, `${KILL_AFTER_ACKS} acknowledgements`);
    const inFlight = [facRaw, ...teamRaw].reduce((sum, s) => sum + outstanding(s), 0);
    await crash(server);
    dead = true;
    for (const off of unsubscribe) off();
    // Whatever the facilitator was sent before the kill had been committed.
    const seenBefore = facRaw.events.map((e) => e.hash);
    expect(acks.filter((a) => a.duplicate)).toEqual([]);
    const kinds = new Set(acks.map((a) => a.sent.kind));
    expect(kinds).toContain('SubmitDecisions');
    expect(inFlight).toBeGreaterThan(0);

    server = await start(file, port);
    const log = await exportLog(server, created.session, created.facilitatorToken);
    // The seed stays hidden while the session runs: the chain verifies, the rounds cannot be re-run yet.
    const verdict = await verifyLog([log], catalogFor);
    if (!verdict.ok) throw new Error(JSON.stringify(verdict.problem));
    expect(verdict.header.seed).toBeUndefined();
    const events = eventsOf(log);
    expect(events.length).toBe(verdict.count);
    expect(events.slice(0, seenBefore.length).map((e) => e.hash)).toEqual(seenBefore);

    // Every acknowledged command is there, at the seq its answer named, once.
    const idOf = (e: EventEnvelope) => e.cmd.slice(e.cmd.indexOf(':') + 1);
    for (const { sent: s, seq } of acks) {
      expect(seq).toBeLessThanOrEqual(events.length);
      const e = events[seq - 1]!;
      expect(idOf(e)).toBe(s.id);
      if (s.kind === 'SubmitDecisions') {
        expect(e).toMatchObject({ type: 'DecisionsSubmitted', actor: { kind: 'team', id: members[Number(s.sender.slice(4))]!.team } });
      } else if (s.kind === 'OpenRound') {
        expect(e).toMatchObject({ type: 'RoundOpened', actor: { kind: 'facilitator' } });
      } else {
        expect(e.type).toBe('RoundResolved');
        expect(events[seq - 2]).toMatchObject({ type: 'RoundClosed', cmd: e.cmd });
      }
    }
    // Nothing of a refused command; every command's events side by side; no RoundClosed without its RoundResolved.
    expect(events.filter((e) => refused.has(idOf(e))).map((e) => e.cmd)).toEqual([]);
    const firstSeq = new Map<string, number>();
    for (const e of events) {
      const first = firstSeq.get(e.cmd);
      if (first === undefined) firstSeq.set(e.cmd, e.seq);
      else expect(events[e.seq - 2]!.cmd).toBe(e.cmd);
    }
    events.forEach((e, i) => {
      if (e.type === 'RoundClosed') expect(events[i + 1]).toMatchObject({ type: 'RoundResolved', cmd: e.cmd, round: e.round });
      if (e.type === 'RoundResolved') expect(events[i - 1]).toMatchObject({ type: 'RoundClosed', cmd: e.cmd });
    });
    const closes = events.filter((e) => e.type === 'RoundClosed');
    expect(closes.some((e) => e.actor.kind === 'system')).toBe(true);
    expect(closes.some((e) => e.actor.kind === 'facilitator')).toBe(true);

    // The scripted browsers come back by themselves (same port) and catch up from their last seq.
    const everyone = [fac, ...members.map((m) => m.client)];
    for (const c of everyone) await until(c, () => c.status === 'online' && c.view?.lastSeq === events.length, 20_000, 'reconnect and catch up');
    for (const c of everyone) expect(c.problem).toBe('');
    expect(fac.view!.head).toBe(events.at(-1)!.hash);
    // The facilitator closes the round (opening one first if none is open); then a round where
    // every team submits and the server closes it; then the end.
    if (fac.view!.state.status !== 'open') await ok(fac.command({ type: 'OpenRound' }));
    await ok(fac.command({ type: 'CloseRound' }));
    await ok(fac.command({ type: 'OpenRound' }));
    for (const m of members) {
      await until(m.client, () => m.client.view?.state.status === 'open', 10_000, 'the round open');
      await ok(m.client.command({ type: 'SubmitDecisions', decisions: decisionsFor(fac.view!.state, m.team) }));
    }
    await until(fac, () => fac.view?.state.status === 'ready', 10_000, 'the server to close the round');
    await ok(fac.command({ type: 'EndSession' }));
    for (const c of everyone) await until(c, () => c.view?.state.status === 'ended', 20_000, 'the end');

    // Once ended, a team may take the log too, and its header reveals the seed: every round re-runs.
    const final = await exportLog(server, created.session, members[1]!.token);
    const replayed = await verifyLog([final], catalogFor, { checkerFor: replayCheckerFor });
    if (!replayed.ok) throw new Error(JSON.stringify(replayed.problem));
    expect(replayed.header.seed).toBe(SEED);
    const finalEvents = eventsOf(final);
    expect(finalEvents.slice(0, events.length).map((e) => e.hash)).toEqual(events.map((e) => e.hash));
    expect(finalEvents.filter((e) => e.type === 'RoundResolved').length).toBeGreaterThanOrEqual(2);
    for (const c of everyone) expect(c.view!.head).toBe(replayed.head);
    const landedUnanswered = events.filter((e) => sent.has(idOf(e)) && !acks.some((a) => a.sent.id === idOf(e))).length;
    console.log(
      `burst: ${sent.size} sent, ${acks.length} acknowledged (${[...kinds].join(', ')}), ${refused.size} refused, ${inFlight} in flight at the kill; ` +
        `log after restart: ${events.length} events (${landedUnanswered} of commands committed but not yet answered), ${closes.length} rounds closed; final log: ${replayed.count} events`,
    );
  });

  it('a round clock survives the kill: it closes the round at its deadline, or at once when the deadline passed while down', async () => {
    const ROUND_SECONDS = 4;
    const file = dataFile();
    let server = await start(file);
    const port = portOf(server);
    const { fac, members } = await workshop(server, 2, ROUND_SECONDS);
    // By the round in the payload: an envelope's `round` is the round the session was in when it was decided.
    const find = (type: string, round: number) => fac.view?.events.find((e) => e.type === type && !('sealed' in e) && (e.payload as { round: number }).round === round) as EventEnvelope | undefined;
    const closedBy = (round: number) => () => find('RoundResolved', round) !== undefined;
    const closing = (round: number) => find('RoundClosed', round)!;
    const opening = (round: number) => find('RoundOpened', round)!;

    // Killed right after the round opened; back before its deadline.
    await ok(fac.command({ type: 'OpenRound' }));
    await until(fac, () => fac.timer.kind === 'running', 5_000, 'the clock');
    await ok(members[0]!.client.command({ type: 'SubmitDecisions', decisions: decisionsFor(fac.view!.state, members[0]!.team) }));
    await crash(server);
    const downAt = Date.now();
    server = await start(file, port);
    await until(fac, () => fac.status === 'online' && fac.timer.kind === 'running', 10_000, 'the clock after the restart');
    expect(closedBy(1)()).toBe(false);
    await until(fac, closedBy(1), 15_000, 'round 1 to close by itself');
    expect(closing(1).actor).toEqual({ kind: 'system', id: 'timer' });
    const waited = Date.parse(closing(1).ts) - Date.parse(opening(1).ts);
    expect(waited).toBeGreaterThanOrEqual(ROUND_SECONDS * 1000 - 50);
    expect(Date.parse(closing(1).ts)).toBeGreaterThan(downAt);
    // The team that submitted before the kill played its submission; the other one carried on.
    expect((closing(1).payload as { sources: unknown }).sources).toEqual([
      { team: members[0]!.team, source: 'submitted' },
      { team: members[1]!.team, source: 'default' },
    ]);

    // Killed while round 2 runs, and kept down past its deadline: it closes as soon as the server is back.
    await ok(fac.command({ type: 'OpenRound' }));
    await crash(server);
    await new Promise((r) => setTimeout(r, ROUND_SECONDS * 1000 + 500));
    const restartedAt = Date.now();
    server = await start(file, port);
    await until(fac, closedBy(2), 15_000, 'round 2 to close after the restart');
    expect(closing(2).actor).toEqual({ kind: 'system', id: 'timer' });
    expect(Date.parse(closing(2).ts)).toBeGreaterThanOrEqual(restartedAt - 1000);
    expect(Date.parse(closing(2).ts) - Date.parse(opening(2).ts)).toBeGreaterThan(ROUND_SECONDS * 1000);
    expect(fac.timer.kind).toBe('off');
  });
});
