/**
 * The trainee's path through a solo game: start → briefing → (decide ⇄ negotiate → resolve →
 * results) per round → end, with a replay of any round from the results and the end. The
 * machine only moves between screens and asks the game to act; the game's log is the record.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { Decisions } from '../../engine/model/decisions.ts';
import type { SessionState } from '../../engine/session/state.ts';
import type { Game, GameFailure, GameResult } from '../game/game.ts';
import { TEAM_ID } from '../game/soloSession.ts';

export type Phase = 'briefing' | 'deciding' | 'results' | 'end';

/** Where a game picks up: a new one at the briefing, a saved one where it was left. */
export function phaseOf(state: SessionState): Phase {
  if (state.status === 'ended') return 'end';
  if (state.status === 'open') return 'deciding';
  return state.round === 0 ? 'briefing' : 'results';
}

export type AppEvent =
  | { readonly type: 'GAME_READY'; readonly phase: Phase }
  | { readonly type: 'BEGIN' }
  | { readonly type: 'NEGOTIATE'; readonly account: string }
  | { readonly type: 'BACK' }
  | { readonly type: 'SUBMIT'; readonly decisions: Decisions }
  | { readonly type: 'NEXT' }
  | { readonly type: 'REPLAY'; readonly round: number }
  | { readonly type: 'HOME' };

export interface AppContext {
  readonly account: string;
  readonly replayRound: number;
  /** What went wrong with the last request, shown on the screen it came from. */
  readonly failure: GameFailure | null;
}

class GameError extends Error {
  constructor(readonly failure: GameFailure) {
    super(failure.kind);
  }
}

async function must(result: Promise<GameResult>): Promise<void> {
  const r = await result;
  if (!r.ok) throw new GameError(r.failure);
}

const failureOf = (error: unknown): GameFailure =>
  error instanceof GameError ? error.failure : { kind: 'error', message: error instanceof Error ? error.message : String(error) };

export function createAppMachine(game: Game) {
  const isLastRound = () => {
    const s = game.view?.state;
    return !!s && !!s.scenario && s.round >= s.scenario.rounds;
  };
  return setup({
    types: { context: {} as AppContext, events: {} as AppEvent },
    actors: {
      openRound: fromPromise(() => must(game.send({ type: 'OpenRound' }))),
      closeRound: fromPromise(async ({ input }: { input: { decisions: Decisions | null } }) => {
        if (input.decisions) await must(game.send({ type: 'SubmitDecisions', team: TEAM_ID, decisions: input.decisions }));
        await must(game.send({ type: 'CloseRound' }));
      }),
      endSession: fromPromise(() => must(game.send({ type: 'EndSession' }))),
    },
    guards: { lastRound: isLastRound, roundOpen: () => game.view?.state.status === 'open' },
  }).createMachine({
    id: 'app',
    context: { account: '', replayRound: 0, failure: null },
    initial: 'start',
    on: { HOME: { target: '.start', actions: assign({ failure: null }) } },
    states: {
      start: {
        on: {
          GAME_READY: [
            { guard: ({ event }) => event.phase === 'briefing', target: 'briefing' },
            { guard: ({ event }) => event.phase === 'deciding', target: 'deciding' },
            { guard: ({ event }) => event.phase === 'results', target: 'results' },
            { target: 'end' },
          ],
        },
      },
      // Back from the decisions to reread the briefing: the round is already open.
      briefing: { on: { BEGIN: [{ guard: 'roundOpen', target: 'deciding' }, { target: 'opening' }] } },
      opening: {
        invoke: {
          src: 'openRound',
          onDone: { target: 'deciding', actions: assign({ failure: null }) },
          onError: { target: 'results', actions: assign({ failure: ({ event }) => failureOf(event.error) }) },
        },
      },
      deciding: {
        on: {
          NEGOTIATE: { target: 'negotiating', actions: assign({ account: ({ event }) => event.account, failure: null }) },
          SUBMIT: { target: 'resolving' },
          BACK: 'briefing',
        },
      },
      negotiating: { on: { BACK: 'deciding' } },
      resolving: {
        invoke: {
          src: 'closeRound',
          input: ({ event }) => ({ decisions: event.type === 'SUBMIT' ? event.decisions : null }),
          onDone: { target: 'results', actions: assign({ failure: null }) },
          onError: { target: 'deciding', actions: assign({ failure: ({ event }) => failureOf(event.error) }) },
        },
      },
      results: {
        on: {
          NEXT: [{ guard: 'lastRound', target: 'finishing' }, { target: 'opening' }],
          REPLAY: { target: 'replay', actions: assign({ replayRound: ({ event }) => event.round }) },
        },
      },
      finishing: {
        invoke: {
          src: 'endSession',
          onDone: { target: 'end', actions: assign({ failure: null }) },
          onError: { target: 'results', actions: assign({ failure: ({ event }) => failureOf(event.error) }) },
        },
      },
      end: { on: { REPLAY: { target: 'replay', actions: assign({ replayRound: ({ event }) => event.round }) } } },
      replay: {
        on: {
          REPLAY: { actions: assign({ replayRound: ({ event }) => event.round }) },
          BACK: [{ guard: () => game.view?.state.status === 'ended', target: 'end' }, { target: 'results' }],
        },
      },
    },
  });
}

export type AppMachine = ReturnType<typeof createAppMachine>;
