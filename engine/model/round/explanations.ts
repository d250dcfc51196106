import { powInt } from '../../core/detMath.ts';
import { orderSharePm } from '../accountShare.ts';
import type { Explanation, FirmOutcome } from '../outcome.ts';
import type { MarketState } from '../state.ts';
import type { RoundContext, Work } from './context.ts';
import { priceOf } from './market.ts';
import type { TerritoryMoney } from './spendPlan.ts';

const STAGES = ['qualification', 'proposal', 'negotiation', 'closing'] as const;

/**
 * Why a team firm's round went as it did: the largest share move and the attraction term that
 * drove it, the leakiest funnel stage, delivery, churn, leavers, key accounts and shocks. Each
 * item carries a message code and its figures; the UI and the debrief word them.
 */
export function explain(
  w: Work,
  ctx: RoundContext,
  before: MarketState,
  firms: readonly FirmOutcome[],
  money: readonly TerritoryMoney[],
): Explanation[] {
  const out: Explanation[] = [];
  w.firms.forEach((f, fi) => {
    if (!ctx.decisions[fi] || !f.active) return;
    // 1. The territory whose share moved most, and the term most out of line with rivals.
    let best = { ti: -1, delta: 0 };
    w.territories.forEach((t, ti) => {
      const now = t.shareHistory[t.shareHistory.length - 1]?.[fi] ?? 0;
      const prev = before.territories[ti]!.shareHistory[before.territories[ti]!.shareHistory.length - 1]?.[fi] ?? 0;
      if (Math.abs(now - prev) > Math.abs(best.delta)) best = { ti, delta: now - prev };
    });
    if (best.ti >= 0 && Math.abs(best.delta) >= 50) {
      const t = w.territories[best.ti]!;
      const rivals = w.firms.map((r, ri) => ri).filter((ri) => ri !== fi && w.firms[ri]!.active && w.firms[ri]!.territories.includes(t.id));
      const avg = (pick: (ri: number) => number) => (rivals.length ? rivals.reduce((s, ri) => s + pick(ri), 0) / rivals.length : 0);
      const e = ctx.c.attraction.priceExponent[t.tier - 1]!;
      const terms = {
        price: powInt(1000 / priceOf(w, ctx, fi, t.tier), e) / Math.max(1e-9, avg((ri) => powInt(1000 / priceOf(w, ctx, ri, t.tier), e))),
        effort: (ctx.effort[fi]![best.ti]!.total + 1) / (avg((ri) => ctx.effort[ri]![best.ti]!.total) + 1),
        promotion: (money[fi]!.promotion[best.ti]! + 1) / (avg((ri) => money[ri]!.promotion[best.ti]!) + 1),
        coverage: (t.coverage[fi]! + 1) / (avg((ri) => t.coverage[ri]!) + 1),
      };
      const entries = Object.entries(terms) as [keyof typeof terms, number][];
      entries.sort((a, b) => (best.delta > 0 ? b[1] - a[1] : a[1] - b[1]) || (a[0] < b[0] ? -1 : 1));
      const [cause, ratio] = entries[0]!;
      out.push({
        firm: fi,
        code: best.delta > 0 ? 'why.share-up' : 'why.share-down',
        params: { territory: t.id, points: Math.round(Math.abs(best.delta) / 10) / 10, cause, ratioPct: Math.round(ratio * 100) },
        weight: Math.abs(best.delta) * 10,
      });
    }
    const r = firms[fi]!;
    // 2. Where the funnel leaked most, as a share of what entered the stage.
    const entered = [r.funnel.leads, r.funnel.qualified, r.funnel.proposals, r.funnel.negotiations];
    let leak = { stage: -1, rate: 0 };
    r.funnel.lostAt.forEach((lost, k) => {
      const rate = entered[k]! > 0 ? lost / entered[k]! : 0;
      if (k > 0 && rate > leak.rate) leak = { stage: k, rate };
    });
    if (leak.stage >= 0) {
      out.push({
        firm: fi,
        code: 'why.funnel-leak',
        params: { stage: STAGES[leak.stage]!, lostPct: Math.round(leak.rate * 100) },
        weight: leak.rate * 1000,
      });
    }
    if (r.fillBp < 9700) out.push({ firm: fi, code: 'why.fill', params: { fillPct: Math.round(r.fillBp / 100) }, weight: (10_000 - r.fillBp) * 2 });
    if (r.lostCustomers > r.wonCustomers) {
      out.push({ firm: fi, code: 'why.churn', params: { lost: r.lostCustomers, won: r.wonCustomers, csat: r.csat }, weight: (r.lostCustomers - r.wonCustomers) * 50 });
    }
    if (r.leavers.length > 0) out.push({ firm: fi, code: 'why.leavers', params: { count: r.leavers.length, morale: r.morale }, weight: r.leavers.length * 800 });
    w.accounts.forEach((a, ai) => {
      const event = ctx.accountEvents[ai];
      const prev = ctx.accountPrevious[ai];
      if (event === 'lost' && prev === fi) out.push({ firm: fi, code: 'why.account-lost', params: { account: a.id, to: w.firms[a.supplier]?.id ?? '' }, weight: 2000 });
      if ((event === 'won' || event === 'lost') && a.supplier === fi) out.push({ firm: fi, code: 'why.account-won', params: { account: a.id }, weight: 1500 });
      const share = orderSharePm(a, fi);
      if (event === 'split' && share > 0) {
        const other = a.supplier === fi ? a.split!.firm : a.supplier;
        out.push({ firm: fi, code: 'why.account-split', params: { account: a.id, to: w.firms[other]?.id ?? '', sharePct: Math.round(share / 10) }, weight: 1800 });
      }
      if (event === 'upgraded' && a.supplier === fi) out.push({ firm: fi, code: 'why.account-upgraded', params: { account: a.id }, weight: 600 });
    });
  });
  for (const s of w.shocks) out.push({ firm: -1, code: `why.shock.${s.kind}`, params: { territory: s.territory, until: s.toRound }, weight: 3000 });
  return out.sort((a, b) => a.firm - b.firm || b.weight - a.weight || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
