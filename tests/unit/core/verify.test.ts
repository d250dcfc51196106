import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../engine/core/canonicalJson.ts';
import { ledgerCatalog } from '../../../engine/core/demo/ledger.ts';
import { seal } from '../../../engine/core/chain.ts';
import { verifyLog, type LogProblemCode } from '../../../engine/core/verify.ts';
import { createHeader, headerHash, LOG_FORMAT_VERSION, withRevealedSeed } from '../../../engine/core/header.ts';
import { describeLogProblem } from '../../../engine/i18n/describe.ts';
import { fileOf, runLedger } from '../../support/ledgerArbitrary.ts';

const session = runLedger([
  { type: 'OpenRound' },
  { type: 'RecordSale', territory: 'east', units: 1, price: 5 },
  { type: 'RecordSale', territory: 'west', units: 2, price: 5 },
  { type: 'CloseRound' },
]);
const lines = fileOf(session).trimEnd().split('\n');

async function problemOf(fileLines: string[], form: 'strict' | 'bytes' = 'strict') {
  const result = await verifyLog([fileLines.join('\n')], ledgerCatalog, { form });
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

function editEvent(seq: number, edit: (e: Record<string, unknown>) => void, reseal = false): string[] {
  const copy = lines.slice();
  const event = JSON.parse(copy[seq]!) as Record<string, unknown>;
  edit(event);
  if (reseal) {
    const { hash: _h, prevHash, seq: s, ...rest } = event;
    copy[seq] = canonicalJson(seal(rest as never, s as number, prevHash as string));
  } else copy[seq] = canonicalJson(event);
  return copy;
}

describe('verifyLog', () => {
  it('accepts the log and reports its head', async () => {
    const result = await verifyLog([lines.join('\n') + '\n'], ledgerCatalog);
    expect(result).toMatchObject({ ok: true, count: 4, head: session.log.headHash, trailer: true });
  });

  it('reads the same log split into arbitrary chunks, with CRLF line ends', async () => {
    const crlf = new TextEncoder().encode(lines.join('\r\n'));
    const chunks = Array.from({ length: Math.ceil(crlf.length / 7) }, (_, i) => crlf.subarray(i * 7, i * 7 + 7));
    expect((await verifyLog(chunks, ledgerCatalog)).ok).toBe(true);
  });

  const cases: [string, () => string[], LogProblemCode, number][] = [
    ['an empty file', () => [], 'empty', 0],
    ['a blank line', () => [lines[0]!, '', ...lines.slice(1)], 'blank-line', 1],
    ['broken JSON', () => [lines[0]!, lines[1]!.slice(0, -1), ...lines.slice(2)], 'malformed-json', 1],
    ['pretty-printed JSON', () => [lines[0]!, JSON.stringify(JSON.parse(lines[1]!), null, 1).replace(/\n/g, ''), ...lines.slice(2)], 'not-canonical', 1],
    ['a header that is an event', () => lines.slice(1), 'bad-header', 0],
    ['a changed header', () => [lines[0]!.replace('"test"', '"tset"'), ...lines.slice(1)], 'header-mismatch', 0],
    ['a wrong seed', () => [lines[0]!.replace('"seed":"prop"', '"seed":"pro"'), ...lines.slice(1)], 'seed-mismatch', 0],
    ['a newer format', () => [lines[0]!.replace(`"formatVersion":${LOG_FORMAT_VERSION}`, '"formatVersion":9'), ...lines.slice(1)], 'unsupported-format', 0],
    ['an edited payload', () => editEvent(2, (e) => ((e.payload as { units: number }).units = 9)), 'hash-mismatch', 2],
    ['a missing field', () => editEvent(2, (e) => delete e.cmd), 'bad-event', 2],
    ['an extra field', () => editEvent(2, (e) => (e.extra = 1)), 'bad-event', 2],
    ['a dropped event', () => [lines[0]!, lines[1]!, ...lines.slice(3)], 'seq-gap', 2],
    ['a repeated event', () => [lines[0]!, lines[1]!, lines[2]!, lines[2]!, ...lines.slice(3)], 'seq-repeat', 3],
    ['an event resealed onto another chain', () => editEvent(2, (e) => (e.prevHash = 'a'.repeat(64)), true), 'broken-chain', 2],
    ['an unknown type', () => editEvent(1, (e) => (e.type = 'Mystery'), true), 'unknown-type', 1],
    ['an unknown version', () => editEvent(1, (e) => (e.v = 7), true), 'unknown-version', 1],
    ['no trailer', () => lines.slice(0, -1), 'missing-trailer', 5],
    ['a cut-off tail with its trailer', () => [...lines.slice(0, 3)], 'missing-trailer', 3],
    ['a trailer that disagrees', () => [...lines.slice(0, 4), lines[5]!], 'trailer-mismatch', 4],
    ['a malformed trailer', () => [...lines.slice(0, 5), '{"trailer":{"count":4}}'], 'bad-trailer', 5],
    ['a line after the trailer', () => [...lines, lines[1]!], 'after-trailer', 5],
  ];
  it.each(cases)('names the problem in %s', async (_name, make, code, seq) => {
    const problem = await problemOf(make());
    expect(problem.code).toBe(code);
    expect(problem.seq).toBe(seq);
    // Opening a log to use it checks the bytes, not the form, and finds the very same problem.
    expect(await problemOf(make(), 'bytes')).toEqual(problem);
    expect(describeLogProblem(problem, 'en')).not.toMatch(/log\.|\{\w+\}/);
    expect(describeLogProblem(problem, 'zh-CN')).not.toMatch(/log\.|\{\w+\}/);
  });

  it('when opening to use a log, takes a line whose bytes match its hash whatever its form; the strict check does not', async () => {
    // Only a writer that hashes its own non-canonical text makes such a line: no edit can.
    const event = JSON.parse(lines[2]!) as Record<string, unknown>;
    const { hash: _h, ...body } = event;
    const reordered = JSON.stringify({ v: body.v, ...body });
    const hash = createHash('sha256').update(reordered).digest('hex');
    const line = `${reordered.slice(0, -1)},"hash":"${hash}"}`;
    const file = [lines[0]!, lines[1]!, line];
    const bytes = await verifyLog([file.join('\n')], ledgerCatalog, { form: 'bytes', requireTrailer: false });
    expect(bytes).toMatchObject({ ok: true, count: 2, head: hash });
    expect((await problemOf(file)).code).toBe('not-canonical');
  });

  it('refuses a line too long to be an event without reading it all', async () => {
    const huge = function* () {
      yield lines[0] + '\n';
      for (let i = 0; i < 20; i++) yield 'x'.repeat(1 << 20);
    };
    const result = await verifyLog(huge(), ledgerCatalog);
    expect(result.ok || result.problem.code).toBe('line-too-long');
  });
});

describe('a hidden seed revealed after the end', () => {
  const hidden = createHeader({ engineVersion: 't', scenario: { id: 's', hash: 'h' }, seed: 'secret', createdAt: 'now', hideSeed: true });

  it('keeps the header hash, so the chain written during the session still holds', () => {
    expect(hidden.seed).toBeUndefined();
    expect(headerHash(withRevealedSeed(hidden, 'secret'))).toBe(headerHash(hidden));
  });

  it('takes only the committed seed', () => {
    expect(() => withRevealedSeed(hidden, 'guess')).toThrow(/commitment/);
  });

  it('a format-1 header still hashes its seed, as it did when it was written', () => {
    const old = { ...withRevealedSeed(hidden, 'secret'), formatVersion: 1 };
    const { seed: _s, ...withoutSeed } = old;
    expect(headerHash(old)).not.toBe(headerHash(withoutSeed as typeof old));
  });
});
