import { describe, expect, it } from 'vitest';
import { oneChangeAway, policyChanges } from '../../../cli/balance/policySpace.ts';
import { REFERENCE_POLICY } from '../../../engine/bots/policy.ts';

describe('the one-line changes to the reference', () => {
  const changes = oneChangeAway();

  it('each moves exactly one lever of the reference, to a value it did not have', () => {
    expect(changes.length).toBeGreaterThan(100);
    for (const c of changes) {
      const diff = policyChanges(c.policy, REFERENCE_POLICY);
      // A window's bounds are one line of the plan with its switch: moving one makes the window the policy's own.
      const own = c.field === 'renewalFrom' || c.field === 'renewalTo';
      expect(Object.keys(diff), `${c.field}=${JSON.stringify(c.value)}`).toEqual(own ? ['renewalWindow', c.field] : [c.field]);
      if (own) expect(diff.renewalWindow).toBe('own');
      expect(diff[c.field]).toEqual(c.value);
    }
  });

  it('cover every lever, numbers a step and two either way within their range', () => {
    const fields = new Set(changes.map((c) => c.field));
    for (const f of ['prospecting', 'development', 'trainEvery', 'negotiation', 'price1', 'targetBandPm', 'incentiveKinds']) expect(fields.has(f), f).toBe(true);
    const prospecting = changes.filter((c) => c.field === 'prospecting').map((c) => c.value);
    expect(prospecting).toEqual([REFERENCE_POLICY.prospecting - 12, REFERENCE_POLICY.prospecting - 6, REFERENCE_POLICY.prospecting + 6, REFERENCE_POLICY.prospecting + 12]);
  });
});
