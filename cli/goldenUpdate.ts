/**
 * npm run golden:update — rewrites the golden session logs and their recorded hashes. Run it
 * only when a change is meant to alter how sessions resolve, and say so in the commit: every
 * saved session from before replays differently afterwards.
 */
import { writeFile } from 'node:fs/promises';
import { seal } from '../engine/core/chain.ts';
import type { EventEnvelope } from '../engine/core/envelope.ts';
import { hashOf } from '../engine/core/hash.ts';
import { headerHash, type LogHeader } from '../engine/core/header.ts';
import type { Scenario } from '../engine/model/scenario.ts';
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
  { file: 'supply-disruption-shared.jsonl', scenario: 'supply-disruption', seed: 'golden-3', bots: ['balanced', 'p1-everything', 'ignore-renewals'], rounds: 9, mode: 'shared' as const },
  // Written as a release from before SessionCreated v2 and log format 2 would have written it.
  { file: 'tutorial-v1.jsonl', scenario: 'tutorial', seed: 'golden-4', bots: ['balanced', 'random'], rounds: 4, mode: 'parallel' as const, asVersion1: true },
];

/**
 * The same session as an older release logged it: a format-1 header (its hash covers the seed)
 * and SessionCreated v1 (objectives as bare texts, no debrief prompts or guide notes), sealed
 * into a chain of its own. Today's engine must upcast it and re-run every round to the hashes it
 * recorded; it is regenerated this way whenever the model changes on purpose.
 */
function asVersion1(header: LogHeader, events: readonly EventEnvelope[]): { header: LogHeader; events: EventEnvelope[] } {
  const old: LogHeader = { ...header, formatVersion: 1 };
  let prev = headerHash(old);
  const sealed = events.map((e) => {
    const { hash: _h, prevHash: _p, seq, ...rest } = e;
    let body = rest;
    if (e.type === 'SessionCreated') {
      const payload = e.payload as { scenario: Scenario };
      const { debrief: _d, guide: _g, ...scenario } = payload.scenario;
      body = { ...rest, v: 1, payload: { ...payload, scenario: { ...scenario, objectives: payload.scenario.objectives.map((o) => o.text) } } };
    }
    const next = seal(body as never, seq, prev) as EventEnvelope;
    prev = next.hash;
    return next;
  });
  return { header: old, events: sealed };
}

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
  const written = 'asVersion1' in s ? asVersion1(session.header, session.log.events) : { header: session.header, events: session.log.events };
  await writeLines(`tests/golden/${s.file}`, logLines(written.header, written.events));
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
