import type { Draft } from 'immer';
import { roundHalfEven } from '../../core/fixedPoint.ts';
import { sharesBp } from '../attraction.ts';
import type { AccountNegotiation, Decisions } from '../decisions.ts';
import type { AccountOutcome, FirmOutcome, RoundOutcome, Signal, TerritoryOutcome } from '../outcome.ts';
import { SEGMENTS, type Scenario, type ShockSpec } from '../scenario.ts';
import type { MarketState } from '../state.ts';
import { keyAccounts } from './accounts.ts';
import { competitorMoves } from './competitors.ts';
import { cloneMarket, emptySpend, totalSpend, type RoundContext } from './context.ts';
import { customerFlow } from './customerFlow.ts';
import { deliver } from './delivery.ts';
import { computeEffort } from './effort.ts';
import { explain } from './explanations.ts';
import { emptyFunnelOutcome } from './funnel.ts';
import { kpiScores, kpis, rebaseBaselines } from './kpi.ts';
import { computeAttraction } from './market.ts';
import { profitAndLoss } from './pnl.ts';
import { satisfaction } from './satisfaction.ts';
import { applyShocks } from './shocks.ts';
import { territoryMoney } from './spendPlan.ts';
import { team } from './team.ts';
import { upgrades } from './upgrades.ts';

export interface RoundInput {
  readonly scenario: Scenario;
  readonly seed: string;
  /** The round being resolved (market.round + 1). */
  readonly round: number;
  /** Per firm, in scenario order: a team's decisions, or null for firms the AI plays. */
  readonly decisions: readonly (Decisions | null)[];
  /** Shocks a facilitator injected for this round, on top of the scenario's schedule. */
  readonly injected: readonly ShockSpec[];
  /** Key-account negotiations of this round (deals and failures), by team firm. */
  readonly negotiations?: readonly AccountNegotiation[];
}

/** m·r/(1 + i − r): a long-tail customer's margin this round, kept at this round's retention rate. */
function customerLifetimeValue(ctx: RoundContext, fi: number, customers: number, p: FirmOutcome['pnl']): number {
  if (customers === 0 || p.revenue === 0) return 0;
  const lt = ctx.ltRevenue[fi]!;
  const margin = (lt / customers) * (p.profit / p.revenue);
  const r = Math.min(0.98, Math.max(0, 1 - ctx.lost[fi]! / (customers + ctx.lost[fi]!)));
  const i = ctx.c.customers.clvDiscountBp / 10_000;
  return roundHalfEven((margin * r) / (1 + i - r));
}

function calendarMonth(scenario: Scenario, round: number): number {
  return ((scenario.startMonth - 1 + round - 1) % 12) + 1;
}

/**
 * Resolves one round of one market: a pure function of the market before it, the decisions and
 * the seed. MODEL.md's order: shocks → competitor AI → decisions → effort → share → funnel →
 * delivery → customers → team → KPIs. The input is never mutated; the long tail is worked on
 * plain arrays, not through immer drafts.
 */
export function resolveRound(before: MarketState, input: RoundInput): { market: MarketState; outcome: RoundOutcome } {
  const { scenario, round } = input;
  const w = cloneMarket(before);
  const nF = w.firms.length;
  const nT = w.territories.length;
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const ctx: RoundContext = {
    scenario,
    c: scenario.coefficients,
    seed: input.seed,
    round,
    seasonPm: scenario.market.seasonPm[calendarMonth(scenario, round) - 1] ?? 1000,
    decisions: input.decisions,
    injected: input.injected,
    negotiations: input.negotiations ?? [],
    shock: { macroPm: w.macroPm, demandPm: zeros(nT).map(() => 1000), premiumAddPm: zeros(nT), capacityPm: zeros(nF).map(() => 1000), attritionPm: 1000, priceWar: false },
    effort: [],
    spend: w.firms.map(() => emptySpend()),
    attraction: [],
    segmentAttraction: [],
    takeUp: zeros(nT),
    delivered: zeros(nF),
    ltOrders: zeros(nF),
    overtime: zeros(nF),
    ltRevenue: zeros(nF),
    kaRevenue: zeros(nF),
    revenueBy: [],
    ltRevenueBy: [],
    unitsBy: [],
    fillBp: zeros(nF),
    won: zeros(nF),
    lost: zeros(nF),
    funnel: w.firms.map(() => emptyFunnelOutcome()),
    kpis: [],
    leavers: w.firms.map(() => []),
    hires: zeros(nF),
    accountEvents: [],
    accountPrevious: [],
    accountUnits: [],
    accountFillBp: [],
  };

  // Demand grows month by month.
  w.territories.forEach((t, ti) => {
    t.potential = roundHalfEven(t.potential * (1 + scenario.territories[ti]!.growthBp / 10_000 / 12));
  });
  applyShocks(w, ctx);
  competitorMoves(w, ctx);
  w.firms.forEach((f, fi) => {
    const d = input.decisions[fi];
    if (!d) return;
    f.pricePm = [...d.pricePm] as Draft<typeof f.pricePm>;
    f.tools = { toolkit: d.toolkit, templates: d.templates, automated: d.territories.filter((t) => t.automation).map((t) => t.territory) };
  });
  computeEffort(w, ctx);
  const money = w.firms.map((_, fi) => territoryMoney(w, ctx, fi));
  computeAttraction(w, ctx, money);
  customerFlow(w, ctx, money);
  keyAccounts(w, ctx);
  deliver(w, ctx);
  satisfaction(w, ctx);
  upgrades(w, ctx);
  team(w, ctx);
  kpis(w, ctx);
  const pnl = profitAndLoss(w, ctx, before, money);

  // One pass over the long tail: customers by territory, segment and supplier (the last column
  // counts the unserved), and every firm's customer count and satisfaction. 10,000 customers a
  // round in the benchmark: locals and flat counters, not nested arrays.
  const supplierOf = w.customers.supplier;
  const territoryOf = w.customers.territory;
  const segmentOf = w.customers.segment;
  const csatArr = w.customers.csat;
  const nS = SEGMENTS.length;
  const counts = new Int32Array(nT * nS * (nF + 1));
  const customersOf = zeros(nF);
  const csatOf = zeros(nF);
  for (let i = 0; i < supplierOf.length; i++) {
    const s = supplierOf[i]!;
    if (s === -2) continue;
    counts[(territoryOf[i]! * nS + segmentOf[i]!) * (nF + 1) + (s < 0 ? nF : s)]! += 1;
    if (s < 0) continue;
    customersOf[s]! += 1;
    csatOf[s]! += csatArr[i]!;
  }
  const bySegment = w.territories.map((_, ti) =>
    SEGMENTS.map((_s, si) => Array.from(counts.subarray((ti * nS + si) * (nF + 1), (ti * nS + si + 1) * (nF + 1)))),
  );
  const territories: TerritoryOutcome[] = w.territories.map((t, ti) => {
    const units = w.firms.map((_, fi) => ctx.unitsBy[fi]?.[ti] ?? 0);
    const total = units.reduce((a, b) => a + b, 0);
    const shareBp = sharesBp(units);
    t.shareHistory = [...t.shareHistory, shareBp].slice(-4);
    const attr = ctx.attraction[ti]!;
    return {
      id: t.id,
      potential: t.potential,
      units: roundHalfEven(total),
      takeUpBp: roundHalfEven(ctx.takeUp[ti]! * 10_000),
      shareBp,
      attractionBp: sharesBp(attr),
      segmentCustomers: bySegment[ti]!,
    };
  });

  kpiScores(w, ctx, before, pnl.map((p) => p.profit), customersOf);
  rebaseBaselines(w, ctx);
  const firms: FirmOutcome[] = w.firms.map((f, fi) => {
    const p = pnl[fi]!;
    f.totals.revenue += p.revenue;
    f.totals.profit += p.profit;
    f.totals.newAccounts += ctx.won[fi]!;
    f.totals.lostAccounts += ctx.lost[fi]!;
    const customers = customersOf[fi]!;
    const csatSum = csatOf[fi]!;
    const morale = f.reps.length ? roundHalfEven(f.reps.reduce((s, r) => s + r.morale, 0) / f.reps.length) : 0;
    const fn = ctx.funnel[fi]!;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      id: f.id,
      active: f.active,
      units: roundHalfEven(ctx.delivered[fi]!),
      longTailOrders: roundHalfEven(ctx.ltOrders[fi]!),
      pnl: p,
      budget: f.budget,
      spent: totalSpend(ctx.spend[fi]!) - ctx.spend[fi]!.hiring,
      fillBp: ctx.fillBp[fi]!,
      funnel: {
        leads: r1(fn.leads),
        qualified: r1(fn.qualified),
        proposals: r1(fn.proposals),
        negotiations: r1(fn.negotiations),
        won: r1(fn.won),
        lostAt: fn.lostAt.map(r1) as unknown as [number, number, number, number],
      },
      customers,
      wonCustomers: ctx.won[fi]!,
      lostCustomers: ctx.lost[fi]!,
      csat: customers ? roundHalfEven(csatSum / customers) : 0,
      morale,
      reps: f.reps.length,
      leavers: ctx.leavers[fi] ?? [],
      hires: ctx.hires[fi] ?? 0,
      conflict: f.conflict,
      kpis: ctx.kpis[fi] ?? [],
      pricePm: [f.pricePm[0], f.pricePm[1], f.pricePm[2]],
      clv: customerLifetimeValue(ctx, fi, customers, p),
    };
  });

  const accounts: AccountOutcome[] = w.accounts.map((a, ai) => ({
    id: a.id,
    supplier: a.supplier,
    previousSupplier: ctx.accountPrevious[ai] ?? a.supplier,
    units: roundHalfEven(ctx.accountUnits[ai] ?? 0),
    csat: a.csat,
    relationship: a.relationship,
    event: (ctx.accountEvents[ai] ?? '') as AccountOutcome['event'],
    ...(a.split ? { split: { firm: a.split.firm, sharePm: a.split.sharePm } } : {}),
  }));

  const signals: Signal[] = scenario.shocks
    .filter((s) => s.round === round + 1)
    .map((s) => ({ shock: s.id, kind: s.kind, round: s.round, territory: s.territory, public: s.signalled }));

  w.round = round;
  const negotiations = ctx.negotiations.map((n) => ({ firm: n.firm, account: n.account, deal: n.deal, pricePm: n.pricePm, score: n.score }));
  const outcome: RoundOutcome = { round, territories, firms, accounts, explanations: explain(w, ctx, before, firms, money), signals, negotiations };
  return { market: w as MarketState, outcome };
}
