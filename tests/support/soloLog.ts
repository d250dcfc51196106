import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import { logLines } from '../../engine/core/jsonl.ts';
import { loadBuiltIn } from '../../scenarios/library.ts';
import { SoloSession } from '../../ui/game/soloSession.ts';

export interface SoloLog {
  readonly session: SoloSession;
  readonly header: LogHeader;
  readonly events: readonly EventEnvelope[];
  /** The exported file, trailer included. */
  readonly text: string;
  /** Rounds resolved in the log. */
  readonly rounds: number;
}

export const soloLogFile = (header: LogHeader, events: readonly EventEnvelope[]) => `${[...logLines(header, events)].join('\n')}\n`;

/**
 * A solo game as the page plays it: the trainee keeps last round's plan (every round still
 * resolves the whole market). By default every round is played and the game ended; with
 * `rounds`, the log stops with the next round open, as an export from the middle of a game.
 */
export function soloLog(o: { scenario?: string; seed?: string; rounds?: number } = {}): SoloLog {
  const loaded = loadBuiltIn(o.scenario ?? 'benchmark');
  if (!loaded.ok) throw new Error(`${o.scenario} does not load`);
  const session = SoloSession.create({ scenario: loaded.scenario, seed: o.seed ?? 'import-seed', difficulty: 'standard', teamName: 'Trainee', now: 't0' });
  const must = (r: ReturnType<SoloSession['send']>) => {
    if (!r.ok) throw new Error(JSON.stringify(r.rejection));
  };
  const rounds = o.rounds ?? loaded.scenario.rounds;
  for (let round = 1; round <= rounds; round++) {
    must(session.send({ type: 'OpenRound' }, `t${round}`));
    must(session.send({ type: 'CloseRound' }, `t${round}`));
  }
  if (o.rounds === undefined) must(session.send({ type: 'EndSession' }, 'tend'));
  else must(session.send({ type: 'OpenRound' }, 'tnext'));
  const events = [...session.events];
  return { session, header: session.header, events, text: soloLogFile(session.header, events), rounds };
}
