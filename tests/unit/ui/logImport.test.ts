import { describe, expect, it } from 'vitest';
import { seal } from '../../../engine/core/chain.ts';
import type { EventEnvelope, UnsealedEvent } from '../../../engine/core/envelope.ts';
import { hashOf } from '../../../engine/core/hash.ts';
import { readLog } from '../../../engine/core/verify.ts';
import { catalogFor, replayCheckerFor } from '../../../engine/kinds.ts';
import { sessionDecider } from '../../../engine/session/decider.ts';
import { sessionStateHash } from '../../../engine/session/stateHash.ts';
import { EngineClient } from '../../../ui/game/engineClient.ts';
import { EngineCore } from '../../../ui/game/engineCore.ts';
import type { EngineReply, ImportProgress } from '../../../ui/game/protocol.ts';
import type { SessionDecider } from '../../../ui/game/soloSession.ts';
import { soloLog, soloLogFile } from '../../support/soloLog.ts';

/** A session decider that counts the rounds it really re-runs (RoundResolved reaching evolve). */
function countingDecider() {
  const count = { rounds: 0 };
  const decider = (seed: string): SessionDecider => {
    const inner = sessionDecider(seed);
    return {
      ...inner,
      evolve: (state, event) => {
        if (event.type === 'RoundResolved') count.rounds++;
        return inner.evolve(state, event);
      },
    };
  };
  return { count, decider };
}

const blob = (text: string) => new Blob([text]);

function snapshotOf(reply: EngineReply) {
  if (!reply.ok) throw new Error(`not opened: ${JSON.stringify(reply)}`);
  return reply.snapshot;
}

/** The refusal users got before imports moved to the worker: readLog with the engine check. */
async function problemBefore(text: string) {
  const read = await readLog([text], catalogFor, { checkerFor: replayCheckerFor });
  if (read.ok) throw new Error('the old check accepted it');
  return read.problem;
}

describe('importing a solo log (logImport.ts, in the engine worker)', () => {
  it('re-runs each round of a valid log exactly once, reports each, and opens it at its head', async () => {
    const log = soloLog({ scenario: 'tutorial' });
    const { count, decider } = countingDecider();
    const progress: ImportProgress[] = [];
    const reply = await new EngineCore(decider).handle({ op: 'import', file: blob(log.text) }, (p) => progress.push(p));
    const s = snapshotOf(reply);
    expect(count.rounds).toBe(log.rounds);
    expect(progress).toEqual(Array.from({ length: log.rounds }, (_, i) => ({ round: i + 1, rounds: log.rounds })));
    expect(s.head).toEqual(log.session.head);
    expect(s.events.length).toBe(log.events.length);
    expect(sessionStateHash(s.state)).toBe(sessionStateHash(log.session.state));
    expect(s.state.status).toBe('ended');
  });

  it('plays on from an imported mid-game log: the next round is re-run once, as if never exported', async () => {
    const log = soloLog({ scenario: 'tutorial', rounds: 2 });
    const { count, decider } = countingDecider();
    const core = new EngineCore(decider);
    snapshotOf(await core.handle({ op: 'import', file: blob(log.text) }));
    expect(count.rounds).toBe(2);
    const closed = snapshotOf(await core.handle({ op: 'send', command: { type: 'CloseRound' }, now: 't3' }));
    expect(count.rounds).toBe(3);
    expect(log.session.send({ type: 'CloseRound' }, 't3').ok).toBe(true);
    expect(closed.head).toEqual(log.session.head);
    expect(sessionStateHash(closed.state)).toBe(sessionStateHash(log.session.state));
  });

  it('refuses a tampered line with the first bad event, the same problem as before', async () => {
    const log = soloLog({ scenario: 'tutorial', rounds: 1 });
    const lines = log.text.split('\n');
    lines[3] = lines[3]!.replace(/"round":\d+/, '"round":7');
    const text = lines.join('\n');
    const reply = await new EngineCore().handle({ op: 'import', file: blob(text) });
    expect(reply).toEqual({ ok: false, problem: await problemBefore(text) });
    expect(reply).toMatchObject({ problem: { code: 'hash-mismatch', seq: 3, line: 4 } });
  });

  it('refuses a log whose round was edited and the chain resealed, at that round, as before', async () => {
    const log = soloLog({ scenario: 'tutorial', rounds: 3 });
    const k = log.events.findIndex((e) => e.type === 'RoundResolved' && e.round === 2);
    const target = log.events[k]! as EventEnvelope<{ type: string; payload: { stateHash: string } }>;
    const events: EventEnvelope[] = log.events.slice(0, k);
    let prev = events.at(-1)!.hash;
    for (const [i, e] of log.events.slice(k).entries()) {
      const { hash: _h, prevHash: _p, seq, ...body } = i === 0 ? { ...target, payload: { ...target.payload, stateHash: hashOf('not the state') } } : e;
      const sealed = seal(body as UnsealedEvent, seq, prev);
      events.push(sealed);
      prev = sealed.hash;
    }
    const text = soloLogFile(log.header, events);
    const { count, decider } = countingDecider();
    const reply = await new EngineCore(decider).handle({ op: 'import', file: blob(text) });
    expect(reply).toEqual({ ok: false, problem: await problemBefore(text) });
    expect(reply).toMatchObject({ problem: { code: 'rejected-by-engine', seq: target.seq } });
    expect(count.rounds).toBe(2); // it stops at the bad round
  });

  it('runs on the page when no worker can start, with the same progress', async () => {
    // Node has no Worker: the client falls back to the core on the page.
    const log = soloLog({ scenario: 'tutorial', rounds: 2 });
    const client = new EngineClient();
    const progress: ImportProgress[] = [];
    const s = snapshotOf(await client.request({ op: 'import', file: blob(log.text) }, (p) => progress.push(p)));
    expect(s.head).toEqual(log.session.head);
    expect(progress.map((p) => p.round)).toEqual([1, 2]);
    client.dispose();
  });

  it('says a log that is not a solo game is not one', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile('tests/golden/demo-ledger.jsonl', 'utf8');
    expect(await new EngineCore().handle({ op: 'import', file: blob(text) })).toEqual({ ok: false, notSolo: true });
  });
});
