import { playBot } from '../../../engine/bots/index.ts';
import type { Decisions } from '../../../engine/model/decisions.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import { SEGMENTS } from '../../../engine/model/scenario.ts';
import { segmentLeaningPm } from '../../../engine/model/segments.ts';
import type { MarketState } from '../../../engine/model/state.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';
import { attractionKernel, type KernelInputs } from '../attractionKernel.ts';
import type { BenchSuite } from '../entry.ts';
import { compareTimes } from '../measure.ts';

/** The kernel's inputs, taken from the same market and decisions the round resolves. */
function kernelInputs(m: MarketState, decisions: readonly (Decisions | null)[]): KernelInputs {
  const nF = m.firms.length;
  const nT = m.territories.length;
  const grid = (fill: (t: number, f: number) => number) => {
    const a = new Float64Array(nT * nF);
    for (let t = 0; t < nT; t++) for (let f = 0; f < nF; f++) a[t * nF + f] = fill(t, f);
    return a;
  };
  const present = (t: number, f: number) => m.firms[f]!.active && m.firms[f]!.territories.includes(m.territories[t]!.id);
  return {
    firms: nF,
    brand: grid((t, f) => (present(t, f) ? m.firms[f]!.brand : 0)),
    price: grid((t, f) => decisions[f]?.pricePm[m.territories[t]!.tier - 1] ?? m.firms[f]!.pricePm[m.territories[t]!.tier - 1]!),
    effort: grid((t, f) => (m.firms[f]!.reps.filter((r) => r.territory === m.territories[t]!.id).length * 64 * 1000) / 625),
    promo: grid((t, f) => decisions[f]?.territories.find((x) => x.territory === m.territories[t]!.id)?.promotion ?? 40_000),
    coverage: grid((t, f) => m.territories[t]!.coverage[f]!),
    service: grid((_t, f) => m.firms[f]!.service),
    quality: grid((_t, f) => m.firms[f]!.quality),
    familiarity: grid((t, f) => m.territories[t]!.awareness[f]!),
    exponent: Int32Array.from(m.territories.map((t) => [2, 3, 4][t.tier - 1]!)),
    premium: Float64Array.from(m.territories.map((t) => t.premiumPm)),
    leaning: Float64Array.from(SEGMENTS.flatMap((s) => m.firms.map((f) => segmentLeaningPm(f.kind, s)))),
    territory: Int32Array.from(m.customers.territory),
    segment: Int32Array.from(m.customers.segment),
    size: Float64Array.from(m.customers.size),
  };
}

export const suite: BenchSuite = {
  name: 'round',
  async run() {
    const loaded = loadBuiltIn('benchmark');
    if (!loaded.ok) throw new Error('the benchmark scenario does not load');
    const scenario = loaded.scenario;
    const teams = scenario.firms.filter((f) => f.kind === 'team').map((f) => f.id);
    const market = initialMarket(scenario, 'bench', teams);
    const decisions = scenario.firms.map((f, fi) =>
      f.kind === 'team' ? playBot('balanced', { market, scenario, firm: fi, round: 1, seed: 'bench' }) : null,
    );
    const inputs = kernelInputs(market, decisions);
    const out = new Float64Array(market.firms.length);
    let sink = 0;
    const entry = await compareTimes({
      subject: () => {
        sink += resolveRound(market, { scenario, seed: 'bench', round: 1, decisions, injected: [] }).outcome.firms.length;
      },
      baseline: () => {
        attractionKernel(inputs, scenario.coefficients.attraction, out);
        sink += out[0]!;
      },
      baselineLabel: `typed-array loop of MCI attraction and share for each of the ${market.customers.size.length.toLocaleString('en')} customers against each of the ${market.firms.length} firms`,
      target: 3,
      better: 'lower',
      clock: 'cpu',
      runs: 60,
      warmup: 20,
      batch: 5,
    });
    if (sink === -1) console.log(sink);
    return { 'round.resolve_vs_kernel': entry };
  },
};
