import type { MarketState } from '../../engine/model/state.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import type { SessionState, Team } from '../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf, teamsInMarket } from '../../engine/session/teams.ts';
import { TEAM_ID } from '../game/soloSession.ts';

/** Where a team sits in a session: its scenario, market and firm index. */
export interface TeamContext {
  readonly state: SessionState;
  /** The scenario with each team slot in this market named after the team that plays it. */
  readonly scenario: Scenario;
  readonly team: Team;
  readonly market: MarketState;
  readonly marketIndex: number;
  readonly firm: number;
}

/** Team (the solo trainee's by default). */
export function teamContext(state: SessionState, teamId: string = TEAM_ID): TeamContext {
  const scenario = state.scenario;
  const team = state.teams.find((t) => t.id === teamId);
  if (!scenario || !team) throw new Error(`no team ${teamId} in this session`);
  const marketIndex = marketIndexOf(state, teamId);
  return { state, scenario: namedScenario(state, marketIndex), team, market: state.markets[marketIndex]!, marketIndex, firm: firmIndexOf(state, team) };
}

const named = new WeakMap<Scenario, WeakMap<readonly Team[], Map<number, Scenario>>>();

/**
 * The scenario as the people of market `m` read it: a team slot ("Team 3") carries the name of
 * the team that plays it, so maps, results and standings say who is who. Cached per scenario,
 * team list and market, so views that call it on every render share one copy.
 */
export function namedScenario(state: SessionState, m: number): Scenario {
  const scenario = state.scenario!;
  let byTeams = named.get(scenario);
  if (!byTeams) named.set(scenario, (byTeams = new WeakMap()));
  let byMarket = byTeams.get(state.teams);
  if (!byMarket) byTeams.set(state.teams, (byMarket = new Map()));
  let copy = byMarket.get(m);
  if (!copy) {
    const playing = new Map(teamsInMarket(state, m).map((t) => [scenario.firms[firmIndexOf(state, t)]?.id, t.name]));
    copy = {
      ...scenario,
      firms: scenario.firms.map((f) => {
        const name = f.kind === 'team' ? playing.get(f.id) : undefined;
        return name ? { ...f, name: { 'zh-CN': name, 'zh-TW': name, en: name } } : f;
      }),
    };
    byMarket.set(m, copy);
  }
  return copy;
}
