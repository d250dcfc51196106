import type { AccountNegotiation } from '../model/decisions.ts';
import type { Scenario } from '../model/scenario.ts';
import type { MarketState } from '../model/state.ts';
import { NEGOTIATION_BOTS, playNegotiationFrom } from '../negotiation/bots.ts';
import type { PersistedNegotiation } from '../negotiation/machine.ts';
import { accountNegotiationOf, negotiableAccountIds, openAccountNegotiation } from '../negotiation/open.ts';
import type { Move } from '../negotiation/types.ts';

/** One negotiation a bot played: the moves to log and where they led. */
export interface BotNegotiation {
  readonly account: string;
  readonly moves: readonly Move[];
  readonly negotiation: PersistedNegotiation;
}

/** Whether `id` names a negotiation strategy ('none' means the firm does not negotiate). */
export function isNegotiationStrategy(id: string): boolean {
  return id === 'none' || Object.hasOwn(NEGOTIATION_BOTS, id);
}

/**
 * A bot firm's negotiations of a round: every account it may negotiate with, played by the
 * strategy's negotiation bot, accounts in market order. Pure: the same market, seed and round
 * give the same moves, so a session logs them and replay never needs the bot.
 */
export function playBotNegotiations(market: MarketState, scenario: Scenario, seed: string, firm: number, round: number, strategy: string): BotNegotiation[] {
  const bot = NEGOTIATION_BOTS[strategy];
  if (!bot) return [];
  return negotiableAccountIds(market, firm, round).map((account) => {
    const played = playNegotiationFrom(bot, openAccountNegotiation(market, scenario, seed, firm, account, round));
    return { account, moves: played.moves, negotiation: played.negotiation };
  });
}

/** The same negotiations as the round's resolution reads them. */
export function botNegotiationResults(market: MarketState, scenario: Scenario, seed: string, firm: number, round: number, strategy: string): AccountNegotiation[] {
  return playBotNegotiations(market, scenario, seed, firm, round, strategy).map((n) => accountNegotiationOf(firm, n.account, n.negotiation));
}
