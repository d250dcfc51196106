/** The tournament's figures per bot, computed from results sorted by (bot, seed). */
import type { FirmFigures } from '../../engine/model/firmFigures.ts';
import type { MatchResult } from './match.ts';

export interface BotFigures {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly balancedMedian: number;
  /** Share of seeds where the bot scored strictly more than the balanced bot (0–1). */
  readonly winRate: number;
  /** Scorecard totals, one per seed in ascending seed order. */
  readonly scores: number[];
  /** The balanced bot's totals in the same matches, same order. */
  readonly balancedScores: number[];
  /** Medians over the seeds of the bot's magnitudes (bp, yuan; key-account win rate −1 when it entered no contest). */
  readonly magnitudes: Magnitudes;
}

export interface Magnitudes {
  readonly operatingMarginBp: number;
  readonly sellingCostBp: number;
  readonly ltChurnBp: number;
  readonly repAttritionBp: number;
  readonly revenuePerRep: number;
  readonly accountWinBp: number;
  readonly revenue: number;
  readonly profit: number;
}

/** Medians over seeded runs of a firm's year (the key-account win rate over the runs that entered a contest, −1 when none did). */
export function magnitudes(figures: readonly FirmFigures[]): Magnitudes {
  const m = (k: keyof FirmFigures, of = figures) => (of.length ? Math.round(quantile(of.map((f) => f[k] as number), 0.5)) : -1);
  return {
    operatingMarginBp: m('operatingMarginBp'),
    sellingCostBp: m('sellingCostBp'),
    ltChurnBp: m('ltChurnBp'),
    repAttritionBp: m('repAttritionBp'),
    revenuePerRep: m('revenuePerRep'),
    accountWinBp: m('accountWinBp', figures.filter((f) => f.accountWinBp >= 0)),
    revenue: m('revenue'),
    profit: m('profit'),
  };
}

/**
 * The q-quantile of the values with linear interpolation between order statistics (the
 * "type 7" rule of R and numpy's default): q = 0.5 is the usual median.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Groups the results by bot and seed. The order the results arrive in (which depends on the
 * number of workers and on timing) does not matter: every figure is computed from the scores
 * sorted by seed, so the same seeds give the same figures.
 */
export function tournamentFigures(results: readonly MatchResult[], bots: readonly string[]): Record<string, BotFigures> {
  const bySeed = (a: MatchResult, b: MatchResult) => compareSeeds(a.seed, b.seed);
  const figures: Record<string, BotFigures> = {};
  for (const bot of bots) {
    const mine = results.filter((r) => r.bot === bot).sort(bySeed);
    const scores = mine.map((r) => r.botScore);
    const balancedScores = mine.map((r) => r.balancedScore);
    figures[bot] = {
      median: quantile(scores, 0.5),
      q1: quantile(scores, 0.25),
      q3: quantile(scores, 0.75),
      balancedMedian: quantile(balancedScores, 0.5),
      winRate: mine.length ? mine.filter((r) => r.botScore > r.balancedScore).length / mine.length : 0,
      scores,
      balancedScores,
      magnitudes: magnitudes(mine.map((r) => r.figures)),
    };
  }
  return figures;
}

/** Numeric seeds in numeric order, anything else after them as text. */
function compareSeeds(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? BigInt(a) : null;
  const nb = /^\d+$/.test(b) ? BigInt(b) : null;
  if (na !== null && nb !== null) return na < nb ? -1 : na > nb ? 1 : 0;
  if (na !== null) return -1;
  if (nb !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
