import { apportion, roundHalfEven } from '../core/fixedPoint.ts';
import { stream } from '../core/rng.ts';
import { a0For, attraction, relativeAttraction, sharesBp } from './attraction.ts';
import { aiEffortPerK, firmPresent } from './firmPresence.ts';
import { makeRep, seatReps } from './repGeneration.ts';
import { SEGMENTS, type Scenario } from './scenario.ts';
import { segmentAttraction } from './segments.ts';
import { accountVolume } from './round/accounts.ts';
import { AI_CHANNEL_SHARE, AI_PROMOTION_SHARE } from './round/spendPlan.ts';
import { adbudg } from '../core/detMath.ts';
import type { AccountState, CustomerColumns, FirmState, MarketState, RepState, TerritoryState } from './state.ts';

/** The digital entrant arrives still building its coverage; every other firm starts at its steady state. */
const ENTRANT_COVERAGE = 200;

/**
 * What last year's firm spent: the default plan's promotion and channel as shares of a team's
 * budget (defaultDecisions), and 60 selling call-units a rep (the default week before its four
 * untaught training hours went to the long tail).
 */
const TEAM_PROMOTION_SHARE = 0.15;
const TEAM_CHANNEL_SHARE = 0.1;
const TEAM_SELLING_HOURS = 60;

/** What a firm spends on a territory in a normal round: promotion and channel yuan, and call-units. */
function normalSpend(scenario: Scenario, f: FirmState, territoryId: string): { promotion: number; channel: number; calls: number } {
  if (!firmPresent(f, territoryId)) return { promotion: 0, channel: 0, calls: 0 };
  const share = potentialShare(scenario, f, territoryId);
  const spec = scenario.firms.find((x) => x.id === f.id)!;
  if (f.kind === 'team') {
    return { promotion: f.budget * TEAM_PROMOTION_SHARE * share, channel: f.budget * TEAM_CHANNEL_SHARE * share, calls: spec.reps * TEAM_SELLING_HOURS * share };
  }
  return { promotion: f.budget * AI_PROMOTION_SHARE * share, channel: f.budget * AI_CHANNEL_SHARE * share, calls: aiEffortPerK(scenario, f, territoryId) };
}

/** A territory's share of the potential of the territories a firm sells in. */
function potentialShare(scenario: Scenario, f: Pick<FirmState, 'territories'>, territoryId: string): number {
  let total = 0;
  let here = 0;
  for (const t of scenario.territories) {
    if (!firmPresent(f, t.id)) continue;
    total += t.potential;
    if (t.id === territoryId) here = t.potential;
  }
  return total > 0 ? here / total : 0;
}

/** Size of long-tail customers: a heavy tail in 1–10 so the top fifth buys about half. */
function customerSize(u: number): number {
  return 1 / (1 - 0.9 * u);
}

/**
 * The market at the start of round 1, from the scenario and the seed: reps, customers and who
 * they buy from are drawn from their own streams, so they are the same for every team and every
 * replay. `teamFirms` are the team slots in play; the others never enter.
 */
export function initialMarket(scenario: Scenario, seed: string, teamFirms: readonly string[]): MarketState {
  const c = scenario.coefficients;
  const month = scenario.startMonth;
  const firms: FirmState[] = scenario.firms.map((f) => {
    const present = f.territories.length === 0 ? scenario.territories.map((t) => t.id) : [...f.territories];
    const dice = stream(seed, 'setup', 'reps', f.id);
    const seats = f.kind === 'team' ? seatReps(f.reps, scenario.territories.filter((t) => present.includes(t.id))) : [];
    const reps = seats.map((territory, i) => makeRep(`${f.id}-r${String(i + 1).padStart(2, '0')}`, territory, dice, c.team, false));
    return {
      id: f.id,
      kind: f.kind,
      // A team slot nobody took stays out of the market for the whole session.
      active: f.kind === 'team' ? teamFirms.includes(f.id) : f.entersRound <= 1,
      pricePm: [f.pricePm, f.pricePm, f.pricePm],
      brand: f.brand,
      service: f.service,
      quality: f.quality,
      budget: f.budget,
      territories: present,
      reps: f.start ? withMorale(reps, f.start.morale) : reps,
      // Seats emptied just before the game fill like any other vacancy, counted from round 0.
      vacancies: (f.start?.vacancies ?? []).map((territory) => ({ territory, fillRound: c.team.vacancyRounds })),
      conflict: f.start?.conflict ?? 20,
      communication: 400,
      goodwill: c.delivery.goodwillStart,
      funnel: present.map((territory) => ({ territory, lead: 0, qualified: 0, proposal: 0, negotiation: 0, review: 0, wonCarry: 0 })),
      backlog: 0,
      tools: { toolkit: false, templates: false, automated: [] },
      ai: { pushRounds: scenario.territories.map(() => 0), campaignRounds: 0, roundsBelowCost: 0, exited: false },
      lastYear: scenario.territories.map(() => 0),
      totals: {
        revenue: 0,
        profit: 0,
        newAccounts: 0,
        lostAccounts: 0,
        leavers: 0,
        hires: 0,
        greenWeeks: 0,
        weeks: 0,
        skillGain: 0,
        skillStart: meanSkill(reps),
        baseline: 0,
        kpiScore: 0,
      },
    };
  });

  // Awareness and coverage start where each firm's normal spending holds them (the steady state
  // of their Vidale–Wolfe stocks): last year's firm had been working this way for a while, so the
  // baseline and round 1 describe the same market. The digital entrant is still building up.
  const territories: TerritoryState[] = scenario.territories.map((t) => {
    const perK = Math.max(1, SEGMENTS.reduce((n, s) => n + t.customers[s], 0)) / 1000;
    const normal = firms.map((f) => normalSpend(scenario, f, t.id));
    const coverage = firms.map((f, fi) => {
      if (!firmPresent(f, t.id)) return 0;
      if (f.kind === 'digital') return ENTRANT_COVERAGE;
      const push = normal[fi]!.channel / c.effort.callCostYuan + normal[fi]!.calls;
      return roundHalfEven(1000 * adbudg(push / perK, c.stocks.coverageHalf, 1));
    });
    const awareness = firms.map((f, fi) => {
      if (!firmPresent(f, t.id)) return 0;
      if (f.kind === 'digital') return roundHalfEven(f.brand * 0.7);
      const gain = (c.stocks.awarenessGainPm / 1000) * adbudg(normal[fi]!.promotion / perK, c.attraction.promoHalfYuan, 1);
      const decay = c.stocks.awarenessDecayPm / 1000;
      return gain + decay > 0 ? roundHalfEven((1000 * gain) / (gain + decay)) : 0;
    });
    return {
      id: t.id,
      tier: t.tier,
      stage: t.stage,
      potential: t.potential,
      premiumPm: t.premiumPm,
      policyPm: t.policyPm,
      awareness,
      coverage,
      development: firms.map(() => 0),
      shareHistory: [],
      a0: 0,
      rebasePm: 1000,
      walletRefPm: firms.map(() => 1000),
    };
  });

  // Who each long-tail customer buys from at the start follows the market's attraction.
  const columns = { territory: [] as number[], segment: [] as number[], supplier: [] as number[], size: [] as number[], csat: [] as number[] };
  const finalTerritories = territories.map((t, ti) => {
    const spec = scenario.territories[ti]!;
    const customersHere = SEGMENTS.reduce((n, s) => n + spec.customers[s], 0);
    const perK = customersHere / 1000 || 1;
    const inputs = firms.map((f) => ({
      brand: f.brand,
      pricePm: f.pricePm[t.tier - 1]!,
      effortPerK: firmPresent(f, t.id) ? aiEffortPerK(scenario, f, t.id) / perK : 0,
      // What each firm spends on promotion in a normal round (AI firms their share of budget, a
      // team the default plan's 15%), so round 1 starts from the market the baseline describes.
      promoPerK: firmPresent(f, t.id) ? normalSpend(scenario, f, t.id).promotion / perK : 0,
      coverage: t.coverage[firms.indexOf(f)]!,
      service: f.service,
      quality: f.quality,
      familiarity: t.awareness[firms.indexOf(f)]!,
    }));
    const base = firms.map((f, fi) =>
      f.active && firmPresent(f, t.id) ? attraction(inputs[fi]!, c.attraction.priceExponent[t.tier - 1]!, t.premiumPm, c.attraction) : 0,
    );
    const total = base.reduce((a, b) => a + b, 0);
    const kaVolume = scenario.keyAccounts.filter((k) => k.territory === t.id).reduce((n, k) => n + k.volume, 0);
    const ltDemand = Math.max(0, roundHalfEven((t.potential * c.demand.takeUpAtStartBp) / 10_000) - kaVolume);
    const dice = stream(seed, 'setup', 'customers', t.id);
    const firstIndex = columns.size.length;
    SEGMENTS.forEach((segment, si) => {
      const weights = firms.map((f, fi) => (base[fi]! > 0 ? segmentAttraction(base[fi]!, f.kind, segment) : 0));
      const wTotal = weights.reduce((a, b) => a + b, 0);
      for (let k = 0; k < spec.customers[segment]; k++) {
        columns.territory.push(ti);
        columns.segment.push(si);
        let pick = dice.next() * wTotal;
        let supplier = -1;
        for (let fi = 0; fi < weights.length && supplier < 0; fi++) {
          pick -= weights[fi]!;
          if (pick < 0 && weights[fi]! > 0) supplier = fi;
        }
        columns.supplier.push(supplier < 0 ? weights.findLastIndex((w) => w > 0) : supplier);
        columns.size.push(customerSize(dice.next()));
        columns.csat.push(dice.between(58, 80));
      }
    });
    // Sizes in thousandths of a unit, scaled so the territory's long tail buys its demand.
    const raw = columns.size.slice(firstIndex);
    const scaled = apportion(ltDemand * 1000, raw);
    scaled.forEach((s, k) => (columns.size[firstIndex + k] = s));
    const shares = sharesBp(base);
    // Every firm that sells here, active or not yet, measured against the firms active now.
    const potential = firms.map((f, fi) => (firmPresent(f, t.id) ? attraction(inputs[fi]!, c.attraction.priceExponent[t.tier - 1]!, t.premiumPm, c.attraction) : 0));
    const active = relativeAttraction(base);
    const meanActive = base.reduce((a, b) => a + b, 0) / Math.max(1, base.filter((b) => b > 0).length);
    const walletRefPm = potential.map((a, fi) => (base[fi]! > 0 ? roundHalfEven(active[fi]! * 1000) : a > 0 && meanActive > 0 ? roundHalfEven((a / meanActive) * 1000) : 1000));
    return { ...t, a0: roundHalfEven(a0For(total, c.demand.takeUpAtStartBp) * 1000), shareHistory: [shares], walletRefPm };
  });

  const accounts: AccountState[] = scenario.keyAccounts.map((k) => ({
    id: k.id,
    territory: k.territory,
    volume: k.volume,
    pricePm: k.pricePm,
    supplier: firms.findIndex((f) => f.id === k.supplier),
    csat: k.csat,
    relationship: k.relationship,
    contractEnd: k.contractEnd,
    owner: firms.find((f) => f.id === k.supplier)?.reps.find((r) => r.territory === k.territory)?.id ?? '',
    influence: k.influence,
    upgradedRound: 0,
    preparation: firms.map(() => 0),
  }));

  const market: MarketState = {
    round: 0,
    macroPm: scenario.market.macroPm,
    territories: finalTerritories,
    firms,
    accounts,
    customers: columns as CustomerColumns,
    shocks: [],
  };
  return withLastYear(market, scenario, month);
}

/** The mean of every rep's three skills, in hundredths of a point. */
export function meanSkill(reps: readonly Pick<RepState, 'skills'>[]): number {
  if (reps.length === 0) return 0;
  let sum = 0;
  for (const r of reps) sum += r.skills.prospecting + r.skills.negotiation + r.skills.accountManagement;
  return Math.round((sum * 100) / (3 * reps.length));
}

/** Shifts every rep's morale so the team's average is `average`, keeping each rep's spread. */
function withMorale(reps: readonly RepState[], average: number): RepState[] {
  if (reps.length === 0) return [];
  const drawn = reps.reduce((n, r) => n + r.morale, 0) / reps.length;
  return reps.map((r) => ({ ...r, morale: Math.min(100, Math.max(0, roundHalfEven(r.morale + average - drawn))) }));
}

/** Last year's revenue by firm and territory at the start: what the firm sells in round 1 if nothing changes. */
function withLastYear(market: MarketState, scenario: Scenario, month: number): MarketState {
  const listPrice = scenario.product.listPrice;
  const season = (scenario.market.seasonPm[(month - 1) % 12] ?? 1000) / 1000;
  const firms = market.firms.map((f, fi) => {
    const lastYear = market.territories.map((t, ti) => {
      let units = 0;
      const cols = market.customers;
      for (let i = 0; i < cols.size.length; i++) if (cols.territory[i] === ti && cols.supplier[i] === fi) units += cols.size[i]! / 1000;
      for (const a of market.accounts) if (a.territory === t.id && a.supplier === fi) units += accountVolume(a, 0, scenario.coefficients.customers);
      const growth = 1 + scenario.market.baselineGrowthBp / 10_000;
      return roundHalfEven(((units * season * f.pricePm[t.tier - 1]!) / 1000) * listPrice / growth);
    });
    return { ...f, lastYear };
  });
  return { ...market, firms };
}
