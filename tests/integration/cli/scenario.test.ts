import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

async function scenario(...args: string[]) {
  try {
    const { stdout, stderr } = await exec('node', ['--import', 'tsx', 'cli/scenario.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run scenario -- check', () => {
  it('summarises a good scenario', async () => {
    const r = await scenario('check', 'scenarios/workshop.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ workshop: /);
    expect(r.stdout).toMatch(/territories\s+6/);
    expect(r.stdout).toMatch(/team slots\s+8/);
  });

  it('lists problems with their JSON paths and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shapan-scenario-'));
    const data = JSON.parse(await readFile('scenarios/workshop.json', 'utf8'));
    data.territories[1].tier = 7;
    delete data.title['zh-TW'];
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(data));
    const r = await scenario('check', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.territories[1].tier');
    expect(r.stderr).toContain('$.title["zh-TW"]');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    await writeFile(join(dir, 'empty.json'), '');
    expect((await scenario('check', join(dir, 'empty.json'))).code).toBe(1);
  });

  it('refuses a 50 MB file by its size, without reading it, and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shapan-scenario-'));
    const file = join(dir, 'huge.json');
    await writeFile(file, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const r = await scenario('check', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\$: .*huge\.json is 52428800 bytes; a scenario file may be at most 5242880/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('lists type errors and rule problems of one file together', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shapan-scenario-'));
    const data = JSON.parse(await readFile('scenarios/workshop.json', 'utf8'));
    data.rounds = 'twelve';
    data.keyAccounts[0].supplier = 'nobody';
    data.shocks[1].territory = 'atlantis';
    const file = join(dir, 'two-kinds.json');
    await writeFile(file, JSON.stringify(data));
    const r = await scenario('check', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 problems');
    for (const path of ['$.rounds', '$.keyAccounts[0].supplier', '$.shocks[1].territory']) expect(r.stderr).toContain(`${path}:`);
  });

  it('exits 2 on usage errors', async () => {
    expect((await scenario()).code).toBe(2);
    expect((await scenario('frobnicate', 'x.json')).code).toBe(2);
    expect((await scenario('balance', 'workshop', '--seeds', '0')).code).toBe(2);
  });
});
