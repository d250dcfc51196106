import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../engine/core/hash.ts';
import { logLines } from '../../engine/core/jsonl.ts';
import { fold } from '../../engine/core/replay.ts';
import { readLog } from '../../engine/core/verify.ts';
import { playLedger } from '../../engine/core/demo/ledgerScript.ts';
import { deciderFor, catalogFor, replayCheckerFor } from '../../engine/kinds.ts';
import { fileChunks } from '../../cli/io/logFile.ts';
import { sessionStateHash } from '../../engine/session/stateHash.ts';
import type { SessionState } from '../../engine/session/state.ts';
import expected from './expected.json' with { type: 'json' };

/**
 * Committed logs must keep replaying to the hashes recorded when they were written: a change
 * to the engine that alters them breaks every saved session and workshop log. When a change is
 * meant to alter how sessions resolve, `npm run golden:update` rewrites them (say so in the commit).
 */
describe.each(Object.entries(expected))('golden log %s', (file, want) => {
  it('verifies and folds to its recorded head and state hash', async () => {
    // Session logs are recomputed round by round and checked against their recorded state hashes.
    const read = await readLog(fileChunks(`tests/golden/${file}`), catalogFor, { checkerFor: replayCheckerFor });
    expect(read.ok, read.ok ? '' : JSON.stringify(read.problem)).toBe(true);
    if (!read.ok) return;
    expect({ count: read.count, head: read.head }).toEqual({ count: want.count, head: want.head });
    const decider = deciderFor(read.header);
    if (typeof decider === 'string') throw new Error(decider);
    const state = fold(decider, read.header, read.events);
    expect(hashOf(state)).toBe(want.stateHash);
    // The markets alone: an upcaster may reshape what the state keeps of the scenario (and so the
    // whole-state hash), never the markets the rounds resolved to.
    if ('marketHash' in want) expect(sessionStateHash(state as SessionState)).toBe(want.marketHash);
  });
});

describe('the demo script', () => {
  it('still writes the golden demo log byte for byte', async () => {
    const committed = await readFile('tests/golden/demo-ledger.jsonl', 'utf8');
    const session = playLedger('golden', 300);
    expect([...logLines(session.header, session.log.events)].join('\n') + '\n').toBe(committed);
  });
});

describe('a log from a release with another market model (0.1.0)', () => {
  it('verifies its chain but is not re-run: refused at its first round with the release that can replay it', async () => {
    const read = await readLog(fileChunks('tests/golden/workshop-parallel-0.1.0.jsonl'), catalogFor, { checkerFor: replayCheckerFor });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem.code).toBe('other-engine');
    expect(read.problem.params).toMatchObject({ recorded: '0.1.0', round: 1 });
    // Without the engine's re-run, the same file is an intact chain.
    const chain = await readLog(fileChunks('tests/golden/workshop-parallel-0.1.0.jsonl'), catalogFor);
    expect(chain.ok).toBe(true);
  });
});
