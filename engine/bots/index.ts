import { balancedBot } from './balanced.ts';
import type { Bot } from './bot.ts';
import { degenerateBots, randomBot } from './degenerate.ts';
import { fitBudget } from './balanced.ts';
import type { BotView } from './bot.ts';
import type { Decisions } from '../model/decisions.ts';
/** Every bot by id: `balanced`, `random` and the degenerate strategies in kebab-case. */
export const BOTS: Readonly<Record<string, Bot>> = {
  balanced: balancedBot,
  random: randomBot,
  ...degenerateBots,
};

export const BOT_IDS: readonly string[] = Object.keys(BOTS);
export const DEGENERATE_BOT_IDS: readonly string[] = Object.keys(degenerateBots);

export function isBotId(id: unknown): id is string {
  return typeof id === 'string' && Object.hasOwn(BOTS, id);
}


/** A bot's decisions, trimmed to the budget (a bot never overspends any more than a team may). */
export function playBot(id: string, view: BotView): Decisions {
  const bot = BOTS[id];
  if (!bot) throw new Error(`unknown bot ${id}`);
  return fitBudget(bot(view), view);
}
