import type { SessionState, Team } from './state.ts';

/** Which market a team plays in: the shared one, or its own copy in parallel mode. */
export function marketIndexOf(state: SessionState, team: string): number {
  return state.mode === 'shared' ? 0 : state.teams.findIndex((t) => t.id === team);
}

/** The index of the firm a team runs within its market. */
export function firmIndexOf(state: SessionState, team: Team): number {
  const scenario = state.scenario!;
  if (state.mode === 'parallel') return scenario.firms.findIndex((f) => f.kind === 'team');
  return scenario.firms.findIndex((f) => f.id === team.firm);
}

/** The teams playing in market `m`. */
export function teamsInMarket(state: SessionState, m: number): readonly Team[] {
  return state.mode === 'shared' ? state.teams : state.teams.slice(m, m + 1);
}
