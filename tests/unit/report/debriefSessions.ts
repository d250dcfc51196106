import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import type { SessionMode, TeamSpec } from '../../../engine/session/commands.ts';
import { firmIndexOf, marketIndexOf } from '../../../engine/session/teams.ts';
import { sessionFromEvents, type DebriefSession } from '../../../ui/report/sessionLog.ts';
import { sessionDriver, teamSession } from '../../support/teamSession.ts';

type SessionAggregate = ReturnType<typeof teamSession>;

/** A played session as the report reads it. */
export function debriefOf(s: SessionAggregate): DebriefSession {
  const read = sessionFromEvents(s.header, s.log.events, s.log.headHash);
  if (!read.ok) throw new Error(`not a debrief session: ${read.code}`);
  return read.session;
}

/**
 * A workshop session played for `rounds` rounds: teams without a bot submit the default plan
 * every round, bot teams play themselves. Ends the session when asked.
 */
export function playedSession(o: { readonly teams: readonly TeamSpec[]; readonly rounds: number; readonly mode?: SessionMode; readonly seed?: string; readonly end?: boolean }): SessionAggregate {
  const { s, as, fac, scenario, hash } = sessionDriver(o.seed ?? 'report-seed');
  fac({ type: 'CreateSession', scenario, scenarioHash: hash, mode: o.mode ?? 'shared', teams: [...o.teams] });
  for (let round = 1; round <= o.rounds; round++) {
    fac({ type: 'OpenRound' });
    for (const team of s.state.teams.filter((x) => !x.bot)) {
      const market = s.state.markets[marketIndexOf(s.state, team.id)]!;
      as({ kind: 'team', id: team.id })({ type: 'SubmitDecisions', team: team.id, decisions: defaultDecisions(market, scenario, firmIndexOf(s.state, team)), member: `${team.id}-a` });
    }
    fac({ type: 'CloseRound' });
  }
  if (o.end ?? true) fac({ type: 'EndSession' });
  return s;
}

export { teamSession };
