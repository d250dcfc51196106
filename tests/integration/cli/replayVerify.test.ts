import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../support/cliRun.ts';

describe('npm run replay -- verify', () => {
  let dir: string;
  let log: string;
  let lines: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapan-cli-'));
    log = join(dir, 'demo.jsonl');
    const made = await replay('demo', log, '--events', '200', '--seed', 'cli');
    expect(made.code).toBe(0);
    lines = (await readFile(log, 'utf8')).trimEnd().split('\n');
  });

  it('accepts an intact log and prints its head', async () => {
    const r = await replay('verify', log);
    expect(r.code).toBe(0);
    const head = JSON.parse(lines.at(-1)!).trailer.head;
    expect(r.stdout.trim()).toBe(`verified 200 events, head ${head}`);
    expect((await replay('verify', log, '--head', head)).code).toBe(0);
    expect((await replay('verify', log, '--head', 'f'.repeat(64))).code).toBe(1);
  });

  const tamperings: [string, (l: string[]) => string[], RegExp][] = [
    ['an edited event', (l) => l.map((x, i) => (i === 50 ? x.replace(/"units":\d+/, '"units":7777') : x)), /seq 50 was altered/],
    ['a dropped line', (l) => l.filter((_, i) => i !== 120), /seq 120 is missing/],
    ['a swapped pair', (l) => [...l.slice(0, 10), l[11]!, l[10]!, ...l.slice(12)], /seq 10 is out of order|seq 10 is missing/],
    ['a cut-off tail', (l) => l.slice(0, 150), /cut off after seq 149/],
    ['garbage', () => ['not json at all'], /line 1 is not valid JSON/],
  ];
  it.each(tamperings)('exits 1 naming the first bad seq for %s', async (_name, tamper, message) => {
    const file = join(dir, `t-${Math.random().toString(36).slice(2)}.jsonl`);
    await writeFile(file, tamper(lines).join('\n') + '\n');
    const r = await replay('verify', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('speaks Chinese when asked', async () => {
    const r = await replay('verify', log, '--lang', 'zh-CN');
    expect(r.stdout).toContain('已校验 200 个事件');
  });

  it('exits 2 on usage errors and unreadable files, without a stack trace', async () => {
    for (const args of [[], ['verify'], ['frobnicate', log], ['verify', log, '--bogus'], ['verify', join(dir, 'nope.jsonl')], ['verify', dir]]) {
      const r = await replay(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});
