import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logLines } from '../../../engine/core/jsonl.ts';
import type { Move } from '../../../engine/negotiation/types.ts';
import { dealSession } from '../../support/dealSession.ts';
import { replay } from '../../support/cliRun.ts';

describe('npm run replay -- fork --move-seq --move', () => {
  let dir: string;
  let log: string;
  const { s, round, account } = dealSession();
  const moves = s.log.events.filter((e) => e.type === 'NegotiationMoved');
  const quote = moves.find((e) => (e.payload as { move: Move }).move.kind === 'quote')!;
  const lower = (quote.payload as { move: { pricePm: number } }).move.pricePm - 10;
  const list = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(', ');
  const base = () => ['fork', log, '--at-round', String(round), '--team', 't1', '--move-seq', String(quote.seq)];
  const exists = (file: string) => access(file).then(() => true, () => false);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapan-fork-move-'));
    log = join(dir, 'deal.jsonl');
    await writeFile(log, [...logLines(s.header, s.log.events)].join('\n') + '\n');
  });

  it('with the same move from a file reproduces every round, and the branch verifies', async () => {
    const file = join(dir, 'same.json');
    await writeFile(file, JSON.stringify((quote.payload as { move: Move }).move));
    const out = join(dir, 'same.jsonl');
    const r = await replay(...base(), '--move', file, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`rounds that came out exactly as in the original: ${list(round + 2)}`);
    expect((await replay('verify', out)).code).toBe(0);
    const header = JSON.parse((await readFile(out, 'utf8')).split('\n')[0]!);
    expect(header.parent).toEqual({ headHash: s.log.headHash, headSeq: s.log.lastSeq, forkRound: round });
  });

  it('with an inline move changes the rounds from the fork on and says what became of the later moves', async () => {
    const out = join(dir, 'cheap.jsonl');
    const r = await replay(...base(), '--move', `{"kind":"quote","pricePm":${lower}}`, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`exactly as in the original: ${list(round - 1)}\n`);
    expect(r.stdout).toContain(`seq ${quote.seq}: t1's move {"kind":"quote","pricePm":`);
    expect(r.stdout).toContain(`became {"kind":"quote","pricePm":${lower}}; the later moves of that negotiation were replayed where they still fitted`);
    // The deal closed at the new quote: the logged close is noted, the account called by its name.
    expect(r.stdout).toMatch(/is not in the branch: the negotiation with \S.* is over/);
    expect(r.stdout).not.toContain(`${account.id} is over`);
    expect((await replay('verify', out)).code).toBe(0);
    const dropped = await replay(...base(), '--move', '{"kind":"quote","pricePm":1100}', '--drop-later-moves', '--out', join(dir, 'dear.jsonl'));
    expect(dropped.code).toBe(0);
    expect(dropped.stdout).toContain('the later moves of that negotiation were dropped');
    expect(dropped.stdout).toContain(`t1's logged move at seq ${moves.at(-1)!.seq} is not in the branch: it came after the changed move`);
  });

  it('explains a bad move or bad flags before reading the log, and writes nothing', async () => {
    const out = join(dir, 'never.jsonl');
    const json = await replay(...base(), '--move', '{"kind":"quote",', '--out', out);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('cannot be used: it is not valid JSON');
    const shape = await replay(...base(), '--move', '{"kind":"quote","pricePm":"dear"}', '--out', out);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('move.pricePm must be a whole number');
    const kind = await replay(...base(), '--move', '{"kind":"shout"}', '--out', out);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('move.kind must be one of situation, problem');
    const missing = await replay(...base(), '--move', join(dir, 'nowhere.json'), '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
    const alone = await replay(...base(), '--out', out);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--move-seq <seq> and --move <file.json|JSON> go together');
    const seq = await replay('fork', log, '--at-round', String(round), '--team', 't1', '--move-seq', 'x', '--move', '{"kind":"situation"}', '--out', out);
    expect(seq.code).toBe(2);
    expect(seq.stderr).toContain('--move-seq must be the seq of a logged negotiation move');
    expect(await exists(out)).toBe(false);
  });

  it('refuses a seq that is not the team’s move in that round, or a move the talk does not take, and writes nothing', async () => {
    const out = join(dir, 'never.jsonl');
    const notAMove = await replay('fork', log, '--at-round', String(round), '--team', 't1', '--move-seq', '1', '--move', '{"kind":"situation"}', '--out', out);
    expect(notAMove.code).toBe(1);
    expect(notAMove.stderr).toContain('there is no logged negotiation move at seq 1');
    const otherRound = await replay('fork', log, '--at-round', String(round + 1), '--team', 't1', '--move-seq', String(quote.seq), '--move', '{"kind":"situation"}', '--out', out);
    expect(otherRound.code).toBe(1);
    expect(otherRound.stderr).toContain(`was made in round ${round}, not in round ${round + 1}`);
    const unfit = await replay('fork', log, '--at-round', String(round), '--team', 't1', '--move-seq', String(moves[0]!.seq), '--move', '{"kind":"accept-counter"}', '--out', out);
    expect(unfit.code).toBe(1);
    expect(unfit.stderr).toContain('accept-counter does not fit the conversation now');
    expect(await exists(out)).toBe(false);
  });
});
