/** Bundled for the browser by the cross-engine test: the kernel functions whose bytes must match Node's. */
import { canonicalJson } from '../../../engine/core/canonicalJson.ts';
import { exp, ln, pow } from '../../../engine/core/detMath.ts';
import { hashOf } from '../../../engine/core/hash.ts';
import { stream } from '../../../engine/core/rng.ts';
import { verifyLog } from '../../../engine/core/verify.ts';
import { catalogFor } from '../../../engine/kinds.ts';

(globalThis as Record<string, unknown>).shapanProbe = {
  canonicalJson,
  hashOf,
  math: (xs: number[]) => xs.map((x) => [exp(x), ln(Math.abs(x) + 1e-9), pow(Math.abs(x) + 0.5, 1.37)]),
  draws: (seed: string, n: number) => {
    const s = stream(seed, 'market', 3);
    return Array.from({ length: n }, () => s.next());
  },
  verifyText: async (text: string) => {
    const r = await verifyLog([text], catalogFor);
    return r.ok ? { ok: true, count: r.count, head: r.head } : { ok: false, problem: r.problem };
  },
};
