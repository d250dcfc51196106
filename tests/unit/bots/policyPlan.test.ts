import { describe, expect, it } from 'vitest';
import { planFor, REFERENCE_POLICY, withPolicy } from '../../../engine/bots/policy.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';

function firstView(id: string) {
  const loaded = loadBuiltIn(id);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  const scenario = loaded.scenario;
  const firm = scenario.firms.findIndex((f) => f.kind === 'team');
  const market = initialMarket(scenario, 'policy-plan', [scenario.firms[firm]!.id]);
  return { market, scenario, firm, seed: 'policy-plan' };
}

describe('the reference plan', () => {
  it('visits accounts in the renewal window the scenario sets, not a fixed 3–6 rounds', () => {
    // The tutorial's window is 1–3 rounds before the contract ends; Yuehai Dining's ends in round 4.
    const view = firstView('tutorial');
    const c = view.scenario.coefficients.customers;
    expect([c.renewalLatestRounds, c.renewalEarliestRounds]).toEqual([1, 3]);
    const visited = (round: number, policy = REFERENCE_POLICY) => planFor(policy, { ...view, round }).executive.map((e) => e.account);
    expect(visited(1)).toContain('yuehai-dining');
    expect(visited(3)).toContain('yuehai-dining');
    // A manager keeping its own 3–6 window would be there only in round 1.
    const own = withPolicy({ renewalWindow: 'own', renewalFrom: 3, renewalTo: 6 });
    expect(visited(1, own)).toContain('yuehai-dining');
    expect(visited(2, own)).not.toContain('yuehai-dining');
    expect(visited(2)).toContain('yuehai-dining');
  });

  it('trains nobody when it never trains, not even when morale calls for a rescue', () => {
    // The workshop's team starts under the rescue threshold of 70.
    const view = { ...firstView('workshop'), round: 1 };
    const reps = view.market.firms[view.firm]!.reps;
    expect(reps.reduce((s, r) => s + r.morale, 0) / reps.length).toBeLessThan(REFERENCE_POLICY.moraleRescue);
    expect(planFor(REFERENCE_POLICY, view).training.length).toBe(reps.length);
    const never = planFor(withPolicy({ trainEvery: 0, practiceHours: 0 }), view);
    expect(never.training).toEqual([]);
    expect(never.reps.every((r) => r.training === 0)).toBe(true);
  });

  it('prices by how strongly each tier\'s buyers answer price: 96% of list where the exponent is 4', () => {
    // Default exponents 2, 3, 4: the same as pricing by tier.
    expect(planFor(REFERENCE_POLICY, { ...firstView('workshop'), round: 1 }).pricePm).toEqual([1000, 1000, 960]);
    // The tutorial's tier 2 is as price-sensitive as a tier 3 (exponents 2, 4, 4).
    const tutorial = { ...firstView('tutorial'), round: 1 };
    expect(tutorial.scenario.coefficients.attraction.priceExponent).toEqual([2, 4, 4]);
    expect(planFor(REFERENCE_POLICY, tutorial).pricePm).toEqual([1000, 960, 960]);
    expect(planFor(withPolicy({ priceBy: 'tier' }), tutorial).pricePm).toEqual([1000, 1000, 960]);
  });
});
