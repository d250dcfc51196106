import { describe, expect, it } from 'vitest';
import { EventLog } from '../../../engine/core/eventLog.ts';
import type { UnsealedEvent } from '../../../engine/core/envelope.ts';
import { demoHeader } from '../../support/ledgerArbitrary.ts';

const event = (cmd: string, round = 1): UnsealedEvent => ({
  type: 'RoundOpened',
  v: 1,
  round,
  actor: { kind: 'facilitator', id: 'f' },
  ts: 't',
  cmd,
  payload: { round },
});

describe('EventLog', () => {
  it('chains events from the header hash', () => {
    const log = new EventLog(demoHeader());
    const r = log.append([event('a'), event('a')], 0);
    expect(r.ok).toBe(true);
    expect(log.at(1)!.prevHash).toBe(log.headerHash);
    expect(log.at(2)!.prevHash).toBe(log.at(1)!.hash);
    expect(log.headHash).toBe(log.at(2)!.hash);
    expect(log.at(2)!.seq).toBe(2);
  });

  it('refuses a stale writer and changes nothing', () => {
    const log = new EventLog(demoHeader());
    log.append([event('a')], 0);
    const head = log.headHash;
    const r = log.append([event('b')], 0);
    expect(r).toEqual({ ok: false, code: 'stale-writer', expectedSeq: 0, actualSeq: 1 });
    expect(log.lastSeq).toBe(1);
    expect(log.headHash).toBe(head);
  });

  it('appends the same command once, even when retried with a stale seq', () => {
    const log = new EventLog(demoHeader());
    const first = log.append([event('a'), event('a')], 0);
    const again = log.append([event('a'), event('a')], 0);
    expect(again.ok && again.duplicate).toBe(true);
    expect(again.ok && again.events).toEqual(first.ok && first.events);
    expect(log.lastSeq).toBe(2);
  });

  it('refuses one batch for two commands', () => {
    const log = new EventLog(demoHeader());
    expect(log.append([event('a'), event('b')], 0)).toEqual({ ok: false, code: 'mixed-commands' });
    expect(log.lastSeq).toBe(0);
  });

  it('restores command ids so idempotency survives a reload', () => {
    const log = new EventLog(demoHeader());
    log.append([event('a')], 0);
    const reloaded = EventLog.restore(log.header, log.events);
    expect(reloaded.append([event('a')], 0)).toMatchObject({ ok: true, duplicate: true });
    expect(reloaded.headHash).toBe(log.headHash);
  });
});
