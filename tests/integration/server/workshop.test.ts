import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashOf } from '../../../engine/core/hash.ts';
import { fold } from '../../../engine/core/replay.ts';
import { readLog } from '../../../engine/core/verify.ts';
import { catalogFor, deciderFor, replayCheckerFor } from '../../../engine/kinds.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import type { ShockSpec } from '../../../engine/model/scenario.ts';
import { isSealed } from '../../../engine/session/playerView.ts';
import { negotiableAccounts } from '../../../engine/session/negotiations.ts';
import type { SessionState } from '../../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../../engine/session/teams.ts';
import { SessionClient, type SocketLike } from '../../../ui/net/sessionClient.ts';
import { startServerProcess, until, type ServerProcess } from '../../support/serverProcess.ts';

const run = promisify(execFile);
const SEED = 'workshop-itest-secret-7f3a9c';

/** A scripted browser: a SessionClient whose every received frame is kept, to check what it was sent. */
function recordingClient(server: ServerProcess, name: string): { client: SessionClient; frames: string[] } {
  const frames: string[] = [];
  const client = new SessionClient(
    server.wsUrl,
    (url) => {
      const ws = new WebSocket(url);
      ws.on('message', (data) => frames.push(String(data)));
      return ws as unknown as SocketLike;
    },
    name,
  );
  return { client, frames };
}

function stateOf(c: SessionClient): SessionState {
  if (!c.view) throw new Error('no view yet');
  return c.view.state;
}

async function ok<T extends { type: string }>(answer: Promise<T>): Promise<T> {
  const a = await answer;
  if (a.type === 'refused') throw new Error(`refused: ${JSON.stringify(a)}`);
  return a;
}

describe('a 3-team workshop over the session server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('plays to the end with a dropped client, a shock and a forced close; every copy agrees with the log', async () => {
    const fac = recordingClient(server, 'fac');
    await fac.client.connect();
    const created = await ok(
      fac.client.send({
        type: 'create',
        scenario: 'workshop',
        seed: SEED,
        mode: 'shared',
        teams: [{ name: 'Alpha' }, { name: 'Beta' }, { name: 'Gamma' }, { name: 'AI one', bot: 'balanced' }],
        roundSeconds: 0,
        locale: 'en',
      }),
    );
    if (created.type !== 'created') throw new Error(created.type);
    await ok(fac.client.enter(created.facilitatorToken));

    const teams = ['Ann', 'Bo', 'Cai'].map((name) => ({ name, ...recordingClient(server, name) }));
    for (const t of teams) {
      await t.client.connect();
      const joined = await ok(t.client.send({ type: 'join', code: created.joinCode.toLowerCase(), name: t.name }));
      if (joined.type !== 'joined') throw new Error(joined.type);
      await ok(t.client.enter(joined.token));
    }
    // Members spread over the people's teams; nobody lands on the AI team.
    expect(teams.map((t) => t.client.identity!.team).sort()).toEqual(['team-1', 'team-2', 'team-3']);
    const all = [fac.client, ...teams.map((t) => t.client)];

    const submit = async (c: SessionClient) => {
      const s = stateOf(c);
      const team = s.teams.find((x) => x.id === c.identity!.team)!;
      const decisions = defaultDecisions(s.markets[marketIndexOf(s, team.id)]!, s.scenario!, firmIndexOf(s, team));
      return ok(c.command({ type: 'SubmitDecisions', decisions: decisions as never }));
    };
    const roundOpen = (r: number) => Promise.all(all.map((c) => until(c, () => c.view?.state.status === 'open' && c.view.state.round === r, 20_000, `round ${r} open`)));
    const roundDone = (r: number) => Promise.all(all.map((c) => until(c, () => (c.view?.state.history.length ?? 0) >= r && c.view!.state.status === 'ready', 30_000, `round ${r} resolved`)));

    const ROUNDS = 4;
    for (let r = 1; r <= ROUNDS; r++) {
      await ok(fac.client.command({ type: 'OpenRound' }));
      await roundOpen(r);
      if (r === 2) {
        // Beta's connection drops; it comes back by itself, catches up from its seq and submits.
        const beta = teams[1]!.client;
        const before = beta.view!.lastSeq;
        beta.dropForTest();
        await submit(teams[0]!.client);
        await until(beta, () => beta.status === 'online' && beta.view!.lastSeq > before, 20_000, 'Beta back');
        await submit(beta);
        await submit(teams[2]!.client);
      } else if (r === 3) {
        const s = stateOf(fac.client);
        const shock: ShockSpec = {
          id: 'itest-downturn',
          kind: 'downturn',
          round: 3,
          duration: 2,
          territory: '',
          magnitudePm: 200,
          signalled: false,
          title: { 'zh-CN': '需求骤降', 'zh-TW': '需求驟降', en: 'Sudden slump' },
        };
        expect(s.status).toBe('open');
        await ok(fac.client.command({ type: 'InjectShock', shock: shock as never }));
        // Alpha negotiates with an account up for renewal (if it has one), so a buyer's profile is in play.
        const alpha = teams[0]!.client;
        const team = stateOf(alpha).teams.find((x) => x.id === 'team-1')!;
        const account = negotiableAccounts(stateOf(alpha), team)[0];
        expect(account, 'the workshop has an account up for renewal in round 3').toBeDefined();
        if (account) {
          await ok(alpha.command({ type: 'StartNegotiation', account }));
          await ok(alpha.command({ type: 'NegotiationMove', account, move: { kind: 'situation' } }));
          await until(alpha, () => stateOf(alpha).negotiations.some((n) => n.account === account && n.negotiation.context.moves > 0), 10_000, 'negotiation view');
          const mine = stateOf(alpha).negotiations.find((n) => n.account === account)!;
          expect(mine.negotiation.context.persona.reservationPm).toBe(0);
        }
        await submit(teams[0]!.client);
        // Gamma does not submit: the facilitator closes the round and Gamma keeps last round's plan.
        await ok(fac.client.command({ type: 'CloseRound' }));
      } else {
        for (const t of teams) await submit(t.client);
      }
      await roundDone(r);
    }
    const closed = stateOf(fac.client).history.length;
    expect(closed).toBe(ROUNDS);

    // While the session ran, nobody but the facilitator got the seed, and no team another team's plans.
    for (const t of teams) {
      expect(t.frames.join('\n')).not.toContain(SEED);
      for (const e of t.client.view!.events) {
        if (!['DecisionsSubmitted', 'NegotiationStarted', 'NegotiationMoved'].includes(e.type)) continue;
        if (e.actor.id !== t.client.identity!.team) expect(isSealed(e), `${t.name} saw ${e.type} seq ${e.seq}`).toBe(true);
        else expect(isSealed(e)).toBe(false);
      }
      // Its state holds its own plans only.
      expect(stateOf(t.client).played.map((p) => p.team)).toEqual([t.client.identity!.team]);
    }
    expect(stateOf(fac.client).played.length).toBe(4);

    await ok(fac.client.command({ type: 'EndSession' }));
    await Promise.all(all.map((c) => until(c, () => c.view?.state.status === 'ended', 20_000, 'ended')));

    // The whole log, as anyone may download it now, with the seed revealed in its header.
    const res = await fetch(`${server.url}api/sessions/${created.session}/log`, { headers: { authorization: `Bearer ${created.observerToken}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const dir = mkdtempSync(join(tmpdir(), 'shapan-itest-'));
    const file = join(dir, 'workshop.jsonl');
    writeFileSync(file, text);
    const read = await readLog([text], catalogFor, { checkerFor: replayCheckerFor });
    expect(read.ok, read.ok ? '' : JSON.stringify(read.problem)).toBe(true);
    if (!read.ok) return;
    expect(read.header.seed).toBe(SEED);
    const decider = deciderFor(read.header);
    if (typeof decider === 'string') throw new Error(decider);
    const verified = fold(decider, read.header, read.events) as SessionState;

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'cli/replay.ts', 'verify', file, '--lang', 'en']);
    const cliHead = /head ([0-9a-f]{64})/.exec(stdout)?.[1];
    expect(cliHead).toBe(read.head);
    for (const c of all) {
      expect(c.problem).toBe('');
      expect(c.view!.head).toBe(read.head);
      expect(c.view!.lastSeq).toBe(read.count);
      // After the end every client holds the whole state: the same as re-running the log.
      expect(hashOf(c.view!.state)).toBe(hashOf(verified));
    }
    // Gamma's round 3 was carried over; Beta's drop did not cost it its round-2 plan.
    const round3 = read.events.find((e) => e.type === 'RoundClosed' && e.round === 3)!.payload as { sources: { team: string; source: string }[] };
    expect(round3.sources.find((s) => s.team === 'team-3')!.source).toBe('carried');
    const round2 = read.events.find((e) => e.type === 'RoundClosed' && e.round === 2)!.payload as { sources: { team: string; source: string }[] };
    expect(round2.sources.find((s) => s.team === 'team-2')!.source).toBe('submitted');
    for (const c of all) c.close();
  });
});
