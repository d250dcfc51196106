import { apportion, roundHalfEven } from '../core/fixedPoint.ts';
import { servedCustomers } from '../model/budget.ts';
import { trimToBudget } from '../model/trimToBudget.ts';
import type { Decisions, ExecutiveContact, IncentivePlan, RepPlan, TrainingPlan } from '../model/decisions.ts';
import { defaultDecisions, kpiBaseline } from '../model/defaultDecisions.ts';
import { SKILL_NAMES, type SkillName } from '../model/state.ts';
import type { Bot, BotView } from './bot.ts';

/**
 * What a good regional manager does, as a rule of thumb: reps where the potential is, a
 * balanced week with time for key accounts and development, targets a little above baseline,
 * prices held near list, training for the weakest skill, regular recognition, mediation when
 * conflict rises, renewals prepared ahead, automation where the long tail is large.
 */
export const balancedBot: Bot = (view) => {
  const { market, scenario, firm, round } = view;
  const base = defaultDecisions(market, scenario, firm);
  const f = market.firms[firm]!;
  const present = market.territories.map((t, ti) => ({ t, ti })).filter(({ t }) => f.territories.includes(t.id));

  // Seats by potential; each rep keeps a territory unless the seats there are full.
  const seats = apportion(f.reps.length, present.map(({ t }) => t.potential));
  const seatsLeft = new Map(present.map(({ t }, k) => [t.id, seats[k]!]));
  const order = [...f.reps].sort((a, b) => (a.id < b.id ? -1 : 1));
  const placed = new Map<string, string>();
  for (const r of order) {
    const left = seatsLeft.get(r.territory) ?? 0;
    if (left > 0) {
      placed.set(r.id, r.territory);
      seatsLeft.set(r.territory, left - 1);
    }
  }
  for (const r of order) {
    if (placed.has(r.id)) continue;
    const open = present.find(({ t }) => (seatsLeft.get(t.id) ?? 0) > 0)?.t.id ?? r.territory;
    placed.set(r.id, open);
    seatsLeft.set(open, (seatsLeft.get(open) ?? 1) - 1);
  }
  const owners = new Set(market.accounts.filter((a) => a.supplier === firm).map((a) => a.owner));
  const weakest = (skills: Record<SkillName, number>): SkillName =>
    SKILL_NAMES.reduce((w, s) => (skills[s] < skills[w] ? s : w), SKILL_NAMES[0]!);
  const training: TrainingPlan[] = [];
  const reps: RepPlan[] = order.map((r, k) => {
    const accounts = owners.has(r.id) ? 14 : 6;
    const trains = (k + round) % 3 === 0;
    if (trains) training.push({ rep: r.id, skill: weakest(r.skills), coaching: true });
    const trainingHours = trains ? 6 : 2;
    return {
      rep: r.id,
      territory: placed.get(r.id)!,
      prospecting: 22,
      accounts,
      // 62 of 64 call-units: a full week with a little slack.
      longTail: 62 - 22 - 6 - accounts - trainingHours,
      development: 6,
      training: trainingHours,
    };
  });

  // Renewals: executive time on accounts whose contracts end in 3 to 6 rounds, ours first.
  const due = market.accounts
    .filter((a) => a.contractEnd - round >= 3 && a.contractEnd - round <= 6 && f.territories.includes(a.territory))
    .sort((a, b) => Number(b.supplier === firm) - Number(a.supplier === firm) || b.volume - a.volume || (a.id < b.id ? -1 : 1));
  const executive: ExecutiveContact[] = due.slice(0, 6).map((a) => ({ account: a.id, hours: 4 }));

  const incentives: IncentivePlan[] = round % 2 === 1 ? [{ rep: '*', kind: round % 4 === 1 ? 'recognition' : 'development' }] : [];
  const meanMorale = f.reps.reduce((s, r) => s + r.morale, 0) / Math.max(1, f.reps.length);

  const territories = base.territories.map((t) => {
    const ti = market.territories.findIndex((x) => x.id === t.territory);
    const large = servedCustomers(market, firm, ti) >= 60;
    // More promotion (×1.7) and channel (×1.3) than the plain default: the balance sweep
    // (npm run scenario -- balance) found the default underinvested in both.
    return {
      ...t,
      promotion: roundHalfEven(t.promotion * 1.7),
      channel: roundHalfEven(t.channel * 1.3),
      automation: large,
      target: roundHalfEven(kpiBaseline(market, scenario, firm, ti, round) * 1.05),
    };
  });
  // When supply is short, ask operations to put the biggest key accounts first.
  // (A disruption under way, or one the scenario announces publicly for this round.)
  const shortSupply =
    market.shocks.some((s) => s.kind === 'supply-disruption' && s.toRound >= round) ||
    scenario.shocks.some((s) => s.kind === 'supply-disruption' && s.signalled && s.round === round);
  const operations = shortSupply
    ? market.accounts
        .filter((a) => a.supplier === firm)
        .sort((a, b) => b.volume - a.volume || (a.id < b.id ? -1 : 1))
        .slice(0, 2)
        .map((a) => ({ account: a.id, priority: 'P2' as const }))
    : [];
  let d: Decisions = {
    ...base,
    reps,
    territories,
    training,
    incentives: meanMorale < 58 ? [{ rep: '*', kind: 'recognition' }, ...incentives.filter((i) => i.kind !== 'recognition')] : incentives,
    mediation: f.conflict > 35,
    meetingHours: 6,
    executive,
    operations,
    toolkit: true,
    templates: true,
  };
  d = fitBudget(d, view);
  return d;
};

/** A bot's plan, trimmed to its firm's budget. */
export function fitBudget(d: Decisions, view: BotView): Decisions {
  return trimToBudget(d, view.market, view.scenario, view.firm);
}
