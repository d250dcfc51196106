import { adbudg } from '../../core/detMath.ts';
import { clamp, roundHalfEven } from '../../core/fixedPoint.ts';
import type { Coefficients } from '../coefficients.ts';
import type { CustomerColumns, MarketState } from '../state.ts';
import { customerCounts } from './market.ts';
import type { RoundContext, Work } from './context.ts';

/**
 * Where a firm stands on upgrading long-tail customers in a territory: its top-decile customers
 * (biggest first) and which of them qualify now. A customer qualifies when it is satisfied
 * (CSAT ≥ upgradeCsatMin) and the firm has developed the territory's top customers for long
 * enough (development stock ≥ upgradeStockMin). The decision form shows the same figures.
 */
export interface UpgradeCandidates {
  /** Customer indexes, biggest first. */
  readonly candidates: readonly number[];
  readonly qualified: readonly number[];
  /** Upgraded accounts the firm holds here, and how many more it may have. */
  readonly held: number;
  readonly room: number;
  readonly stock: number;
}

/** A territory's top decile of long-tail customers by size (whoever serves them), biggest first, ties by index. */
export function topDecile(cols: CustomerColumns, ti: number): number[] {
  const here: number[] = [];
  for (let i = 0; i < cols.supplier.length; i++) if (cols.territory[i] === ti && cols.supplier[i]! > -2) here.push(i);
  if (here.length === 0) return [];
  const k = Math.max(1, Math.ceil(here.length / 10));
  // The k-th biggest size by a numeric sort of the sizes alone, then only those at or above it
  // are ordered: the same list as sorting every customer, for a fraction of the work.
  const sizes = Float64Array.from(here, (i) => cols.size[i]!).sort();
  const cut = sizes[sizes.length - k]!;
  const top = here.filter((i) => cols.size[i]! >= cut).sort((a, b) => cols.size[b]! - cols.size[a]! || a - b);
  return top.slice(0, k);
}

/** `decile`: the territory's topDecile, when the caller already has it (it costs a pass and a sort). */
export function upgradeCandidates(
  market: Pick<MarketState, 'customers' | 'accounts' | 'territories'>,
  c: Coefficients['customers'],
  firm: number,
  ti: number,
  decile: readonly number[] = topDecile(market.customers, ti),
): UpgradeCandidates {
  const t = market.territories[ti]!;
  const stock = t.development[firm] ?? 0;
  const held = market.accounts.filter((a) => a.territory === t.id && a.supplier === firm && a.upgradedRound > 0).length;
  const candidates = decile.filter((i) => market.customers.supplier[i] === firm);
  const qualified = stock >= c.upgradeStockMin ? candidates.filter((i) => market.customers.csat[i]! >= c.upgradeCsatMin) : [];
  return { candidates, qualified, held, room: Math.max(0, c.maxUpgradedPerTerritory - held), stock };
}

/**
 * Development work turns satisfied top customers into key accounts. Each round a firm's
 * development hours move its development stock in a territory towards what they sustain
 * (Vidale–Wolfe, like coverage); a team proposes customers for key-account status, and the
 * engine takes the qualified ones first, then — if the team asked for more — the biggest of the
 * rest, who arrive with little relationship and below the satisfaction a key account expects.
 * An upgraded account buys its long-tail volume to start with and grows its share of wallet by
 * `upgradeWalletGainPm` over `upgradeRampRounds`, as long as it is looked after (accounts.ts).
 */
export function upgrades(w: Work, ctx: RoundContext): void {
  const c = ctx.c.customers;
  const cols = w.customers;
  const counts = customerCounts(w);
  // Each territory's top decile, worked out when a firm asks for an upgrade there and again
  // only after an upgrade has changed it.
  const deciles = new Map<number, number[]>();
  const decileOf = (ti: number) => {
    let d = deciles.get(ti);
    if (!d) deciles.set(ti, (d = topDecile(cols, ti)));
    return d;
  };
  w.firms.forEach((f, fi) => {
    const d = ctx.decisions[fi];
    if (!d || !f.active) return;
    w.territories.forEach((t, ti) => {
      const ask = d.territories.find((x) => x.territory === t.id)?.upgrades ?? 0;
      let stock = t.development[fi] ?? 0;
      const now = ask > 0 ? upgradeCandidates(w, c, fi, ti, decileOf(ti)) : null;
      const chosen = now ? [...now.qualified, ...now.candidates.filter((i) => !now.qualified.includes(i))].slice(0, Math.min(ask, now.room, c.maxUpgradesPerRound)) : [];
      const developer =
        d.reps.filter((p) => p.territory === t.id).sort((a, b) => b.development - a.development || (a.rep < b.rep ? -1 : 1))[0]?.rep ?? '';
      for (const i of chosen) {
        const qualified = now!.qualified.includes(i);
        const volume = Math.max(1, Math.round(cols.size[i]! / 1000));
        w.accounts.push({
          id: `${t.id}-up${ctx.round}-${i}`,
          territory: t.id,
          volume,
          pricePm: d.pricePm[t.tier - 1]!,
          supplier: fi,
          // A customer not ready for it meets key-account expectations it was not looking for.
          csat: qualified ? cols.csat[i]! : Math.max(0, cols.csat[i]! - c.upgradeMisfitCsat),
          // The development work is the relationship a new account starts with; a customer nobody
          // developed starts as a stranger to its new account manager.
          relationship: qualified ? roundHalfEven(stock / 10) : roundHalfEven(stock / 25),
          contractEnd: ctx.round + 12,
          owner: developer,
          influence: 1,
          upgradedRound: ctx.round,
          preparation: w.firms.map(() => 0),
        });
        ctx.accountEvents.push('upgraded');
        ctx.accountPrevious.push(fi);
        ctx.accountUnits.push(volume);
        cols.supplier[i] = -2;
        deciles.delete(ti);
        stock = Math.max(0, stock - c.upgradeStockCost);
      }
      // This round's development moves the stock for the next.
      const perK = Math.max(counts[ti]!.reduce((a, b) => a + b, 0), 1) / 1000;
      const target = 1000 * adbudg(ctx.effort[fi]![ti]!.development / perK, c.developmentHalfHours, 1);
      t.development[fi] = clamp(roundHalfEven(stock + (c.developmentSpeedPm / 1000) * (target - stock)), 0, 1000);
    });
  });
}
