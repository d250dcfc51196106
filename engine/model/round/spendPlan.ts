import type { RoundContext, Work } from './context.ts';

/** Yuan a firm puts into promotion and channel in each territory this round. */
export interface TerritoryMoney {
  promotion: number[];
  channel: number[];
}

/** AI firms spend fixed shares of their budget, spread over their territories by potential. */
export const AI_PROMOTION_SHARE = 0.3;
export const AI_CHANNEL_SHARE = 0.2;

export function territoryMoney(w: Work, ctx: RoundContext, fi: number): TerritoryMoney {
  const f = w.firms[fi]!;
  const d = ctx.decisions[fi];
  const promotion = w.territories.map(() => 0);
  const channel = w.territories.map(() => 0);
  if (!f.active) return { promotion, channel };
  if (d) {
    for (const t of d.territories) {
      const ti = w.territories.findIndex((x) => x.id === t.territory);
      if (ti < 0) continue;
      promotion[ti] = t.promotion;
      channel[ti] = t.channel;
    }
    return { promotion, channel };
  }
  let potential = 0;
  w.territories.forEach((t) => {
    if (f.territories.includes(t.id)) potential += t.potential;
  });
  w.territories.forEach((t, ti) => {
    if (!f.territories.includes(t.id) || potential === 0) return;
    const push = f.ai.pushRounds[ti]! > 0 ? 1 + ctx.c.competitors.brandReactionBp / 10_000 : 1;
    promotion[ti] = Math.round((f.budget * AI_PROMOTION_SHARE * t.potential * push) / potential);
    channel[ti] = Math.round((f.budget * AI_CHANNEL_SHARE * t.potential * push) / potential);
  });
  return { promotion, channel };
}
