import { execFile, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs the negotiation CLI with the given lines typed at its prompt. */
function negotiate(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['--import', 'tsx', 'cli/negotiate.ts', ...args], { env: { ...process.env, LANG: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const MOVES = [
  'situation',
  'problem downtime',
  'problem stockouts',
  'problem cash-flow',
  'bogus move',
  'discount 500',
  'quote 1000',
  'redirect service',
  'redirect payment',
  ...Array.from({ length: 12 }, () => 'trade term'),
].join('\n');

describe('npm run negotiate', () => {
  it('holds a negotiation in Chinese, ends it, and writes a log that verifies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shapan-neg-'));
    const out = join(dir, 'neg.jsonl');
    const r = await negotiate(['--account', 'harbour-hotels', '--seed', '3', '--lang', 'zh-CN', '--out', out], `${MOVES}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('合同即将到期');
    expect(r.stdout).toContain('不是有效动作：“bogus move”');
    expect(r.stdout).toContain('未被接受');
    expect(r.stdout).toMatch(/以 每件 [\d,]+ 元 成交|未能成交/);
    expect(r.stdout).toMatch(/谈判得分 \d+ \/ 100/);
    const verified = await run('node', ['--import', 'tsx', 'cli/replay.ts', 'verify', out]);
    expect(verified.stdout).toMatch(/^verified \d+ events, head [0-9a-f]{64}/);
  });

  it('exits 2 on an unknown account or bad flags, listing the accounts', async () => {
    const unknown = await negotiate(['--account', 'nobody'], '');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('harbour-hotels');
    expect(unknown.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const bad = await negotiate(['--frobnicate'], '');
    expect(bad.code).toBe(2);
  });
});
