import { apportion, clamp } from '../../core/fixedPoint.ts';
import { stream } from '../../core/rng.ts';
import type { FunnelOutcome } from '../outcome.ts';
import { SEGMENTS } from '../scenario.ts';
import { segmentLeaningPm } from '../segments.ts';
import type { RoundContext, Work } from './context.ts';
import { coldLeads, flowWeek, legalClearing, passRates, type PassRates, type Stocks } from './funnel.ts';
import { marketPrice, priceOf } from './market.ts';
import type { TerritoryMoney } from './spendPlan.ts';

/** Churn multiplier by CSAT band (MODEL.md): unhappy customers leave three times as often. */
export function churnMultiplierPm(csat: number, bands: readonly [number, number, number, number]): number {
  if (csat < 40) return bands[0];
  if (csat < 60) return bands[1];
  if (csat < 80) return bands[2];
  return bands[3];
}

/**
 * Where a firm stands in a territory: the square root of its attraction share over an equal
 * share, kept within 0.75–1.25. Above 1 it closes more of the deals it works and keeps customers.
 */
export function competitiveness(ctx: RoundContext, fi: number, ti: number): number {
  const row = ctx.attraction[ti]!;
  const mine = row[fi]!;
  if (mine <= 0) return 1;
  let total = 0;
  let active = 0;
  for (const a of row) {
    if (a <= 0) continue;
    total += a;
    active += 1;
  }
  return clamp(Math.sqrt((mine / total) * active), 0.75, 1.25);
}

const AI_SKILL = 55;
const AI_MORALE = 65;

/** Pass rates of every firm in every territory ([firm][territory]): team firms from their reps there (or all their reps). */
function allRates(w: Work, ctx: RoundContext): PassRates[][] {
  const aiRates = passRates({ prospectingSkill: AI_SKILL, negotiationSkill: AI_SKILL, morale: AI_MORALE, toolkit: false }, ctx.c.funnel);
  return w.firms.map((f, fi) => {
    const d = ctx.decisions[fi];
    if (!d || f.reps.length === 0) return w.territories.map(() => aiRates);
    const sums = (reps: readonly { skills: { prospecting: number; negotiation: number }; morale: number }[]) => {
      let p = 0;
      let n = 0;
      let m = 0;
      for (const r of reps) {
        p += r.skills.prospecting;
        n += r.skills.negotiation;
        m += r.morale;
      }
      const k = reps.length;
      return passRates({ prospectingSkill: p / k, negotiationSkill: n / k, morale: m / k, toolkit: d.toolkit }, ctx.c.funnel);
    };
    const whole = sums(f.reps);
    return w.territories.map((t) => {
      const here = f.reps.filter((r) => r.territory === t.id);
      return here.length > 0 ? sums(here) : whole;
    });
  });
}

/**
 * The long tail's round: some customers leave or look around (by CSAT), every firm works its
 * funnel for four weeks, and the deals it closes become customers, drawn from those in play.
 * A customer who looked around and was won by nobody stays where it was; one who left and was
 * won by nobody goes unserved until someone wins it.
 */
export function customerFlow(w: Work, ctx: RoundContext, money: readonly TerritoryMoney[]): void {
  const c = ctx.c;
  const cols = w.customers;
  const n = cols.supplier.length;
  const nT = w.territories.length;
  const inPlay: number[][] = w.territories.map(() => []);
  const churned = new Uint8Array(n);
  // Customers of a firm priced above the market look around more (3× the premium, capped at double).
  const restless = w.firms.map((f, fi) =>
    w.territories.map((t, ti) => {
      if (!f.active || !f.territories.includes(t.id)) return 1;
      const avg = marketPrice(w, ctx, ti);
      return Math.min(2, 1 + 3 * Math.max(0, (priceOf(w, ctx, fi, t.tier) - avg) / avg));
    }),
  );
  const standing = w.firms.map((_, fi) => w.territories.map((_t, ti) => competitiveness(ctx, fi, ti)));
  const dice = stream(ctx.seed, 'customers', ctx.round);
  const counts = w.territories.map(() => 0);
  const ours: number[][] = w.firms.map(() => w.territories.map(() => 0));
  const promoters: number[][] = w.firms.map(() => w.territories.map(() => 0));
  const detractors: number[][] = w.firms.map(() => w.territories.map(() => 0));
  // Plain locals in the hot loop: one pass over every long-tail customer.
  const supplier = cols.supplier;
  const territory = cols.territory;
  const csat = cols.csat;
  const active = w.firms.map((f) => f.active);
  const bands = c.customers.churnMultiplierPm;
  const churnBase = c.customers.churnBaseBp / 10_000;
  const lookBase = c.customers.switchingBp / 10_000;
  const churnPer = standing.map((row) => row.map((k) => churnBase / k));
  const lookPer = restless.map((row) => row.map((k) => lookBase * k));
  for (let i = 0; i < n; i++) {
    const u = dice.next();
    let sup = supplier[i]!;
    if (sup === -2) continue;
    const t = territory[i]!;
    counts[t]! += 1;
    if (sup >= 0 && !active[sup]) {
      supplier[i] = -1;
      sup = -1;
    }
    if (sup < 0) {
      inPlay[t]!.push(i);
      continue;
    }
    ours[sup]![t]! += 1;
    const sat = csat[i]!;
    if (sat >= 80) promoters[sup]![t]! += 1;
    else if (sat < 40) detractors[sup]![t]! += 1;
    const mult = churnMultiplierPm(sat, bands) / 1000;
    // A firm that has fallen behind its rivals loses customers faster, one ahead holds them better.
    const churnP = churnPer[sup]![t]! * mult;
    const lookP = lookPer[sup]![t]! * mult;
    if (u < churnP) {
      churned[i] = 1;
      ctx.lost[sup]! += 1;
      inPlay[t]!.push(i);
    } else if (u < churnP + lookP) inPlay[t]!.push(i);
  }

  // Funnel, four weekly ticks; legal review is shared across a firm's territories.
  const funnels: FunnelOutcome[] = [];
  const passBy = allRates(w, ctx);
  const wins: number[][] = w.firms.map(() => w.territories.map(() => 0));
  w.firms.forEach((f, fi) => {
    const out = { leads: 0, qualified: 0, proposals: 0, negotiations: 0, won: 0, lostAt: [0, 0, 0, 0] as [number, number, number, number] };
    funnels.push(out);
    if (!f.active) return;
    const isTeam = ctx.decisions[fi] !== null && ctx.decisions[fi] !== undefined;
    const rows = f.funnel.map((stock) => {
      const ti = w.territories.findIndex((t) => t.id === stock.territory);
      const total = ctx.attraction[ti]!.reduce((a, b) => a + b, 0);
      const share = total > 0 ? ctx.attraction[ti]![fi]! / total : 0;
      const warm = (c.funnel.inboundBp / 10_000) * inPlay[ti]!.length * share;
      const wom = Math.max(0, (c.customers.womPromoterPm * promoters[fi]![ti]! - c.customers.womDetractorPm * detractors[fi]![ti]!) / 1000);
      const cold = coldLeads(counts[ti]!, ctx.effort[fi]![ti]!.prospecting, money[fi]!.promotion[ti]!, c) + wom;
      out.leads += cold + warm;
      const stocks: Stocks = { lead: stock.lead / 1000, qualified: stock.qualified / 1000, proposal: stock.proposal / 1000, negotiation: stock.negotiation / 1000 };
      // Deals are lost to better offers: closing passes in proportion to where the firm stands.
      const base = passBy[fi]![ti]!;
      const rates: PassRates = [base[0], base[1], base[2], clamp(base[3] * standing[fi]![ti]!, 0, 1)];
      return { ti, stock, stocks, rates, cold: cold / 4, warm: warm / 4, won: stock.wonCarry / 1000, review: stock.review / 1000 };
    });
    for (let week = 0; week < 4; week++) {
      // Deals leaving negotiation close at the closing rate; closed contracts then wait for
      // legal review, which a firm's territories share.
      rows.forEach((r) => {
        const flows = flowWeek(r.stocks, { cold: r.cold, warm: r.warm }, r.rates);
        out.qualified += flows.qualified;
        out.proposals += flows.proposals;
        out.negotiations += flows.negotiations;
        for (let k = 0; k < 3; k++) out.lostAt[k]! += flows.lostAt[k]!;
        const closed = flows.toReview * r.rates[3];
        out.lostAt[3] += flows.toReview - closed;
        r.review += closed;
      });
      const legal = isTeam
        ? legalClearing(rows.map((r) => r.review), c.funnel, f.tools.templates)
        : { cleared: rows.map((r) => r.review), fallThrough: 0 };
      rows.forEach((r, k) => {
        const cleared = legal.cleared[k]!;
        r.review -= cleared;
        const signed = cleared * (1 - legal.fallThrough);
        r.won += signed;
        out.won += signed;
        out.lostAt[3] += cleared - signed;
      });
    }
    f.funnel = rows.map((r) => {
      const whole = Math.floor(r.won);
      wins[fi]![r.ti] = whole;
      return {
        territory: r.stock.territory,
        lead: Math.round(r.stocks.lead * 1000),
        qualified: Math.round(r.stocks.qualified * 1000),
        proposal: Math.round(r.stocks.proposal * 1000),
        negotiation: Math.round(r.stocks.negotiation * 1000),
        review: Math.round(r.review * 1000),
        // Deals closed beyond the customers in play are not banked for ever: a fraction carries.
        wonCarry: Math.round((r.won - whole) * 1000),
      };
    });
  });
  ctx.funnel = funnels;

  // Closed deals become customers, drawn from those in play; two streams a round, territories in order.
  const shuffler = stream(ctx.seed, 'customers', ctx.round, 'pool');
  const pick = stream(ctx.seed, 'customers', ctx.round, 'assign');
  for (let ti = 0; ti < nT; ti++) {
    const pool = shuffler.shuffle(inPlay[ti]!);
    const wanted = w.firms.map((_, fi) => wins[fi]![ti]!);
    const sumWanted = wanted.reduce((a, b) => a + b, 0);
    const allot = sumWanted <= pool.length ? wanted : apportion(pool.length, wanted);
    for (const i of pool) {
      const u = pick.next();
      const seg = SEGMENTS[cols.segment[i]!]!;
      const weights = allot.map((a, fi) => (a > 0 ? a * segmentLeaningPm(w.firms[fi]!.kind, seg) : 0));
      const total = weights.reduce((a, b) => a + b, 0);
      if (total === 0) break;
      let x = u * total;
      let chosen = weights.findLastIndex((x) => x > 0);
      for (let fi = 0; fi < weights.length; fi++) {
        x -= weights[fi]!;
        if (x < 0 && weights[fi]! > 0) {
          chosen = fi;
          break;
        }
      }
      allot[chosen]! -= 1;
      const prev = cols.supplier[i]!;
      if (prev === chosen && !churned[i]) continue;
      if (prev === chosen) {
        // Left and came straight back: neither a loss nor a new customer.
        ctx.lost[prev]! -= 1;
        churned[i] = 0;
        continue;
      }
      if (prev >= 0 && prev !== chosen && !churned[i]) ctx.lost[prev]! += 1;
      cols.supplier[i] = chosen;
      cols.csat[i] = Math.max(cols.csat[i]!, 65);
      churned[i] = 0;
      ctx.won[chosen]! += 1;
    }
    for (const i of pool) if (churned[i]) cols.supplier[i] = -1;
  }
}
