import { describe, expect, it } from 'vitest';
import { lessonExperiment } from '../../../engine/bots/lessons.ts';
import type { Policy } from '../../../engine/bots/policy.ts';
import { policyPlayer, soloRun } from '../../../engine/bots/soloRun.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';

/**
 * The workshop's lessons on a small seed set, in `npm test`: against every way of ignoring a
 * lesson, following it scores more in the median of four seeded markets and wins at least half
 * of them. The full proof (16 seeds, the "holds" rule: 70% of seeds, median +1 point) is the
 * balance project's (tests/balance/lessons.balance.test.ts); this catches a change that turns a
 * lesson around.
 */
const loaded = loadBuiltIn('workshop');
if (!loaded.ok) throw new Error('workshop does not load');
const scenario = loaded.scenario;
const SEEDS = ['7001', '7002', '7003', '7004'];

describe('the workshop teaches its lessons (small seed set)', () => {
  const scores = new Map<string, number[]>();
  const scored = (policy: Policy) => {
    const key = JSON.stringify(policy);
    if (!scores.has(key)) scores.set(key, SEEDS.map((seed) => soloRun(scenario, seed, policyPlayer(policy)).card.total));
    return scores.get(key)!;
  };
  it.each(scenario.lessons)('%s', (id) => {
    const e = lessonExperiment(id);
    const follow = scored(e.follow);
    for (const v of e.ignore) {
      const deltas = scored(v.policy).map((x, i) => follow[i]! - x);
      const sorted = [...deltas].sort((a, b) => a - b);
      const median = (sorted[1]! + sorted[2]!) / 2;
      expect(median, `${id} against ${v.id}: ${deltas.map((d) => d.toFixed(1)).join(', ')}`).toBeGreaterThan(0);
      expect(deltas.filter((d) => d > 0).length, `${id} against ${v.id}`).toBeGreaterThanOrEqual(2);
    }
  }, 120_000);
});
