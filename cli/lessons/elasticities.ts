/**
 * The model's elasticities around a policy, measured the way the field measures them: the %
 * change in volume over the game per 1% change of a lever, from ±10% perturbations on the same
 * seeds (arc elasticity, seed by seed, then the median). The step is the change actually made:
 * promotion spent, and travel spent for selling hours (calls cost travel in proportion).
 * docs/model.md sets them beside the meta-analytic means they are tuned to.
 *
 * Each lever is measured on the volume it acts on. The list price and promotion reach the spot
 * market, the long tail: a key account buys at the price negotiated for its contract, which the
 * list does not move (the negotiation tournament measures that price), so the firm's total units
 * would dilute the price response by whatever share contracts happen to hold in a scenario (60%
 * in head-and-tail). Their volume is the long tail's orders, before operations' capacity, as the
 * published estimates measure demand where supply keeps up. Reps' hours serve both the tail and the
 * key accounts, so selling is measured on every unit the firm sold.
 */
import { withPolicy, type Policy } from '../../engine/bots/policy.ts';
import type { Trial, TrialResult } from '../experiment/trial.ts';
import { quantile } from '../tournament/figures.ts';

export type Lever = 'price' | 'promotion' | 'selling';
export const LEVERS: readonly Lever[] = ['price', 'promotion', 'selling'];

/** Published means and the range the model is held to. */
export const ELASTICITY_TARGETS: Readonly<Record<Lever, { readonly published: number; readonly min: number; readonly max: number; readonly source: string }>> = {
  price: { published: -2.62, min: -3.5, max: -1.5, source: 'Bijmolt, van Heerde & Pieters (2005)' },
  promotion: { published: 0.12, min: 0.05, max: 0.2, source: 'Sethuraman, Tellis & Briesch (2011)' },
  selling: { published: 0.34, min: 0.2, max: 0.5, source: 'Albers, Mantrala & Sridhar (2010)' },
};

const STEP = 0.1;

/** The volume each lever is measured on (see above). */
export const VOLUME: Readonly<Record<Lever, 'longTailOrders' | 'units'>> = { price: 'longTailOrders', promotion: 'longTailOrders', selling: 'units' };

/** The policy with one lever moved by `factor` (1.1 or 0.9). */
export function perturbed(policy: Policy, lever: Lever, factor: number): Policy {
  switch (lever) {
    case 'price':
      return withPolicy({ pricePm: policy.pricePm.map((p) => Math.round(p * factor)) as unknown as Policy['pricePm'] }, policy);
    case 'promotion':
      return withPolicy({ promotionPm: Math.round(policy.promotionPm * factor) }, policy);
    case 'selling':
      return withPolicy({ sellingPm: Math.round(policy.sellingPm * factor) }, policy);
  }
}

export function elasticityTrials(policy: Policy, seeds: readonly string[]): Trial[] {
  return LEVERS.flatMap((lever) => [1 + STEP, 1 - STEP].flatMap((f) => seeds.map((seed) => ({ seed, policy: perturbed(policy, lever, f) }))));
}

/**
 * Elasticities from the trials of elasticityTrials (same order) and the unperturbed results, each
 * on its lever's volume, or on the firm's units sold for every lever (`allUnits`).
 */
export function elasticities(base: readonly TrialResult[], perturbedResults: readonly TrialResult[], allUnits = false): Record<Lever, number> {
  const n = base.length;
  const out = {} as Record<Lever, number>;
  LEVERS.forEach((lever, k) => {
    const up = perturbedResults.slice(2 * k * n, 2 * k * n + n);
    const down = perturbedResults.slice(2 * k * n + n, 2 * k * n + 2 * n);
    // Divided by the step actually taken: a budget trim or a travel line can make it smaller than ±10%.
    const step = (r: TrialResult) => (lever === 'promotion' ? r.figures.promotion : lever === 'selling' ? r.figures.travel : 0);
    const q = (r: TrialResult) => r.figures[allUnits ? 'units' : VOLUME[lever]];
    const perSeed = base.map((b, i) => {
      if (q(b) <= 0) return 0;
      const taken = lever === 'price' || step(b) <= 0 ? 2 * STEP : (step(up[i]!) - step(down[i]!)) / step(b);
      return taken > 0 ? (q(up[i]!) - q(down[i]!)) / q(b) / taken : 0;
    });
    out[lever] = Math.round(quantile(perSeed, 0.5) * 100) / 100;
  });
  return out;
}

export function inRange(lever: Lever, value: number): boolean {
  const t = ELASTICITY_TARGETS[lever];
  return value >= t.min && value <= t.max;
}
