import type { MarketState } from '../../engine/model/state.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import type { SessionState, Team } from '../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../engine/session/teams.ts';
import { TEAM_ID } from '../game/soloSession.ts';

/** Where the trainee's team sits in a session: its scenario, market and firm index. */
export interface TeamContext {
  readonly state: SessionState;
  readonly scenario: Scenario;
  readonly team: Team;
  readonly market: MarketState;
  readonly marketIndex: number;
  readonly firm: number;
}

export function teamContext(state: SessionState, teamId = TEAM_ID): TeamContext {
  const scenario = state.scenario;
  const team = state.teams.find((t) => t.id === teamId);
  if (!scenario || !team) throw new Error(`no team ${teamId} in this session`);
  const marketIndex = marketIndexOf(state, teamId);
  return { state, scenario, team, market: state.markets[marketIndex]!, marketIndex, firm: firmIndexOf(state, team) };
}
