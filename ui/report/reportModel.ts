import { debriefMoments, type DebriefMoment } from '../../engine/model/debrief.ts';
import type { AccountEvent, Explanation, KpiLight, KpiOutcome, RoundOutcome } from '../../engine/model/outcome.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import { scorecard, type FirmScore } from '../../engine/model/scorecard.ts';
import type { SessionNegotiation, SessionState, Team } from '../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../engine/session/teams.ts';
import type { DebriefSession } from './sessionLog.ts';

/** The scorecard's four perspectives and their metrics (MODEL.md section 4). */
export const PERSPECTIVES = [
  ['financial', ['revenue', 'profit', 'terminal']],
  ['customer', ['share', 'csatRetention']],
  ['process', ['kpiScore', 'negotiation']],
  ['learning', ['morale', 'repRetention', 'skillGain']],
] as const;
export type PerspectiveId = (typeof PERSPECTIVES)[number][0];

/** The funnel's stages as the outcome counts them. */
export const FUNNEL_STAGES = ['leads', 'qualified', 'proposals', 'negotiations', 'won'] as const;

export interface RoundScore {
  readonly round: number;
  readonly total: number;
  /** Each perspective's metrics, weighted mean score (0–120). */
  readonly perspectives: Readonly<Record<PerspectiveId, number>>;
}

export interface TerritoryFigures {
  readonly id: string;
  /** Index in the market's territories. */
  readonly index: number;
  /** Our share of the units sold there, bp, by round. */
  readonly shareBp: readonly number[];
  /** Units bought there by everyone, by round. */
  readonly units: readonly number[];
  /** The round's KPI there (null when the firm had none that round). */
  readonly kpis: readonly (KpiOutcome | null)[];
}

/** A territory's KPI over the whole session. */
export interface KpiSummary {
  readonly territory: string;
  readonly revenue: number;
  readonly target: number;
  readonly baseline: number;
  /** Revenue against target over the rounds played. */
  readonly attainment: number;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
  readonly weeks: number;
  /** The target of the last round played. */
  readonly lastTarget: number;
}

export interface FunnelTotals {
  /** Leads, qualified, proposals, negotiations, won, summed over the rounds. */
  readonly counts: readonly number[];
  /** Deals lost at lead qualification, proposal, negotiation and closing. */
  readonly lostAt: readonly number[];
  /** Lost at a stage against what entered it. */
  readonly lossRates: readonly number[];
  /**
   * The stage past lead qualification (1–3, as the engine's "why" items count it: most leads
   * are meant to drop out) that lost the largest part of what entered it; -1 when none did.
   */
  readonly leakiest: number;
}

/** A key account that changed hands (or renewed, or grew) with the team involved. */
export interface AccountChange {
  readonly round: number;
  readonly account: string;
  readonly event: AccountEvent;
  /** Firm indexes, -1 for none. */
  readonly from: number;
  readonly to: number;
  readonly effect: 'won' | 'lost' | 'kept' | 'grown' | 'shared';
  /** The second supplier and its share, ‰, when the buyer split its orders. */
  readonly split?: { readonly firm: number; readonly sharePm: number };
}

export interface RoundExplanation extends Explanation {
  readonly round: number;
}

/** A round whose revenue moved most, and the engine's reasons for that round. */
export interface Swing {
  readonly round: number;
  readonly revenueDelta: number;
  /** Change of our share, bp. */
  readonly shareDelta: number;
  readonly causes: readonly Explanation[];
}

export interface SpendTotals {
  readonly promotion: number;
  readonly channel: number;
  readonly training: number;
  readonly incentives: number;
  readonly mediation: number;
  readonly hiring: number;
}

export interface TeamFigures {
  readonly team: Team;
  readonly market: number;
  readonly firm: number;
  readonly rounds: readonly number[];
  readonly scores: readonly RoundScore[];
  readonly final: FirmScore;
  readonly revenue: readonly number[];
  readonly profit: readonly number[];
  /** Our share of the units sold in the territories we sell in, bp, by round. */
  readonly shareBp: readonly number[];
  readonly csat: readonly number[];
  readonly territories: readonly TerritoryFigures[];
  readonly kpis: readonly KpiSummary[];
  readonly funnel: FunnelTotals;
  readonly morale: readonly number[];
  readonly leavers: readonly (readonly string[])[];
  readonly hires: readonly number[];
  readonly reps: readonly number[];
  readonly conflict: readonly number[];
  /** Our price by tier, ‰ of list, by round. */
  readonly pricePm: readonly (readonly number[])[];
  readonly lostCustomers: number;
  readonly wonCustomers: number;
  readonly spend: SpendTotals;
  readonly accounts: readonly AccountChange[];
  /** The engine's "why" items for our firm and for the whole market, by round. */
  readonly explanations: readonly RoundExplanation[];
  readonly swings: readonly Swing[];
  readonly moments: readonly DebriefMoment[];
  /** The team's key-account negotiations, as played (the buyer's profile is public in a debrief). */
  readonly negotiations: readonly SessionNegotiation[];
}

export interface GroupFigures {
  readonly scenario: Scenario;
  /** The state after the last event. */
  readonly state: SessionState;
  readonly rounds: readonly number[];
  /** In session order. */
  readonly teams: readonly TeamFigures[];
  /** Team ids, best scorecard total first. */
  readonly standings: readonly string[];
}

/** How many rounds of biggest swings a report shows. */
export const SWINGS = 3;

/** Units-weighted share of the firm over the territories it sells in, bp. */
export function shareOver(outcome: RoundOutcome, firm: number, territories: readonly string[]): number {
  let units = 0;
  let ours = 0;
  for (const t of outcome.territories) {
    if (!territories.includes(t.id)) continue;
    units += t.units;
    ours += (t.units * (t.shareBp[firm] ?? 0)) / 10_000;
  }
  return units > 0 ? Math.round((ours / units) * 10_000) : 0;
}

function perspectives(score: FirmScore): Record<PerspectiveId, number> {
  const out = {} as Record<PerspectiveId, number>;
  for (const [id, metrics] of PERSPECTIVES) {
    const ms = score.metrics.filter((m) => (metrics as readonly string[]).includes(m.id));
    const weight = ms.reduce((s, m) => s + m.weight, 0);
    out[id] = weight > 0 ? Math.round(ms.reduce((s, m) => s + m.weight * m.score, 0) / weight) : 0;
  }
  return out;
}

function funnelTotals(outcomes: readonly RoundOutcome[], firm: number): FunnelTotals {
  const counts = [0, 0, 0, 0, 0];
  const lostAt = [0, 0, 0, 0];
  for (const o of outcomes) {
    const f = o.firms[firm]?.funnel;
    if (!f) continue;
    [f.leads, f.qualified, f.proposals, f.negotiations, f.won].forEach((n, i) => (counts[i]! += n));
    f.lostAt.forEach((n, i) => (lostAt[i]! += n));
  }
  const lossRates = lostAt.map((lost, i) => (counts[i]! > 0 ? lost / counts[i]! : 0));
  let leakiest = -1;
  for (let k = 1; k < 4; k++) if (lossRates[k]! > 0 && (leakiest < 0 || lossRates[k]! > lossRates[leakiest]!)) leakiest = k;
  return { counts, lostAt, lossRates, leakiest };
}

function kpiSummary(t: TerritoryFigures): KpiSummary {
  const kpis = t.kpis.filter((k): k is KpiOutcome => k !== null);
  const lights: KpiLight[] = kpis.flatMap((k) => k.lights);
  const sum = (pick: (k: KpiOutcome) => number) => kpis.reduce((s, k) => s + pick(k), 0);
  const target = sum((k) => k.target);
  return {
    territory: t.id,
    revenue: sum((k) => k.revenue),
    target,
    baseline: sum((k) => k.baseline),
    attainment: target > 0 ? sum((k) => k.revenue) / target : 0,
    green: lights.filter((l) => l === 'green').length,
    yellow: lights.filter((l) => l === 'yellow').length,
    red: lights.filter((l) => l === 'red').length,
    weeks: lights.length,
    lastTarget: kpis.at(-1)?.target ?? 0,
  };
}

function accountChanges(outcomes: readonly RoundOutcome[], firm: number): AccountChange[] {
  const out: AccountChange[] = [];
  for (const o of outcomes) {
    for (const a of o.accounts) {
      const second = a.split?.firm === firm;
      if (a.event === '' || (a.supplier !== firm && a.previousSupplier !== firm && !second)) continue;
      const effect =
        a.event === 'upgraded' ? 'grown' : a.supplier === firm && a.previousSupplier === firm ? 'kept' : a.supplier === firm ? 'won' : second && a.previousSupplier !== firm ? 'shared' : 'lost';
      out.push({ round: o.round, account: a.id, event: a.event, from: a.previousSupplier, to: a.supplier, effect, ...(a.split ? { split: a.split } : {}) });
    }
  }
  return out;
}

function swings(revenue: readonly number[], share: readonly number[], explanations: readonly RoundExplanation[], rounds: readonly number[]): Swing[] {
  const moves = rounds.slice(1).map((round, i) => ({
    round,
    revenueDelta: revenue[i + 1]! - revenue[i]!,
    shareDelta: share[i + 1]! - share[i]!,
    causes: explanations.filter((e) => e.round === round).map(({ round: _r, ...e }) => e),
  }));
  return moves
    .filter((m) => m.revenueDelta !== 0 || m.shareDelta !== 0)
    .sort((a, b) => Math.abs(b.revenueDelta) - Math.abs(a.revenueDelta) || a.round - b.round)
    .slice(0, SWINGS)
    .sort((a, b) => a.round - b.round);
}

/** A team's figures, round by round, from the session's snapshots. */
export function teamFigures(session: DebriefSession, team: Team): TeamFigures {
  const { state } = session;
  const scenario = state.scenario!;
  const market = marketIndexOf(state, team.id);
  const firm = firmIndexOf(state, team);
  const outcomes = state.history.map((h) => h[market]!);
  const rounds = outcomes.map((o) => o.round);
  const ours = state.markets[market]!.firms[firm]!;
  const territoryIds = ours.territories;
  const scores = session.rounds.map((snap, i) => {
    const s = scorecard(snap.markets[market]!, scenario, snap.history.map((h) => h[market]!))[firm]!;
    return { round: rounds[i]!, total: s.total, perspectives: perspectives(s) };
  });
  const final = scorecard(state.markets[market]!, scenario, outcomes)[firm]!;
  const us = outcomes.map((o) => o.firms[firm]!);
  const territories = state.markets[market]!.territories
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => territoryIds.includes(t.id))
    .map(({ t, index }) => ({
      id: t.id,
      index,
      shareBp: outcomes.map((o) => o.territories[index]?.shareBp[firm] ?? 0),
      units: outcomes.map((o) => o.territories[index]?.units ?? 0),
      kpis: us.map((f) => f.kpis.find((k) => k.territory === t.id) ?? null),
    }));
  const explanations = outcomes.flatMap((o) => o.explanations.filter((e) => e.firm === firm || e.firm === -1).map((e) => ({ ...e, round: o.round })));
  const revenue = us.map((f) => f.pnl.revenue);
  const shareBp = outcomes.map((o) => shareOver(o, firm, territoryIds));
  const total = (pick: (f: (typeof us)[number]) => number) => us.reduce((s, f) => s + pick(f), 0);
  return {
    team,
    market,
    firm,
    rounds,
    scores,
    final,
    revenue,
    profit: us.map((f) => f.pnl.profit),
    shareBp,
    csat: us.map((f) => f.csat),
    territories,
    kpis: territories.map(kpiSummary),
    funnel: funnelTotals(outcomes, firm),
    morale: us.map((f) => f.morale),
    leavers: us.map((f) => f.leavers),
    hires: us.map((f) => f.hires),
    reps: us.map((f) => f.reps),
    conflict: us.map((f) => f.conflict),
    pricePm: us.map((f) => f.pricePm),
    lostCustomers: total((f) => f.lostCustomers),
    wonCustomers: total((f) => f.wonCustomers),
    spend: {
      promotion: total((f) => f.pnl.promotion),
      channel: total((f) => f.pnl.channel),
      training: total((f) => f.pnl.training),
      incentives: total((f) => f.pnl.incentives),
      mediation: total((f) => f.pnl.mediation),
      hiring: total((f) => f.pnl.hiring),
    },
    accounts: accountChanges(outcomes, firm),
    explanations,
    swings: swings(revenue, shareBp, explanations, rounds),
    moments: debriefMoments(scenario, outcomes, firm),
    negotiations: state.negotiations.filter((n) => n.team === team.id),
  };
}

/** Every team's figures and the standings, for the whole group's report. */
export function groupFigures(session: DebriefSession): GroupFigures {
  const { state } = session;
  const teams = state.teams.map((team) => teamFigures(session, team));
  const standings = [...teams].sort((a, b) => b.final.total - a.final.total || (a.team.id < b.team.id ? -1 : 1)).map((f) => f.team.id);
  return { scenario: state.scenario!, state, rounds: state.history.map((h) => h[0]!.round), teams, standings };
}

/** The outcomes of a team's market, by round. */
export function outcomesOf(group: GroupFigures, team: TeamFigures): readonly RoundOutcome[] {
  return group.state.history.map((h) => h[team.market]!);
}
