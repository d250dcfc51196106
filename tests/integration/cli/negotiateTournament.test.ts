import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../support/cliRun.ts';

const negotiate = (...args: string[]) => runScript('cli/negotiate.ts', ...args);

describe('npm run negotiate -- tournament, as a trainer runs it', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapan-negotiation-tournament-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a line per strategy and writes the JSON the issue asks for', async () => {
    const out = join(dir, 'tournament.json');
    const r = await negotiate('tournament', '--strategies', 'full-deck,discount-only,quote-and-wait', '--seeds', '2', '--first-seed', '40', '--json', out);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Negotiation tournament');
    expect(r.stdout).toMatch(/full-deck\s+\d+\s+\d+%\s+\d+%/);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json).toMatchObject({ scenario: 'workshop', seeds: 2, firstSeed: 40 });
    expect(json.strategies.map((s: { id: string }) => s.id)).toEqual(['full-deck', 'discount-only', 'quote-and-wait']);
    for (const s of json.strategies) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'closeRate', 'medianDealPm', 'medianMarginPm', 'meanScore']));
      expect(s.closeRate).toBeGreaterThanOrEqual(0);
      expect(s.closeRate).toBeLessThanOrEqual(1);
    }
  }, 120_000);

  it('speaks Chinese when asked', async () => {
    const r = await negotiate('tournament', '--strategies', 'full-deck', '--seeds', '1', '--lang', 'zh-CN');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('谈判对抗赛');
    expect(r.stdout).toContain('签约');
  }, 120_000);

  it('refuses bad input with the usage and writes nothing', async () => {
    const out = join(dir, 'never.json');
    for (const args of [['--strategies', 'charm'], ['--strategies', ','], ['--seeds', '0'], ['--first-seed', '-3'], ['--scenario', 'nowhere'], ['--frobnicate']]) {
      const r = await negotiate('tournament', ...args, '--json', out);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toContain('    at ');
      expect(r.stderr.length).toBeGreaterThan(0);
    }
    await expect(access(out)).rejects.toThrow();
  }, 120_000);
});
