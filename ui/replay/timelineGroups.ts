/**
 * A round of the timeline folded for reading: a full room leaves dozens of events a round (every
 * plan, every negotiation move), so the round's header counts them and, opened, its plans share
 * one row and each negotiation's moves sit under the talk they belong to.
 */
import type { TimelineEntry, TimelineRound } from './timeline.ts';

export type TimelineRow =
  | { readonly kind: 'entry'; readonly entry: TimelineEntry }
  /** Every plan submitted this round, in order (a team that submitted twice appears twice). */
  | { readonly kind: 'plans'; readonly entries: readonly TimelineEntry[] }
  /** A negotiation: where it began and each move, in order. */
  | { readonly kind: 'talk'; readonly start: TimelineEntry; readonly moves: readonly TimelineEntry[] };

export interface RoundCounts {
  readonly plans: number;
  /** Teams with at least one plan in (a resubmission counts once). */
  readonly teams: number;
  readonly talks: number;
  readonly moves: number;
  readonly shocks: number;
  readonly joins: number;
}

export function roundCounts(r: TimelineRound): RoundCounts {
  const of = (kind: TimelineEntry['kind']) => r.entries.filter((e) => e.kind === kind);
  const plans = of('decisions');
  return {
    plans: plans.length,
    teams: new Set(plans.map((e) => e.team)).size,
    talks: of('negotiation').length,
    moves: of('move').length,
    shocks: of('shock').length,
    joins: of('joined').length,
  };
}

/**
 * The round's rows in the order their first event happened. Moves are keyed by team and account;
 * one whose start is not in this round (a log cut oddly) stays a row of its own.
 */
export function roundRows(r: TimelineRound): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let plans: TimelineEntry[] | null = null;
  const talks = new Map<string, TimelineEntry[]>();
  const key = (e: TimelineEntry) => `${e.team}\u0000${e.params.account}`;
  for (const e of r.entries) {
    if (e.kind === 'decisions') {
      if (!plans) {
        plans = [];
        rows.push({ kind: 'plans', entries: plans });
      }
      plans.push(e);
    } else if (e.kind === 'negotiation') {
      const moves: TimelineEntry[] = [];
      talks.set(key(e), moves);
      rows.push({ kind: 'talk', start: e, moves });
    } else if (e.kind === 'move' && talks.has(key(e))) {
      talks.get(key(e))!.push(e);
    } else rows.push({ kind: 'entry', entry: e });
  }
  return rows;
}
