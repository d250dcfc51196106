import { stream } from '../../core/rng.ts';
import type { RoundContext, Work } from './context.ts';

/** Share points lost in a territory against the firm's own average of the three rounds before. */
export function shareDropBp(history: readonly (readonly number[])[], firm: number): number {
  if (history.length < 2) return 0;
  const last = history[history.length - 1]![firm] ?? 0;
  const before = history.slice(Math.max(0, history.length - 4), history.length - 1);
  const avg = before.reduce((s, h) => s + (h[firm] ?? 0), 0) / before.length;
  return Math.round(avg - last);
}

/** The lowest price any team firm set for a tier this round (‰), or null when no team sells. */
function lowestTeamPrice(w: Work, ctx: RoundContext, tier: number): number | null {
  let low: number | null = null;
  w.firms.forEach((f, fi) => {
    if (f.kind !== 'team' || !f.active) return;
    const p = ctx.decisions[fi]?.pricePm[tier] ?? f.pricePm[tier]!;
    low = low === null ? p : Math.min(low, p);
  });
  return low;
}

/**
 * The AI firms react where they are hurt, each by its archetype's rules (MODEL.md, "Competitor
 * AI"): the brand leader pushes coverage and only follows deep price cuts, the group runs bundle
 * campaigns, the digital entrant grows online or exits, local SMEs match cuts down to a floor.
 */
export function competitorMoves(w: Work, ctx: RoundContext): void {
  const k = ctx.c.competitors;
  const unitCost = ctx.scenario.product.unitCost;
  const list = ctx.scenario.product.listPrice;
  w.firms.forEach((f, fi) => {
    if (f.kind === 'team' || !f.active) return;
    const spec = ctx.scenario.firms[fi]!;
    switch (f.kind) {
      case 'brand': {
        w.territories.forEach((t, ti) => {
          f.ai.pushRounds[ti] = shareDropBp(t.shareHistory, fi) >= 200 ? 1 : 0;
        });
        for (const tier of [0, 1]) {
          const team = lowestTeamPrice(w, ctx, tier);
          const undercut = team !== null && team * 10_000 < spec.pricePm * (10_000 - k.brandPriceMatchGapBp);
          f.pricePm[tier] = undercut ? Math.round(spec.pricePm - (spec.pricePm - team!) / 2) : spec.pricePm;
        }
        f.pricePm[2] = spec.pricePm;
        break;
      }
      case 'group': {
        if (f.ai.campaignRounds > 0) f.ai.campaignRounds -= 1;
        if (ctx.round % k.groupCampaignEvery === 0) f.ai.campaignRounds = k.groupCampaignRounds;
        break;
      }
      case 'digital': {
        w.territories.forEach((t, ti) => {
          if (f.territories.includes(t.id)) t.coverage[fi] = Math.min(1000, t.coverage[fi]! + k.digitalCoveragePerRound);
        });
        const dice = stream(ctx.seed, 'competitor', f.id, ctx.round);
        const innovation = dice.chanceBp(2500) ? 250 : 0;
        f.service = Math.min(1000, Math.round(spec.service + (f.service - spec.service) * 0.9) + innovation);
        if (ctx.round === k.digitalExitRound) {
          const share = overallShareBp(w, fi);
          if (share < k.digitalExitShareBp) exit(w, fi);
        }
        break;
      }
      case 'sme': {
        const team = lowestTeamPrice(w, ctx, 2);
        const floor = ctx.shock.priceWar ? k.smeFloorPm : Math.max(k.smeFloorPm, Math.min(spec.pricePm, (team ?? spec.pricePm) - 25));
        f.pricePm[0] = f.pricePm[1] = f.pricePm[2] = ctx.shock.priceWar ? k.smeFloorPm : floor;
        const belowCost = (f.pricePm[2] * list) / 1000 < unitCost;
        f.ai.roundsBelowCost = belowCost ? f.ai.roundsBelowCost + 1 : 0;
        if (f.ai.roundsBelowCost >= 3) exit(w, fi);
        break;
      }
      case 'cross-industry':
        break;
    }
  });
}

function overallShareBp(w: Work, firm: number): number {
  let sum = 0;
  let n = 0;
  for (const t of w.territories) {
    const last = t.shareHistory[t.shareHistory.length - 1];
    if (!last) continue;
    sum += last[firm] ?? 0;
    n += 1;
  }
  return n === 0 ? 0 : Math.round(sum / n);
}

/** A firm leaves the market: its customers are up for grabs, its key accounts churn to the others. */
function exit(w: Work, firm: number): void {
  const f = w.firms[firm]!;
  f.active = false;
  f.ai.exited = true;
  const sup = w.customers.supplier;
  for (let i = 0; i < sup.length; i++) if (sup[i] === firm) sup[i] = -1;
}
