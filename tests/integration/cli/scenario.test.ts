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

  it('exits 2 on usage errors', async () => {
    expect((await scenario()).code).toBe(2);
    expect((await scenario('frobnicate', 'x.json')).code).toBe(2);
    expect((await scenario('balance', 'workshop', '--seeds', '0')).code).toBe(2);
  });
});
