import type { Decisions } from '../model/decisions.ts';
import type { Scenario } from '../model/scenario.ts';
import type { MarketState } from '../model/state.ts';

/** What a bot sees: the market as it stands before the round, its firm and its own dice. */
export interface BotView {
  readonly market: MarketState;
  readonly scenario: Scenario;
  readonly firm: number;
  /** The round about to be played. */
  readonly round: number;
  readonly seed: string;
}

/** A bot decides a whole round at once, deterministically from its view. */
export type Bot = (view: BotView) => Decisions;
