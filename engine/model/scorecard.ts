import { clamp, roundHalfEven } from '../core/fixedPoint.ts';
import { meanSkill } from './init.ts';
import type { RoundOutcome } from './outcome.ts';
import type { Scenario } from './scenario.ts';
import type { MarketState } from './state.ts';

/** One perspective of the balanced scorecard: its metrics' scores (0–120) and weights. */
export interface ScorecardMetric {
  readonly id: string;
  readonly weight: number;
  readonly value: number;
  readonly score: number;
}

export interface FirmScore {
  readonly firm: string;
  readonly metrics: readonly ScorecardMetric[];
  /** Σ w·score·(0.6 + 0.4·min/100): the weakest metric drags the whole down. */
  readonly total: number;
}

/** Where a metric scores 0 and where it scores 100 (it may reach 120). */
interface Band {
  readonly floor: number;
  readonly stretch: number;
}

/**
 * Bands are set so that the reference manager lands around 70–85 on each metric in the workshop
 * scenario: room above for better play, and no metric pinned at its cap, where a lesson's effect
 * would not show.
 */
const BANDS: Readonly<Record<string, Band>> = {
  // Revenue and profit over the KPI baselines of the rounds played.
  revenue: { floor: 0.7, stretch: 1.35 },
  profit: { floor: 0, stretch: 0.28 },
  terminal: { floor: 0, stretch: 1.8 },
  share: { floor: 0.7, stretch: 1.8 },
  csatRetention: { floor: 0.5, stretch: 0.9 },
  kpiScore: { floor: 50, stretch: 120 },
  morale: { floor: 40, stretch: 85 },
  // Reps kept over a year: the field's normal 15–25% attrition scores 70–100.
  repRetention: { floor: 0.5, stretch: 0.85 },
  // Mean skill points gained by the team over the game (net of leavers and raw hires).
  skillGain: { floor: -5, stretch: 12 },
  // Mean negotiation score (0–100) of the key-account renewals the team negotiated.
  negotiation: { floor: 10, stretch: 70 },
};

/** What a firm that met no renewal all game scores on negotiation: neither credit nor blame. */
const NO_RENEWAL_NEGOTIATION = 60;

const WEIGHTS: Readonly<Record<string, number>> = {
  revenue: 12,
  profit: 18,
  terminal: 5,
  share: 10,
  csatRetention: 15,
  kpiScore: 10,
  negotiation: 5,
  morale: 10,
  repRetention: 10,
  skillGain: 5,
};

function score(id: string, value: number): number {
  const b = BANDS[id]!;
  return clamp(roundHalfEven(((value - b.floor) / (b.stretch - b.floor)) * 100), 0, 120);
}

/**
 * The balanced scorecard (docs/model.md, "Scorecard"), for every firm after the rounds played
 * so far: financial 35 (revenue, profit, terminal value), customer 25 (share, CSAT and
 * retention), internal process 15 (the stage-weighted KPI score 10, key-account negotiation 5) and
 * learning and growth 25 (morale, rep retention, skill gained). Money is measured against the
 * firm's own KPI baselines, so firms of different sizes compare fairly.
 * AI firms have no team to develop: their process and learning metrics sit at the midpoint.
 */
export function scorecard(market: MarketState, scenario: Scenario, history: readonly RoundOutcome[]): FirmScore[] {
  const rounds = history.length;
  const startReps = scenario.firms.map((f) => f.reps);
  return market.firms.map((f, fi) => {
    const baseline = Math.max(1, f.totals.baseline);
    const last = history[rounds - 1]?.firms[fi];
    const first = history[0];
    const present = market.territories.map((t, ti) => ti).filter((ti) => f.territories.includes(market.territories[ti]!.id));
    const shareAt = (o: RoundOutcome | undefined) =>
      present.length === 0 || !o ? 0 : present.reduce((s, ti) => s + (o.territories[ti]?.shareBp[fi] ?? 0), 0) / present.length;
    const startShare = Math.max(1, shareAt(first));
    const endShare = shareAt(history[rounds - 1]);
    const customersAvg = history.reduce((s, o) => s + (o.firms[fi]?.customers ?? 0), 0) / Math.max(1, rounds);
    const retention = customersAvg > 0 ? 1 - f.totals.lostAccounts / (customersAvg + f.totals.lostAccounts) : 0;
    const csat = (last?.csat ?? 0) / 100;
    const roundBaseline = baseline / Math.max(1, rounds);
    const margin = last ? last.pnl.profit : 0;
    const keep = Math.min(0.95, Math.max(0, retention));
    const terminal = (margin * keep) / (1 + scenario.coefficients.customers.clvDiscountBp / 10_000 - keep) / roundBaseline;
    const isTeam = f.kind === 'team';
    const talks = history.flatMap((o) => o.negotiations.filter((n) => n.firm === fi).map((n) => n.score));
    // A renewal came up in the firm's territories: not negotiating it scores nothing.
    const renewals = scenario.keyAccounts.some((k) => k.contractEnd <= rounds && f.territories.includes(k.territory));
    const negotiation = talks.length > 0 ? talks.reduce((a, b) => a + b, 0) / talks.length : renewals ? 0 : NO_RENEWAL_NEGOTIATION;
    const values: Record<string, number> = {
      revenue: f.totals.revenue / baseline,
      profit: f.totals.profit / baseline,
      terminal,
      share: endShare / startShare,
      csatRetention: (csat + keep) / 2,
      kpiScore: isTeam ? f.totals.kpiScore / 100 / Math.max(1, rounds) : 70,
      morale: isTeam ? (last?.morale ?? 0) : 57.5,
      // Annualised, so a four-round tutorial is held to the same yearly norm as a full year.
      repRetention: isTeam ? 1 - (f.totals.leavers / Math.max(1, startReps[fi]!)) * (12 / Math.max(1, rounds)) : 0.8,
      // Skill gained, annualised like retention: a short game is held to the same yearly pace.
      skillGain: isTeam ? ((meanSkill(f.reps) - f.totals.skillStart) / 100) * (12 / Math.max(1, rounds)) : 1.5,
      negotiation: isTeam ? negotiation : NO_RENEWAL_NEGOTIATION,
    };
    const metrics = Object.keys(WEIGHTS).map((id) => ({
      id,
      weight: WEIGHTS[id]!,
      value: Math.round(values[id]! * 1000) / 1000,
      score: f.active || rounds > 0 ? score(id, values[id]!) : 0,
    }));
    // The weakest link counts every metric but negotiation: a firm that never sat at the table
    // loses its five points there, not 40% of everything.
    const min = Math.min(...metrics.filter((m) => m.id !== 'negotiation').map((m) => m.score));
    const total = metrics.reduce((s, m) => s + (m.weight * m.score) / 100, 0) * (0.6 + (0.4 * min) / 100);
    return { firm: f.id, metrics, total: Math.round(total * 10) / 10 };
  });
}
