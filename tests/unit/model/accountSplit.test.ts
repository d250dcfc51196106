import { describe, expect, it } from 'vitest';
import { orderSharePm } from '../../../engine/model/accountShare.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import type { Scenario } from '../../../engine/model/scenario.ts';
import type { MarketState } from '../../../engine/model/state.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const { scenario } = workshop();
const SEED = 'account-split';
const ACCOUNT = 'jiangan-mart';

/** The workshop with the buyer's split rule set: 0 splits whenever a rival bids, above 1000 never. */
function splitting(splitWithinPm: number): Scenario {
  const c = scenario.coefficients;
  return { ...scenario, coefficients: { ...c, customers: { ...c.customers, splitWithinPm } } };
}

/** The team holds the account, prepared, and its contract ends in round 1. */
function renewal(s: Scenario): MarketState {
  const base = initialMarket(s, SEED, ['team-1']);
  return {
    ...base,
    accounts: base.accounts.map((a) =>
      a.id === ACCOUNT
        ? { ...a, supplier: 0, owner: base.firms[0]!.reps.find((r) => r.territory === a.territory)?.id ?? '', contractEnd: 1, preparation: a.preparation.map((p, fi) => (fi === 0 ? 3 : p)) }
        : a,
    ),
  };
}

function play(s: Scenario, market: MarketState, round: number) {
  const decisions = s.firms.map((_, fi) => (fi === 0 ? defaultDecisions(market, s, 0) : null));
  return resolveRound(market, { scenario: s, seed: SEED, round, decisions, injected: [] });
}

describe('a buyer that cannot choose splits its orders', () => {
  it('gives the runner-up its share beside the winner when the offers are close, and keeps one supplier otherwise', () => {
    const always = splitting(0);
    const { market, outcome } = play(always, renewal(always), 1);
    const row = outcome.accounts.find((a) => a.id === ACCOUNT)!;
    expect(row.event).toBe('split');
    expect(row.split?.sharePm).toBe(always.coefficients.customers.splitSharePm);
    const a = market.accounts.find((x) => x.id === ACCOUNT)!;
    // The team and one rival share it, and their shares make the whole order.
    expect([a.supplier, a.split!.firm]).toContain(0);
    expect(a.split!.firm).not.toBe(a.supplier);
    expect(orderSharePm(a, a.supplier) + orderSharePm(a, a.split!.firm)).toBe(1000);
    expect(a.contractEnd).toBe(13);

    const never = splitting(1001);
    const single = play(never, renewal(never), 1);
    const one = single.outcome.accounts.find((x) => x.id === ACCOUNT)!;
    expect(['renewed', 'lost']).toContain(one.event);
    expect(one.split).toBeUndefined();
    expect(single.market.accounts.find((x) => x.id === ACCOUNT)!.split).toBeUndefined();
  });

  it('ships and books each supplier its share of the orders, at its own price, until the contract ends', () => {
    const always = splitting(0);
    const after = play(always, renewal(always), 1).market;
    const a = after.accounts.find((x) => x.id === ACCOUNT)!;
    // The same market with the split undone: one supplier gets every order.
    const whole: MarketState = { ...after, accounts: after.accounts.map((x) => (x.id === ACCOUNT ? { ...x, split: undefined } : x)) };
    const shared = play(always, after, 2).outcome;
    const alone = play(always, whole, 2).outcome;
    const units = alone.accounts.find((x) => x.id === ACCOUNT)!.units;
    expect(shared.accounts.find((x) => x.id === ACCOUNT)!.units).toBe(units);
    expect(shared.accounts.find((x) => x.id === ACCOUNT)!.event).toBe('');
    const list = scenario.product.listPrice;
    const share = a.split!.sharePm / 1000;
    // The main supplier gives up the split share of the orders; the second books it at its price.
    const mainLoss = alone.firms[a.supplier]!.pnl.revenue - shared.firms[a.supplier]!.pnl.revenue;
    const secondGain = shared.firms[a.split!.firm]!.pnl.revenue - alone.firms[a.split!.firm]!.pnl.revenue;
    // Within 0.5%: the outcome's units are rounded to whole units.
    const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(want * 0.005);
    near(mainLoss, (share * units * a.pricePm * list) / 1000);
    near(secondGain, (share * units * a.split!.pricePm * list) / 1000);
    expect(mainLoss).toBeGreaterThan(0);
  });
});
