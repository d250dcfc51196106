/**
 * npm run golden:update — rewrites the golden session logs and their recorded hashes. Run it
 * only when a change is meant to alter how sessions resolve, and say so in the commit: every
 * saved session from before replays differently afterwards.
 */
import { writeFile } from 'node:fs/promises';
import { hashOf } from '../engine/core/hash.ts';
import { logLines } from '../engine/core/jsonl.ts';
import { fold } from '../engine/core/replay.ts';
import { readLog } from '../engine/core/verify.ts';
import { playLedger } from '../engine/core/demo/ledgerScript.ts';
import { playBotSession } from '../engine/session/botSession.ts';
import type { SessionState } from '../engine/session/state.ts';
import { sessionStateHash } from '../engine/session/stateHash.ts';
import { catalogFor, deciderFor } from '../engine/kinds.ts';
import { loadBuiltIn } from '../scenarios/library.ts';
import { fileChunks, writeLines } from './io/logFile.ts';

/** The golden sessions: small enough to replay in a second, varied enough to touch most rules. */
const SESSIONS = [
  { file: 'workshop-shared.jsonl', scenario: 'workshop', seed: 'golden-1', bots: ['balanced', 'random', 'max-discount'], rounds: 6, mode: 'shared' as const },
  { file: 'workshop-parallel.jsonl', scenario: 'workshop', seed: 'golden-2', bots: ['balanced', 'all-one-territory'], rounds: 4, mode: 'parallel' as const },
];

const expected: Record<string, { count: number; head: string; stateHash: string; marketHash?: string }> = {};
for (const s of SESSIONS) {
  const loaded = loadBuiltIn(s.scenario);
  if (!loaded.ok) throw new Error(`${s.scenario} does not load`);
  const session = playBotSession({
    scenario: loaded.scenario,
    scenarioHash: loaded.hash,
    seed: s.seed,
    bots: s.bots,
    rounds: s.rounds,
    mode: s.mode,
    clock: () => '2026-01-01T00:00:00.000Z',
  });
  await writeLines(`tests/golden/${s.file}`, logLines(session.header, session.log.events));
  console.log(`wrote tests/golden/${s.file}: ${session.log.lastSeq} events`);
}
// The demo ledger in the current log format; the tests check the script still writes it byte for byte.
const demo = playLedger('golden', 300);
await writeLines('tests/golden/demo-ledger.jsonl', logLines(demo.header, demo.log.events));
// demo-ledger-v1 (an older event version) and demo-ledger-format1 (the first log format, whose
// header hash covered the seed) are never rewritten: they are what older releases wrote.
for (const file of ['demo-ledger.jsonl', 'demo-ledger-v1.jsonl', 'demo-ledger-format1.jsonl', ...SESSIONS.map((s) => s.file)]) {
  const read = await readLog(fileChunks(`tests/golden/${file}`), catalogFor);
  if (!read.ok) throw new Error(`${file}: ${JSON.stringify(read.problem)}`);
  const decider = deciderFor(read.header);
  if (typeof decider === 'string') throw new Error(decider);
  const state = fold(decider, read.header, read.events);
  const session = SESSIONS.some((s) => s.file === file);
  expected[file] = {
    count: read.count,
    head: read.head,
    stateHash: hashOf(state),
    ...(session ? { marketHash: sessionStateHash(state as SessionState) } : {}),
  };
}
await writeFile('tests/golden/expected.json', `${JSON.stringify(expected, null, 2)}\n`);
console.log('wrote tests/golden/expected.json');
