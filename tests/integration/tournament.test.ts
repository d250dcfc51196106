import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolError, startPool } from '../../cli/tournament/pool.ts';

const run = promisify(execFile);

/** Runs the CLI as a user would, returning exit code and output. */
async function tournament(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'cli/tournament.ts', ...args], { env: { ...process.env, LANG: 'C' }, timeout: 55_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Figures {
  median: number;
  q1: number;
  q3: number;
  balancedMedian: number;
  winRate: number;
  scores: number[];
  balancedScores: number[];
}

const SMALL = ['--scenario', 'workshop', '--seeds', '3', '--rounds', '3', '--bots', 'balanced,random,max-discount'];

describe('npm run tournament', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapan-tournament-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('plays every bot against balanced on every seed, the same on 1 and 2 workers', async () => {
    const two = join(dir, 'two.json');
    const r2 = await tournament(...SMALL, '--workers', '2', '--json', two);
    expect(r2.stderr).not.toMatch(/error/i);
    expect(r2.code).toBe(0);
    // stderr is a pipe here, so progress comes as plain lines, the last at 100%.
    expect(r2.stderr).toContain('100% (6/6)');
    expect(r2.stdout).toMatch(/^random\s/m);
    expect(r2.stdout).toMatch(/^max-discount\s/m);

    const json = JSON.parse(await readFile(two, 'utf8')) as { scenario: string; seeds: number; rounds: number; bots: Record<string, Figures> };
    expect(json).toMatchObject({ scenario: 'workshop', seeds: 3, rounds: 3 });
    expect(Object.keys(json.bots)).toEqual(['random', 'max-discount']);
    for (const f of Object.values(json.bots)) {
      expect(f.scores).toHaveLength(3);
      expect(f.balancedScores).toHaveLength(3);
      for (const s of [...f.scores, ...f.balancedScores]) expect(Number.isFinite(s)).toBe(true);
      expect(f.winRate).toBeGreaterThanOrEqual(0);
      expect(f.winRate).toBeLessThanOrEqual(1);
      expect(f.winRate).toBe(f.scores.filter((s, i) => s > f.balancedScores[i]!).length / 3);
      expect(f.q1).toBeLessThanOrEqual(f.median);
      expect(f.median).toBeLessThanOrEqual(f.q3);
      expect(f.median).toBe([...f.scores].sort((a, b) => a - b)[1]);
      expect(f.balancedMedian).toBe([...f.balancedScores].sort((a, b) => a - b)[1]);
    }

    const one = join(dir, 'one.json');
    const r1 = await tournament(...SMALL, '--workers', '1', '--json', one);
    expect(r1.code).toBe(0);
    expect(JSON.parse(await readFile(one, 'utf8'))).toEqual(json);
  });

  const bad: [string, string[]][] = [
    ['an unknown bot', ['--scenario', 'workshop', '--seeds', '3', '--bots', 'random,no-such-bot']],
    ['zero seeds', ['--scenario', 'workshop', '--seeds', '0', '--bots', 'random']],
    ['too many seeds', ['--scenario', 'workshop', '--seeds', '10001', '--bots', 'random']],
    ['seeds that are not a whole number', ['--scenario', 'workshop', '--seeds', '2.5', '--bots', 'random']],
    ['0 workers', ['--scenario', 'workshop', '--seeds', '3', '--bots', 'random', '--workers', '0']],
    ['17 workers', ['--scenario', 'workshop', '--seeds', '3', '--bots', 'random', '--workers', '17']],
    ['an unknown scenario', ['--scenario', 'no-such-scenario', '--seeds', '3', '--bots', 'random']],
    ['a missing scenario file', ['--scenario', '/nonexistent/scenario.json', '--seeds', '3', '--bots', 'random']],
    ['an unknown option', ['--scenario', 'workshop', '--seeds', '3', '--bots', 'random', '--fast']],
  ];
  it.each(bad)('exits 2 with the usage for %s', async (_name, args) => {
    const r = await tournament(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage');
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
    expect(r.stdout).toBe('');
  });
});

describe('the worker pool', () => {
  /** A worker module as a data: URL: the pool's protocol in plain JavaScript. */
  const worker = (onJob: string) =>
    new URL(
      `data:text/javascript,${encodeURIComponent(
        `import { parentPort } from 'node:worker_threads'; let n = 0;
         parentPort.on('message', (r) => { n++; ${onJob}; parentPort.postMessage({ kind: 'done', id: r.id, result: r.job * 10 }); });
         parentPort.postMessage({ kind: 'ready' });`,
      )}`,
    );

  it('hands out every job and returns the results in job order', async () => {
    const pool = await startPool<number, number>({ size: 3, entry: worker(''), workerData: null });
    try {
      const seen: number[] = [];
      expect(await pool.run([1, 2, 3, 4, 5, 6, 7], (_r, done) => seen.push(done))).toEqual([10, 20, 30, 40, 50, 60, 70]);
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await pool.close();
    }
  });

  it.each([
    ['exits', 'if (n === 2) process.exit(7)', /exited with code 7 while on job/],
    ['throws', "if (n === 2) throw new Error('boom')", /exited with code 1 while on job .*: boom/],
  ])('rejects, rather than hangs, when a worker %s mid-run', async (_name, onJob, message) => {
    const pool = await startPool<number, number>({ size: 2, entry: worker(onJob), workerData: null });
    try {
      const outcome = await pool.run([1, 2, 3, 4, 5, 6]).then(
        () => null,
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(PoolError);
      expect((outcome as Error).message).toMatch(message);
      await expect(pool.run([1])).rejects.toBeInstanceOf(PoolError);
    } finally {
      await pool.close();
    }
  });

  it('rejects when a worker cannot start', async () => {
    const entry = new URL(`data:text/javascript,${encodeURIComponent("throw new Error('cannot start')")}`);
    await expect(startPool({ size: 2, entry, workerData: null })).rejects.toThrow(/while starting: cannot start/);
  });
});
