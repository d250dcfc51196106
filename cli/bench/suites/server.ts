/**
 * server.acks_vs_sqlite: how close the session server comes to the disk it writes to. 48
 * WebSocket clients (12 teams × 4 members) on loopback to a server process; the members submit
 * their team's decisions in closed loops (send, wait for the ack, send again) and every ack is a
 * command decided, committed to SQLite (WAL, synchronous = FULL, one transaction) and broadcast
 * to all 49 connections. The baseline, in the same run: better-sqlite3 inserting the very
 * envelopes the server wrote, one transaction each, same pragmas, into a temp file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import type { ServerMessage } from '../../../engine/protocol/messages.ts';
import type { SessionState } from '../../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../../engine/session/teams.ts';
import type { BenchSuite } from '../entry.ts';
import { median, round3 } from '../measure.ts';

const TEAMS = 12;
const MEMBERS = 4;
/** Alternating timed windows of the server and of the baseline, after an untimed warm-up. */
const PAIRS = 3;
const WINDOW_MS = 1000;
const WARMUP_MS = 500;

type Answer = Extract<ServerMessage, { id: string | null }>;

/** One bare WebSocket that hands each answer to whoever waits for its id; pushed events are dropped unread. */
class Line {
  private readonly waiting = new Map<string, (a: Answer) => void>();
  welcomeState: SessionState | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      // 48 clients are sent every event: reading only answers keeps the clients' side cheap
      // (the load generator shares the machine with the server), so a pushed message is
      // recognised by its first bytes without decoding the rest.
      const head = data.subarray(0, 16).toString('latin1');
      if (head.startsWith('{"type":"events"') || head.startsWith('{"type":"timer"')) return;
      const m = JSON.parse(data.toString('utf8')) as ServerMessage;
      if (m.type === 'welcome') this.welcomeState = m.state;
      if (!('id' in m) || m.id === null) return;
      const resolve = this.waiting.get(m.id);
      if (resolve) {
        this.waiting.delete(m.id);
        resolve(m as Answer);
      }
    });
  }

  static open(url: string): Promise<Line> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.once('open', () => resolve(new Line(ws)));
      ws.once('error', reject);
    });
  }

  request(message: { id: string } & Record<string, unknown>): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiting.set(message.id, resolve);
      this.ws.send(JSON.stringify(message));
    });
  }

  async expect<T extends Answer['type']>(message: { id: string } & Record<string, unknown>, type: T): Promise<Extract<Answer, { type: T }>> {
    const a = await this.request(message);
    if (a.type !== type) throw new Error(`${String(message.type)} answered ${JSON.stringify(a).slice(0, 300)}`);
    return a as Extract<Answer, { type: T }>;
  }
}

async function startServer(dataFile: string, distDir: string): Promise<{ child: ChildProcess; url: string }> {
  // SHAPAN_BENCH_PROFILE=<dir> writes the server's CPU profile there (to see where an ack's time goes).
  const profile = process.env['SHAPAN_BENCH_PROFILE'];
  const child = spawn(process.execPath, [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SHAPAN_DATA: dataFile,
      SHAPAN_DIST: distDir,
      SHAPAN_MESSAGES_PER_SECOND: '100000',
      SHAPAN_JOINS_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${output}`));
    });
  });
  return { child, url };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const suite: BenchSuite = {
  name: 'server',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'shapan-bench-server-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>bench</title>');
    const { child, url } = await startServer(join(dir, 'server.db'), dir);
    const lines: Line[] = [];
    try {
      const wsUrl = `${url.replace(/^http/, 'ws')}ws`;
      const fac = await Line.open(wsUrl);
      lines.push(fac);
      // Parallel mode: 12 teams, each its own copy of the market (the workshop has 8 shared slots).
      const created = await fac.expect(
        { type: 'create', id: 'create', scenario: 'workshop', seed: 'bench', mode: 'parallel', teams: Array.from({ length: TEAMS }, (_, i) => ({ name: `Team ${i + 1}` })), roundSeconds: 0, locale: 'en' },
        'created',
      );
      await fac.expect({ type: 'hello', id: 'hello', token: created.facilitatorToken }, 'welcome');
      const members: { line: Line; team: string; index: number }[] = [];
      for (let t = 0; t < TEAMS; t++) {
        for (let k = 0; k < MEMBERS; k++) {
          const line = await Line.open(wsUrl);
          lines.push(line);
          const joined = await line.expect({ type: 'join', id: 'join', code: created.joinCode, name: `m${t + 1}-${k + 1}`, team: `team-${t + 1}` }, 'joined');
          await line.expect({ type: 'hello', id: 'hello', token: joined.token }, 'welcome');
          members.push({ line, team: joined.team, index: members.length });
        }
      }
      await fac.expect({ type: 'command', id: 'open', command: { type: 'OpenRound' } }, 'ack');
      const probe = await Line.open(wsUrl);
      lines.push(probe);
      await probe.expect({ type: 'hello', id: 'hello', token: created.facilitatorToken }, 'welcome');
      const state = probe.welcomeState!;
      const decisionsOf = new Map(
        state.teams.map((t) => [t.id, defaultDecisions(state.markets[marketIndexOf(state, t.id)]!, state.scenario!, firmIndexOf(state, t))] as const),
      );
      // The server closes a round once every team with members has submitted, and resolving 12
      // markets is not what this measures: the last team's members stay connected (they get
      // every broadcast) but hold their decisions, so 44 clients submit, into one open round.
      const holding = `team-${TEAMS}`;
      const submitting = members.filter((m) => m.team !== holding);

      let timing = false;
      let stopAt = 0;
      let acked = 0;
      let refused = 0;
      const latencies: number[] = [];
      let n = 0;
      const loop = async (m: (typeof members)[number]) => {
        const decisions = decisionsOf.get(m.team)!;
        while (performance.now() < stopAt) {
          const started = performance.now();
          const a = await m.line.request({ type: 'command', id: `s${m.index}-${++n}`, command: { type: 'SubmitDecisions', decisions } });
          if (!timing) continue;
          if (a.type === 'ack' && !a.duplicate) {
            acked++;
            latencies.push(performance.now() - started);
          } else refused++;
        }
      };
      const serverWindow = async (ms: number, timed: boolean): Promise<number> => {
        timing = timed;
        const before = acked;
        const started = performance.now();
        stopAt = started + ms;
        await Promise.all(submitting.map(loop));
        return ((acked - before) / (performance.now() - started)) * 1000;
      };

      // The rows of the baseline: the server's own envelopes, exported as the facilitator.
      await serverWindow(WARMUP_MS, false);
      const response = await fetch(`${url}api/sessions/${created.session}/log`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } });
      const rows = (await response.text())
        .trim()
        .split('\n')
        .slice(1, -1)
        .map((line) => ({ cmd: (JSON.parse(line) as { cmd: string }).cmd, envelope: line }))
        .filter((r) => r.envelope.includes('"type":"DecisionsSubmitted"'));
      if (rows.length === 0) throw new Error('no decisions were stored');
      const db = new Database(join(dir, 'baseline.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec('CREATE TABLE events (session TEXT NOT NULL, seq INTEGER NOT NULL, cmd TEXT NOT NULL, envelope TEXT NOT NULL, PRIMARY KEY (session, seq)) WITHOUT ROWID');
      const insert = db.prepare('INSERT INTO events (session, seq, cmd, envelope) VALUES (?, ?, ?, ?)');
      const one = db.transaction((seq: number, row: { cmd: string; envelope: string }) => insert.run('bench', seq, row.cmd, row.envelope));
      let seq = 0;
      const baselineWindow = (ms: number): number => {
        const started = performance.now();
        let done = 0;
        while (performance.now() - started < ms) {
          one(++seq, rows[seq % rows.length]!);
          done++;
        }
        return (done / (performance.now() - started)) * 1000;
      };
      baselineWindow(WARMUP_MS / 2);

      const serverRates: number[] = [];
      const sqliteRates: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        serverRates.push(await serverWindow(WINDOW_MS, true));
        sqliteRates.push(baselineWindow(WINDOW_MS));
      }
      db.close();
      const sorted = [...latencies].sort((a, b) => a - b);
      const bytes = rows.reduce((sum, r) => sum + Buffer.byteLength(r.envelope), 0) / rows.length;
      const ratios = serverRates.map((r, i) => r / sqliteRates[i]!);
      return {
        'server.acks_vs_sqlite': {
          ratio: round3(median(ratios)),
          target: 0.5,
          better: 'higher',
          baseline: `better-sqlite3 inserts of the same envelopes (${Math.round(bytes)} B mean), one transaction each, WAL + synchronous=FULL, temp file, same run`,
          runs: PAIRS,
          details: {
            acks_per_s: round3(median(serverRates)),
            sqlite_inserts_per_s: round3(median(sqliteRates)),
            ack_p50_ms: round3(percentile(sorted, 50)),
            ack_p99_ms: round3(percentile(sorted, 99)),
            acks_timed: acked,
            refused,
            clients: TEAMS * MEMBERS,
            submitting_clients: submitting.length,
            teams: TEAMS,
            window_ms: WINDOW_MS,
            transport: 'WebSocket over loopback to a server process',
          },
        },
      };
    } finally {
      for (const l of lines) l.ws.terminate();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
