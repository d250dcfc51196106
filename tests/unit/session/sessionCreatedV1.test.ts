import { describe, expect, it } from 'vitest';
import { checkVersion, upcast } from '../../../engine/core/eventCatalog.ts';
import type { DomainEvent, EventEnvelope } from '../../../engine/core/envelope.ts';
import { sessionCatalog } from '../../../engine/session/events.ts';
import { workshop } from '../../support/marketArbitrary.ts';

/** The SessionCreated payload as v1 wrote it: objectives were bare texts, no debrief or guide. */
function v1Envelope(): EventEnvelope<DomainEvent> {
  const { scenario, hash } = workshop();
  const { debrief: _d, guide: _g, ...rest } = scenario;
  const old = { ...rest, objectives: scenario.objectives.map((o) => o.text) };
  return {
    seq: 1,
    type: 'SessionCreated',
    v: 1,
    round: 0,
    actor: { kind: 'facilitator', id: 'f' },
    ts: 't',
    cmd: 'c',
    payload: { scenario: old, scenarioHash: hash, mode: 'shared', teams: [] },
    prevHash: '',
    hash: '',
  };
}

describe('SessionCreated v1 → v2', () => {
  it('is readable, and comes up with framed objectives and empty debrief and guide', () => {
    expect(checkVersion(sessionCatalog, 'SessionCreated', 1)).toBeNull();
    const up = upcast(sessionCatalog, v1Envelope());
    expect(up.v).toBe(2);
    const scenario = (up.payload as { scenario: Record<string, unknown> }).scenario;
    expect(scenario.objectives).toEqual(workshop().scenario.objectives.map((o) => ({ framework: 'manager-role', text: o.text })));
    expect(scenario.debrief).toEqual([]);
    expect(scenario.guide).toEqual([]);
    expect(scenario.territories).toEqual(workshop().scenario.territories);
  });

  it('leaves a payload it cannot read as it is, for the verifier to refuse', () => {
    const env = { ...v1Envelope(), payload: { scenario: 'garbage' } };
    expect(upcast(sessionCatalog, env).payload).toEqual({ scenario: 'garbage' });
  });
});
