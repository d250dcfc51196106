import { orderSharePm } from '../model/accountShare.ts';
import { initialMarket } from '../model/init.ts';
import { resolveRound } from '../model/round/resolveRound.ts';
import type { Scenario } from '../model/scenario.ts';
import type { MarketState } from '../model/state.ts';
import { NEGOTIATION_BOTS, playNegotiationFrom } from '../negotiation/bots.ts';
import { accountNegotiationOf, negotiableAccountIds, openAccountNegotiation } from '../negotiation/open.ts';
import { negotiationScore } from '../negotiation/score.ts';
import { botNegotiationResults } from './negotiate.ts';
import { planFor, REFERENCE_POLICY } from './policy.ts';

/**
 * A strategy of the negotiation tournament: a negotiation bot, and the seat it plays from. A
 * prepared seller plays every renewal the reference manager reaches (its own accounts, and
 * rivals' accounts in its territories) with the preparation the reference plan gave it; an
 * unprepared challenger plays only rivals' accounts whose incumbent has a good relationship,
 * with no renewal preparation at all.
 */
export interface TournamentStrategy {
  readonly id: string;
  readonly bot: string;
  readonly seat: 'prepared' | 'unprepared-challenger';
}

export const TOURNAMENT_STRATEGIES: readonly TournamentStrategy[] = [
  { id: 'discount-only', bot: 'discount-only', seat: 'prepared' },
  { id: 'quote-and-wait', bot: 'quote-and-wait', seat: 'prepared' },
  { id: 'redirect-only', bot: 'redirect-only', seat: 'prepared' },
  { id: 'spin-fabe', bot: 'spin-fabe', seat: 'prepared' },
  { id: 'full-deck', bot: 'full-deck', seat: 'prepared' },
  { id: 'challenger-unprepared', bot: 'full-deck', seat: 'unprepared-challenger' },
];

export function tournamentStrategy(id: string): TournamentStrategy | undefined {
  return TOURNAMENT_STRATEGIES.find((s) => s.id === id) ?? (Object.hasOwn(NEGOTIATION_BOTS, id) ? { id, bot: id, seat: 'prepared' } : undefined);
}

/** An incumbent relationship an unprepared challenger is measured against (0–100). */
export const GOOD_RELATIONSHIP = 50;

/** One negotiation of the tournament and how the renewal ended. */
export interface TournamentDeal {
  readonly strategy: string;
  readonly seed: string;
  readonly account: string;
  readonly round: number;
  readonly role: 'incumbent' | 'challenger';
  /** The buyer and seller agreed terms at the table. */
  readonly agreed: boolean;
  /** The account signed with the seller after the renewal contest (as its main supplier when it split its orders). */
  readonly closed: boolean;
  /** Share of the account's orders the seller serves after the contest, ‰ (between 0 and 1000 when the buyer split them). */
  readonly sharePm: number;
  /** The price the seller books, ‰ of list (0 when it did not close). */
  readonly bookedPm: number;
  /** Booked price less unit cost, ‰ of list (0 when it did not close). */
  readonly marginPm: number;
  readonly score: number;
}

/**
 * Every renewal the first team slot meets in one seeded market, played by each strategy. The
 * market runs on the reference manager (its plans, and its `full-deck` negotiations); at each
 * round, before it resolves, each strategy plays each renewal it may, and that round is
 * resolved with that one negotiation to see whether the account signs. Same market, same dice:
 * strategies differ only in how they talked.
 */
export function tournamentDeals(scenario: Scenario, seed: string, strategies: readonly TournamentStrategy[]): TournamentDeal[] {
  const slot = scenario.firms.findIndex((f) => f.kind === 'team');
  let market = initialMarket(scenario, seed, [scenario.firms[slot]!.id]);
  const costPm = (scenario.product.unitCost / scenario.product.listPrice) * 1000;
  const deals: TournamentDeal[] = [];
  for (let round = 1; round <= scenario.rounds; round++) {
    const view = { market, scenario, firm: slot, round, seed };
    const plan = planFor(REFERENCE_POLICY, view);
    const decisions = scenario.firms.map((_, fi) => (fi === slot ? plan : null));
    for (const account of negotiableAccountIds(market, slot, round)) {
      const a = market.accounts.find((x) => x.id === account)!;
      const role = a.supplier === slot ? 'incumbent' : 'challenger';
      for (const s of strategies) {
        if (s.seat === 'unprepared-challenger' && (role !== 'challenger' || a.supplier < 0 || a.relationship < GOOD_RELATIONSHIP)) continue;
        const from: MarketState = s.seat === 'unprepared-challenger' ? unprepared(market, account, slot) : market;
        const bot = NEGOTIATION_BOTS[s.bot];
        if (!bot) throw new Error(`no negotiation bot "${s.bot}"`);
        const played = playNegotiationFrom(bot, openAccountNegotiation(from, scenario, seed, slot, account, round)).negotiation;
        const talk = accountNegotiationOf(slot, account, played);
        const after = resolveRound(from, { scenario, seed, round, decisions, injected: [], negotiations: [talk] }).market;
        const signed = after.accounts.find((x) => x.id === account)!;
        const closed = signed.supplier === slot;
        const sharePm = orderSharePm(signed, slot);
        deals.push({
          strategy: s.id,
          seed,
          account,
          round,
          role,
          agreed: talk.deal,
          closed,
          sharePm,
          bookedPm: closed ? signed.pricePm : 0,
          marginPm: closed ? Math.round(signed.pricePm - costPm) : 0,
          score: negotiationScore(played.context),
        });
      }
    }
    const negotiations = botNegotiationResults(market, scenario, seed, slot, round, REFERENCE_POLICY.negotiation);
    market = resolveRound(market, { scenario, seed, round, decisions, injected: [], negotiations }).market;
  }
  return deals;
}

/** The market with the team's renewal preparation for one account wiped: a challenger that never prepared. */
function unprepared(market: MarketState, account: string, firm: number): MarketState {
  return {
    ...market,
    accounts: market.accounts.map((a) => (a.id === account ? { ...a, preparation: a.preparation.map((p, i) => (i === firm ? 0 : p)) } : a)),
  };
}

/** One strategy's line of the tournament table. */
export interface StrategySummary {
  readonly id: string;
  readonly deals: number;
  /** Share of renewals the seller agreed terms at the table. */
  readonly agreeRate: number;
  /** Share of renewals that signed with the seller. */
  readonly closeRate: number;
  /** Share of renewals the buyer split between the seller and a rival (closed or not). */
  readonly splitRate: number;
  /** Median booked price of closed deals, ‰ of list (0 when none closed). */
  readonly medianDealPm: number;
  /** Median booked margin (price less unit cost) of closed deals, ‰ of list. */
  readonly medianMarginPm: number;
  readonly meanScore: number;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function summarizeTournament(deals: readonly TournamentDeal[], strategies: readonly TournamentStrategy[]): StrategySummary[] {
  return strategies.map((s) => {
    const mine = deals.filter((d) => d.strategy === s.id);
    const closed = mine.filter((d) => d.closed);
    const n = Math.max(1, mine.length);
    return {
      id: s.id,
      deals: mine.length,
      agreeRate: mine.filter((d) => d.agreed).length / n,
      closeRate: closed.length / n,
      splitRate: mine.filter((d) => d.sharePm > 0 && d.sharePm < 1000).length / n,
      medianDealPm: Math.round(median(closed.map((d) => d.bookedPm))),
      medianMarginPm: Math.round(median(closed.map((d) => d.marginPm))),
      meanScore: Math.round((mine.reduce((t, d) => t + d.score, 0) / n) * 10) / 10,
    };
  });
}
