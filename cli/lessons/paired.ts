/** Paired comparisons over the same seeds: what a change does, seed by seed, summarised. */
import { quantile } from '../tournament/figures.ts';
import type { TrialResult } from '../experiment/trial.ts';

export interface PairedDelta {
  /** Median over seeds of (a − b) in scorecard points. */
  readonly medianDelta: number;
  /** Median over seeds of (a − b) in revenue and profit over the game, yuan. */
  readonly revenueDelta: number;
  readonly profitDelta: number;
  /** Share of seeds where a scored strictly more than b (0–1). */
  readonly winShare: number;
}

/** A lesson holds when following it wins in at least 70% of seeds by a median of a point or more. */
export const HOLD_WIN_SHARE = 0.7;
export const HOLD_MEDIAN_DELTA = 1;

export function paired(a: readonly TrialResult[], b: readonly TrialResult[]): PairedDelta {
  if (a.length !== b.length) throw new Error('paired comparison over different seed sets');
  const d = (f: (r: TrialResult) => number) => quantile(a.map((r, i) => f(r) - f(b[i]!)), 0.5);
  return {
    medianDelta: round1(d((r) => r.score)),
    revenueDelta: Math.round(d((r) => r.figures.revenue)),
    profitDelta: Math.round(d((r) => r.figures.profit)),
    winShare: a.length ? a.filter((r, i) => r.score > b[i]!.score).length / a.length : 0,
  };
}

export function holds(d: PairedDelta): boolean {
  return d.winShare >= HOLD_WIN_SHARE && d.medianDelta >= HOLD_MEDIAN_DELTA;
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
