import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { Decisions } from '../../engine/model/decisions.ts';
import type { RoundOutcome } from '../../engine/model/outcome.ts';
import type { SessionEvent } from '../../engine/session/events.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../engine/session/teams.ts';

/** How a figure is written: a count, yuan, or a rate stored in ‰ or basis points (shown as %). */
export type FigureUnit = 'count' | 'yuan' | 'permille' | 'bp';

/** How the difference B − A reads: better, worse, the same, or a different choice. */
export type DeltaTone = 'better' | 'worse' | 'same' | 'changed';

/** One line of a comparison: a figure for each side and how far apart they are. */
export interface CompareRow {
  /** The figure's message key (viewer.figure.<key>) and whether it is a decision or a result. */
  readonly key: string;
  readonly group: 'decision' | 'result';
  readonly unit: FigureUnit;
  readonly a: number;
  readonly b: number;
  readonly delta: number;
  readonly tone: DeltaTone;
}

const UNITS: Readonly<Record<string, FigureUnit>> = {
  promotion: 'yuan',
  channel: 'yuan',
  target: 'yuan',
  travel: 'yuan',
  contingency: 'yuan',
  priceTier1: 'permille',
  priceTier2: 'permille',
  priceTier3: 'permille',
  maxDiscountBp: 'bp',
  revenue: 'yuan',
  profit: 'yuan',
  shareBp: 'bp',
  fillBp: 'bp',
};

/** Results where more is worse; every other result is better when higher. */
const WORSE_WHEN_HIGHER: ReadonlySet<string> = new Set(['lostCustomers', 'leavers']);

export function toneOf(group: CompareRow['group'], key: string, delta: number): DeltaTone {
  if (delta === 0) return 'same';
  if (group === 'decision') return 'changed';
  return (delta > 0) !== WORSE_WHEN_HIGHER.has(key) ? 'better' : 'worse';
}

/** The figures of a plan a debrief talks about: where the hours and the yuan went, and the prices. */
export function decisionFigures(d: Decisions): Record<string, number> {
  const sum = (f: (r: Decisions['reps'][number]) => number) => d.reps.reduce((s, r) => s + f(r), 0);
  return {
    prospecting: sum((r) => r.prospecting),
    accounts: sum((r) => r.accounts),
    longTail: sum((r) => r.longTail),
    development: sum((r) => r.development),
    promotion: d.territories.reduce((s, t) => s + t.promotion, 0),
    channel: d.territories.reduce((s, t) => s + t.channel, 0),
    automation: d.territories.filter((t) => t.automation).length,
    target: d.territories.reduce((s, t) => s + t.target, 0),
    travel: d.travel,
    contingency: d.contingency,
    priceTier1: d.pricePm[0],
    priceTier2: d.pricePm[1],
    priceTier3: d.pricePm[2],
    maxDiscountBp: d.maxDiscountBp,
    training: d.training.length,
    incentives: d.incentives.length,
    meetingHours: d.meetingHours,
    mediation: d.mediation ? 1 : 0,
    operations: d.operations.length,
    executiveHours: d.executive.reduce((s, e) => s + e.hours, 0),
  };
}

/** What came of a round for one firm. */
export function resultFigures(o: RoundOutcome, firm: number): Record<string, number> {
  const f = o.firms[firm]!;
  const units = o.territories.reduce((s, t) => s + t.units, 0);
  const ours = o.territories.reduce((s, t) => s + (t.units * (t.shareBp[firm] ?? 0)) / 10_000, 0);
  return {
    revenue: f.pnl.revenue,
    profit: f.pnl.profit,
    shareBp: units === 0 ? 0 : Math.round((ours / units) * 10_000),
    customers: f.customers,
    wonCustomers: f.wonCustomers,
    lostCustomers: f.lostCustomers,
    dealsWon: f.funnel.won,
    csat: f.csat,
    morale: f.morale,
    fillBp: f.fillBp,
    leavers: f.leavers.length,
  };
}

/** The decisions a team played in a round (submitted, carried or a bot's), read where the round closed. */
export function playedIn(events: readonly EventEnvelope<SessionEvent>[], seek: (seq: number) => SessionState, round: number, team: string): Decisions | null {
  const closed = events.find((e) => e.type === 'RoundClosed' && e.payload.round === round);
  if (!closed) return null;
  return seek(closed.seq).played.find((p) => p.team === team)?.decisions ?? null;
}

function rows(group: CompareRow['group'], a: Record<string, number>, b: Record<string, number>): CompareRow[] {
  return Object.keys(a).map((key) => {
    const delta = b[key]! - a[key]!;
    return { key, group, unit: UNITS[key] ?? 'count', a: a[key]!, b: b[key]!, delta, tone: toneOf(group, key, delta) };
  });
}

export interface Side {
  readonly team: string;
  readonly round: number;
}

/**
 * Two teams in one round, or one team in two rounds: what each decided and what came of it.
 * `state` is the session at its end (its history has every round's outcomes).
 */
export function compareSides(
  events: readonly EventEnvelope<SessionEvent>[],
  seek: (seq: number) => SessionState,
  state: SessionState,
  a: Side,
  b: Side,
): CompareRow[] | null {
  const side = (s: Side) => {
    const team = state.teams.find((t) => t.id === s.team);
    const outcomes = state.history[s.round - 1];
    const decisions = playedIn(events, seek, s.round, s.team);
    if (!team || !outcomes || !decisions) return null;
    return { decisions: decisionFigures(decisions), results: resultFigures(outcomes[marketIndexOf(state, team.id)]!, firmIndexOf(state, team)) };
  };
  const x = side(a);
  const y = side(b);
  if (!x || !y) return null;
  return [...rows('decision', x.decisions, y.decisions), ...rows('result', x.results, y.results)];
}
