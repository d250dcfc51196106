import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../support/cliRun.ts';

const lessons = (...args: string[]) => runScript('cli/lessons.ts', ...args);
const scenario = (...args: string[]) => runScript('cli/scenario.ts', ...args);

describe('npm run lessons and the balance search, as a trainer runs them', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapan-lessons-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the table and writes the JSON the issue asks for', async () => {
    const out = join(dir, 'lessons.json');
    const r = await lessons('--scenario', 'workshop', '--seeds', '2', '--first-seed', '500', '--lesson', 'stretch-burns-morale,balanced-allocation', '--json', out);
    expect(r.stderr).not.toContain('internal error');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('Over-stretch burns morale');
    expect(r.stdout).toMatch(/price: -?\d+\.\d\d/);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json).toMatchObject({ scenario: 'workshop', seeds: 2, firstSeed: 500 });
    expect(json.lessons.map((l: { id: string }) => l.id)).toEqual(['stretch-burns-morale', 'balanced-allocation']);
    for (const l of json.lessons) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'title', 'medianDelta', 'revenueDelta', 'profitDelta', 'winShare', 'holds']));
    }
    expect(Object.keys(json.elasticities).sort()).toEqual(['price', 'promotion', 'selling']);
  }, 120_000);

  it('refuses bad input with the usage and writes nothing', async () => {
    for (const args of [['--seeds', '0'], ['--lesson', 'be-nice'], ['--scenario', 'nowhere'], ['--frobnicate']]) {
      const r = await lessons(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toContain('    at ');
    }
    const none = await lessons('--scenario', 'benchmark');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('lists no lessons');
  }, 120_000);

  it('balance --search reports the best plan found against the reference', async () => {
    const out = join(dir, 'balance.json');
    const r = await scenario('balance', 'tutorial', '--seeds', '2', '--search', '4', '--json', out);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toContain('best plan found');
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.search).toMatchObject({ evals: 4 });
    expect(typeof json.search.medianMargin).toBe('number');
    expect(typeof json.search.winShare).toBe('number');
    expect(json.search.plan).toHaveProperty('negotiation');
  }, 180_000);

  it('balance --one-change tries every one-line change to the reference and names the strongest', async () => {
    const out = join(dir, 'one-change.json');
    const r = await scenario('balance', 'tutorial', '--seeds', '1', '--rounds', '2', '--one-change', '--json', out);
    expect(r.stderr).not.toContain('internal error');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/every one-line change to the reference \(\d+ policies\)/);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.oneChange.strongest.length).toBe(20);
    for (const c of json.oneChange.strongest) expect(Object.keys(c).sort()).toEqual(['beatShare', 'field', 'medianDelta', 'value']);
    // Exit 1 exactly when some change beats the reference in more than 60% of the seeds.
    expect(r.code === 1).toBe(json.oneChange.failing.length > 0 || json.rivals.length > 0 || json.levers.length > 0);
  }, 180_000);
});
