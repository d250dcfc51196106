import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logLines } from '../../../engine/core/jsonl.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { teamSession } from '../../support/teamSession.ts';
import { replay } from '../../support/cliRun.ts';

describe('npm run replay -- fork', () => {
  let dir: string;
  let log: string;
  const session = teamSession('cli-fork');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapan-fork-'));
    log = join(dir, 'workshop.jsonl');
    await writeFile(log, [...logLines(session.header, session.log.events)].join('\n') + '\n');
  });

  it('without --decisions reproduces the original rounds, and the branch verifies', async () => {
    const out = join(dir, 'same.jsonl');
    const r = await replay('fork', log, '--at-round', '2', '--team', 't1', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rounds that came out exactly as in the original: 1, 2, 3, 4');
    const verified = await replay('verify', out);
    expect(verified.code).toBe(0);
    const header = JSON.parse((await readFile(out, 'utf8')).split('\n')[0]!);
    expect(header.parent).toEqual({ headHash: session.log.headHash, headSeq: session.log.lastSeq, forkRound: 2 });
  });

  it('with --decisions changes the rounds from the fork on', async () => {
    const file = join(dir, 'decisions.json');
    const market = session.seek(session.log.events.find((e) => e.type === 'RoundOpened' && e.round === 2)!.seq).markets[0]!;
    await writeFile(file, JSON.stringify({ ...defaultDecisions(market, session.state.scenario!, 0), pricePm: [1300, 1300, 1300] }));
    const out = join(dir, 'dear.jsonl');
    const r = await replay('fork', log, '--at-round', '3', '--team', 't1', '--decisions', file, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exactly as in the original: 1, 2\n');
    expect((await replay('verify', out)).code).toBe(0);
  });

  it('explains bad input', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"reps": [');
    const bad = await replay('fork', log, '--at-round', '2', '--team', 't1', '--decisions', broken, '--out', join(dir, 'x.jsonl'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a decisions file');
    const team = await replay('fork', log, '--at-round', '2', '--team', 'nobody', '--out', join(dir, 'x.jsonl'));
    expect(team.code).toBe(1);
    expect(team.stderr).toContain('there is no team "nobody"');
    const round = await replay('fork', log, '--at-round', '9', '--team', 't1', '--out', join(dir, 'x.jsonl'));
    expect(round.code).toBe(1);
    expect(round.stderr).toContain('round 9 cannot be forked');
    const usage = await replay('fork', log, '--team', 't1');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--at-round');
  });
});
