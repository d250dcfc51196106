import { budgetLines, budgetTotal } from './budget.ts';
import type { Decisions } from './decisions.ts';
import type { Scenario } from './scenario.ts';
import type { MarketState } from './state.ts';

/**
 * Cuts a plan until it fits the firm's budget: promotion and contingency first, then channel,
 * travel, tools, training and incentives, automation, and last the rest. Used for bots and for
 * a team's plan carried into a round where it no longer fits.
 */
export function trimToBudget(d: Decisions, market: MarketState, scenario: Scenario, firm: number): Decisions {
  const budget = market.firms[firm]!.budget;
  const over = (p: Decisions) => budgetTotal(budgetLines(p, market, firm, scenario.coefficients)) - budget;
  let plan = d;
  const shrink = (x: number) => Math.max(0, Math.floor(x * 0.85));
  for (let i = 0; i < 40 && over(plan) > 0; i++) {
    plan = {
      ...plan,
      territories: plan.territories.map((t) => ({
        ...t,
        promotion: shrink(t.promotion),
        channel: i > 5 ? shrink(t.channel) : t.channel,
        automation: i > 25 ? false : t.automation,
      })),
      travel: i > 10 ? shrink(plan.travel) : plan.travel,
      contingency: shrink(plan.contingency),
      toolkit: i > 15 ? false : plan.toolkit,
      templates: i > 15 ? false : plan.templates,
      training: i > 20 ? [] : plan.training,
      incentives: i > 20 ? [] : plan.incentives,
    };
  }
  if (over(plan) > 0) {
    plan = {
      ...plan,
      territories: plan.territories.map((t) => ({ ...t, promotion: 0, channel: 0, automation: false })),
      travel: 0,
      contingency: 0,
      training: [],
      incentives: [],
      mediation: false,
      toolkit: false,
      templates: false,
      marketIntelligence: false,
    };
  }
  return plan;
}
