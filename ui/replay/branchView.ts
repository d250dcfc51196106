/**
 * A what-if branch beside the original for one team: the scorecard total at the end and the
 * revenue, profit and share of every round, original against branch.
 */
import { scorecard } from '../../engine/model/scorecard.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../engine/session/teams.ts';
import { resultFigures } from './compare.ts';

export interface BranchFigures {
  readonly revenue: number;
  readonly profit: number;
  readonly shareBp: number;
}

export interface BranchRound {
  readonly round: number;
  readonly original: BranchFigures;
  readonly branch: BranchFigures;
  /** The round came out the same in both (no figure of this team differs). */
  readonly same: boolean;
}

export interface BranchComparison {
  readonly team: string;
  readonly totals: { readonly original: number; readonly branch: number };
  readonly rounds: readonly BranchRound[];
}

function total(state: SessionState, team: string): number {
  const t = state.teams.find((x) => x.id === team)!;
  const m = marketIndexOf(state, team);
  const scores = scorecard(state.markets[m]!, state.scenario!, state.history.map((h) => h[m]!));
  return scores[firmIndexOf(state, t)]!.total;
}

function figures(state: SessionState, team: string, round: number): BranchFigures | null {
  const t = state.teams.find((x) => x.id === team);
  const outcomes = state.history[round - 1];
  if (!t || !outcomes) return null;
  const f = resultFigures(outcomes[marketIndexOf(state, team)]!, firmIndexOf(state, t));
  return { revenue: f.revenue!, profit: f.profit!, shareBp: f.shareBp! };
}

/** Both sessions at their end; null when the team is not in both. */
export function branchComparison(original: SessionState, branch: SessionState, team: string): BranchComparison | null {
  if (!original.teams.some((x) => x.id === team) || !branch.teams.some((x) => x.id === team)) return null;
  const rounds: BranchRound[] = [];
  const n = Math.min(original.history.length, branch.history.length);
  for (let round = 1; round <= n; round++) {
    const a = figures(original, team, round)!;
    const b = figures(branch, team, round)!;
    rounds.push({ round, original: a, branch: b, same: a.revenue === b.revenue && a.profit === b.profit && a.shareBp === b.shareBp });
  }
  return { team, totals: { original: total(original, team), branch: total(branch, team) }, rounds };
}
