import { trimToBudget } from '../model/trimToBudget.ts';
import type { Decisions } from '../model/decisions.ts';
import type { Bot, BotView } from './bot.ts';
import { policyBot, REFERENCE_POLICY } from './policy.ts';

/**
 * What a good regional manager does, as a rule of thumb: the reference policy (policy.ts) —
 * reps where the potential is, a balanced week with time for key accounts and development,
 * targets inside the band, prices held near list, training for the weakest skill, varied
 * incentives, mediation when conflict rises, renewals prepared ahead, automation where the long
 * tail is large.
 */
export const balancedBot: Bot = policyBot(REFERENCE_POLICY);

/** A bot's plan, trimmed to its firm's budget. */
export function fitBudget(d: Decisions, view: BotView): Decisions {
  return trimToBudget(d, view.market, view.scenario, view.firm);
}
