import { Aggregate, type CommandEnvelope } from '../core/aggregate.ts';
import type { Actor } from '../core/envelope.ts';
import { createHeader } from '../core/header.ts';
import { ENGINE_VERSION } from '../core/version.ts';
import type { Scenario } from '../model/scenario.ts';
import type { SessionCommand, SessionMode } from './commands.ts';
import { sessionDecider } from './decider.ts';
import type { SessionEvent } from './events.ts';
import type { SessionState } from './state.ts';

export interface BotSessionOptions {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly seed: string;
  /** One bot id per team, in slot order. */
  readonly bots: readonly string[];
  readonly rounds?: number;
  readonly mode?: SessionMode;
  /** Wall-clock stamps for the log; the engine never reads them. */
  readonly clock?: () => string;
}

export type SessionAggregate = Aggregate<SessionState, SessionCommand, SessionEvent>;

const FACILITATOR: Actor = { kind: 'facilitator', id: 'facilitator' };

/**
 * Plays a whole session with bots in every team slot, the way `npm run sim` and the tournament
 * do: create, then open and close each round. Every command goes through the same decider a
 * workshop uses, so the log it leaves verifies and replays like any other.
 */
export function playBotSession(o: BotSessionOptions): SessionAggregate {
  const clock = o.clock ?? (() => '1970-01-01T00:00:00.000Z');
  const header = createHeader({
    engineVersion: ENGINE_VERSION,
    scenario: { id: o.scenario.id, hash: o.scenarioHash },
    seed: o.seed,
    createdAt: clock(),
  });
  const session = Aggregate.create(sessionDecider(o.seed), header);
  const slots = o.scenario.firms.filter((f) => f.kind === 'team').map((f) => f.id);
  let n = 0;
  const run = (command: SessionCommand) => {
    const envelope: CommandEnvelope<SessionCommand> = { id: `sim-${++n}`, actor: FACILITATOR, ts: clock(), command };
    const result = session.handle(envelope);
    if (result.kind !== 'accepted') throw new Error(`${command.type} refused: ${JSON.stringify(result)}`);
  };
  run({
    type: 'CreateSession',
    scenario: o.scenario,
    scenarioHash: o.scenarioHash,
    mode: o.mode ?? 'shared',
    teams: o.bots.map((bot, i) => ({ id: `team-${i + 1}`, name: bot, firm: slots[i] ?? slots[0]!, bot })),
  });
  const rounds = Math.min(o.rounds ?? o.scenario.rounds, o.scenario.rounds);
  for (let r = 0; r < rounds; r++) {
    run({ type: 'OpenRound' });
    run({ type: 'CloseRound' });
  }
  run({ type: 'EndSession' });
  return session;
}
