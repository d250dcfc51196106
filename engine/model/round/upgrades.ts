import type { RoundContext, Work } from './context.ts';

/**
 * Development hours turn the biggest long-tail customers into key accounts: every
 * `upgradeHours` of effective development effort upgrades one top-decile customer (at most two a
 * territory a round), whose volume then ramps up to three times its long-tail purchases.
 */
export function upgrades(w: Work, ctx: RoundContext): void {
  const c = ctx.c.customers;
  const cols = w.customers;
  w.firms.forEach((f, fi) => {
    const d = ctx.decisions[fi];
    if (!d || !f.active) return;
    w.territories.forEach((t, ti) => {
      const count = Math.min(c.maxUpgradesPerTerritory, Math.floor(ctx.effort[fi]![ti]!.development / c.upgradeHours));
      if (count <= 0) return;
      const here: number[] = [];
      for (let i = 0; i < cols.supplier.length; i++) if (cols.territory[i] === ti && cols.supplier[i]! > -2) here.push(i);
      const bySize = here.slice().sort((a, b) => cols.size[b]! - cols.size[a]! || a - b);
      const decile = new Set(bySize.slice(0, Math.max(1, Math.ceil(bySize.length / 10))));
      const mine = bySize.filter((i) => decile.has(i) && cols.supplier[i] === fi).slice(0, count);
      const developer = d.reps
        .filter((p) => p.territory === t.id)
        .sort((a, b) => b.development - a.development || (a.rep < b.rep ? -1 : 1))[0]?.rep ?? '';
      for (const i of mine) {
        w.accounts.push({
          id: `${t.id}-up${ctx.round}-${i}`,
          territory: t.id,
          volume: Math.max(1, Math.round(cols.size[i]! / 1000)),
          pricePm: d.pricePm[t.tier - 1]!,
          supplier: fi,
          csat: cols.csat[i]!,
          relationship: 60,
          contractEnd: ctx.round + 12,
          owner: developer,
          influence: 1,
          upgradedRound: ctx.round,
          preparation: w.firms.map(() => 0),
        });
        ctx.accountEvents.push('upgraded');
        ctx.accountPrevious.push(fi);
        ctx.accountUnits.push(Math.max(1, Math.round(cols.size[i]! / 1000)));
        cols.supplier[i] = -2;
      }
    });
  });
}
