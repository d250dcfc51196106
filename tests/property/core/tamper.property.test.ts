import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerCatalog } from '../../../engine/core/demo/ledger.ts';
import { verifyLog } from '../../../engine/core/verify.ts';
import { fileOf, ledgerCommand, runLedger } from '../../support/ledgerArbitrary.ts';

/** The seq a line stands for: 0 the header, n an event, count + 1 the trailer. */
function seqOfLine(lineIndex: number): number {
  return lineIndex;
}

const sessionFile = fc
  .array(ledgerCommand, { minLength: 3, maxLength: 40 })
  .map((commands) => fileOf(runLedger(commands)))
  .filter((file) => file.split('\n').length > 4);

const utf8 = new TextEncoder();

describe('verify catches tampering', () => {
  it('an untouched file verifies', async () => {
    await fc.assert(
      fc.asyncProperty(sessionFile, async (file) => {
        const result = await verifyLog([file], ledgerCatalog);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('any single-byte change fails at or before the changed line', async () => {
    await fc.assert(
      fc.asyncProperty(sessionFile, fc.nat(), fc.integer({ min: 1, max: 255 }), async (file, at, delta) => {
        const bytes = utf8.encode(file);
        const index = at % bytes.length;
        const changed = bytes.slice();
        changed[index] = (changed[index]! + delta) % 256;
        const lineIndex = bytes.subarray(0, index).filter((b) => b === 10).length;
        const result = await verifyLog([changed], ledgerCatalog);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem.seq).toBeLessThanOrEqual(seqOfLine(lineIndex));
      }),
      { numRuns: 1500 },
    );
  });

  it('a dropped line fails at or before it', async () => {
    await fc.assert(
      fc.asyncProperty(sessionFile, fc.nat(), async (file, at) => {
        const lines = file.trimEnd().split('\n');
        const drop = at % lines.length;
        const result = await verifyLog([lines.filter((_, i) => i !== drop).join('\n')], ledgerCatalog);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem.seq).toBeLessThanOrEqual(seqOfLine(drop));
      }),
      { numRuns: 200 },
    );
  });

  it('a swapped pair fails at or before the first of them', async () => {
    await fc.assert(
      fc.asyncProperty(sessionFile, fc.nat(), async (file, at) => {
        const lines = file.trimEnd().split('\n');
        const i = at % (lines.length - 1);
        [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
        const result = await verifyLog([lines.join('\n')], ledgerCatalog);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem.seq).toBeLessThanOrEqual(seqOfLine(i));
      }),
      { numRuns: 200 },
    );
  });

  it('a file cut at any byte fails', async () => {
    await fc.assert(
      fc.asyncProperty(sessionFile, fc.nat(), async (file, at) => {
        const cut = at % (file.length - 1);
        const result = await verifyLog([file.slice(0, cut)], ledgerCatalog);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
