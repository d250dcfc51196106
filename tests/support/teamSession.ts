import { Aggregate } from '../../engine/core/aggregate.ts';
import { createHeader } from '../../engine/core/header.ts';
import { ENGINE_VERSION } from '../../engine/core/version.ts';
import { defaultDecisions } from '../../engine/model/defaultDecisions.ts';
import type { SessionCommand, TeamSpec } from '../../engine/session/commands.ts';
import { sessionDecider } from '../../engine/session/decider.ts';
import { loadBuiltIn } from '../../scenarios/library.ts';

export function workshopScenario() {
  const loaded = loadBuiltIn('workshop');
  if (!loaded.ok) throw new Error('workshop does not load');
  return loaded;
}

/**
 * A fresh workshop session (seed in the header) and a way to send it commands as someone; every
 * command must be accepted.
 */
export function sessionDriver(seed: string, header: { hideSeed?: boolean } = {}) {
  const { scenario, hash } = workshopScenario();
  const s = Aggregate.create(sessionDecider(seed), createHeader({ engineVersion: ENGINE_VERSION, scenario: { id: scenario.id, hash }, seed, createdAt: 't', ...header }));
  let n = 0;
  const as = (actor: { kind: 'facilitator' | 'team'; id: string }) => (command: SessionCommand) => {
    const r = s.handle({ id: `c${++n}`, actor, ts: `t${n}`, command });
    if (r.kind !== 'accepted') throw new Error(`${command.type}: ${JSON.stringify(r)}`);
  };
  const fac = as({ kind: 'facilitator', id: 'f' });
  /** Creates the session with these teams in the workshop scenario (a shared market unless told). */
  const create = (teams: TeamSpec[], mode: 'shared' | 'parallel' = 'shared') => fac({ type: 'CreateSession', scenario, scenarioHash: hash, mode, teams });
  return { s, as, fac, create, scenario, hash };
}

/**
 * A finished workshop session with people in it: two teams and an AI team over four rounds,
 * a shock in round 2, team two silent in round 3. The seed is in the header.
 */
export function teamSession(seed = 'fork-seed') {
  const { s, as, fac, create, scenario } = sessionDriver(seed);
  create([
    { id: 't1', name: 'One', firm: 'team-1' },
    { id: 't2', name: 'Two', firm: 'team-2' },
    { id: 'ai', name: 'AI', firm: 'team-3', bot: 'balanced' },
  ]);
  for (let round = 1; round <= 4; round++) {
    fac({ type: 'OpenRound' });
    if (round === 2) {
      fac({ type: 'InjectShock', shock: { id: 'slump', kind: 'downturn', round: 2, duration: 2, territory: '', magnitudePm: 250, signalled: false, title: { 'zh-CN': '降', 'zh-TW': '降', en: 'Slump' } } });
    }
    for (const [team, firm] of [['t1', 0], ['t2', 1]] as const) {
      if (team === 't2' && round === 3) continue;
      as({ kind: 'team', id: team })({ type: 'SubmitDecisions', team, decisions: defaultDecisions(s.state.markets[0]!, scenario, firm), member: `${team}-a` });
    }
    fac({ type: 'CloseRound' });
  }
  fac({ type: 'EndSession' });
  return s;
}
