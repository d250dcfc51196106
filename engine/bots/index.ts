import { balancedBot } from './balanced.ts';
import type { Bot } from './bot.ts';
import { degenerateBots, randomBot } from './degenerate.ts';
import { LEVER_BOTS } from './levers.ts';
import { fitBudget } from './balanced.ts';
import type { BotView } from './bot.ts';
import type { Decisions } from '../model/decisions.ts';
import { defaultDecisions } from '../model/defaultDecisions.ts';
import { validateDecisions } from '../model/validateDecisions.ts';
import { REFERENCE_POLICY } from './policy.ts';
/** Every bot by id: `balanced`, `random` and the degenerate strategies in kebab-case. */
export const BOTS: Readonly<Record<string, Bot>> = {
  balanced: balancedBot,
  random: randomBot,
  ...degenerateBots,
  ...LEVER_BOTS,
};

/** The bots a person picks by name (the lever variants are for balance checks). */
export const BOT_IDS: readonly string[] = ['balanced', 'random', ...Object.keys(degenerateBots)];
export const DEGENERATE_BOT_IDS: readonly string[] = Object.keys(degenerateBots);
export const LEVER_BOT_IDS: readonly string[] = Object.keys(LEVER_BOTS);

/**
 * The negotiation strategy each bot plays with key accounts whose contracts come up ('none': it
 * does not negotiate). Bots built on the reference policy negotiate as it does.
 */
const BOT_NEGOTIATION: Readonly<Record<string, string>> = { random: 'none', 'never-negotiate': 'none' };

export function botNegotiationStrategy(id: string): string {
  return BOT_NEGOTIATION[id] ?? REFERENCE_POLICY.negotiation;
}

export function isBotId(id: unknown): id is string {
  return typeof id === 'string' && Object.hasOwn(BOTS, id);
}


/**
 * A bot's decisions, trimmed to the budget and checked like a team's: a bot never gets to play
 * a plan a team would be refused. A plan that still fails (a bot bug) plays the default instead.
 */
export function playBot(id: string, view: BotView): Decisions {
  const bot = BOTS[id];
  if (!bot) throw new Error(`unknown bot ${id}`);
  const plan = fitBudget(bot(view), view);
  return validateDecisions(plan, view.market, view.scenario, view.firm) === null ? plan : defaultDecisions(view.market, view.scenario, view.firm);
}
