/** What a round did, as the results screens, the debrief and `RoundResolved` show it. */
export interface RoundOutcome {
  readonly round: number;
  readonly territories: readonly TerritoryOutcome[];
  readonly firms: readonly FirmOutcome[];
  readonly accounts: readonly AccountOutcome[];
  /** The biggest changes and what caused them, most important first. */
  readonly explanations: readonly Explanation[];
  /** Shocks announced for the next round (to everyone, or to buyers of market intelligence). */
  readonly signals: readonly Signal[];
  /** Key-account negotiations of the round and how they ended. */
  readonly negotiations: readonly NegotiationOutcome[];
}

export interface NegotiationOutcome {
  readonly firm: number;
  readonly account: string;
  readonly deal: boolean;
  readonly pricePm: number;
  /** MODEL.md's negotiation score, 0–100. */
  readonly score: number;
}

export interface TerritoryOutcome {
  readonly id: string;
  readonly potential: number;
  /** Units bought by all customers this round. */
  readonly units: number;
  readonly takeUpBp: number;
  /** Per firm: share of units sold here, bp. */
  readonly shareBp: readonly number[];
  /** Per firm: share of attraction (where the market is heading), bp. */
  readonly attractionBp: readonly number[];
  /** Per segment (sme, young-digital, traditional), per firm: long-tail customers served; the last entry counts the unserved. */
  readonly segmentCustomers: readonly (readonly number[])[];
}

export interface ProfitAndLoss {
  readonly revenue: number;
  readonly cogs: number;
  readonly salaries: number;
  readonly overhead: number;
  readonly travel: number;
  readonly promotion: number;
  readonly channel: number;
  readonly automation: number;
  readonly incentives: number;
  readonly training: number;
  readonly tools: number;
  readonly mediation: number;
  readonly expedite: number;
  readonly hiring: number;
  readonly costToServe: number;
  /** Sales commission on the round's revenue. */
  readonly commission: number;
  readonly profit: number;
}

export type KpiLight = 'green' | 'yellow' | 'red';

export interface KpiOutcome {
  readonly territory: string;
  readonly target: number;
  readonly baseline: number;
  readonly lower: number;
  readonly upper: number;
  readonly revenue: number;
  /** One light a week. */
  readonly lights: readonly KpiLight[];
  /** The territory's KPIs weighted by its stage (new market: coverage first; mature: profit first), 0–120. */
  readonly score: number;
}

export interface FunnelOutcome {
  readonly leads: number;
  readonly qualified: number;
  readonly proposals: number;
  readonly negotiations: number;
  readonly won: number;
  /** Deals lost at each of the four stages this round. */
  readonly lostAt: readonly [number, number, number, number];
}

export interface FirmOutcome {
  readonly id: string;
  readonly active: boolean;
  readonly units: number;
  /** Long-tail units ordered this round (the spot market's demand, before capacity and backlog). */
  readonly longTailOrders: number;
  readonly pnl: ProfitAndLoss;
  readonly budget: number;
  /** Budget lines spent (everything but salaries, overhead, COGS and cost to serve). */
  readonly spent: number;
  readonly fillBp: number;
  readonly funnel: FunnelOutcome;
  readonly customers: number;
  readonly wonCustomers: number;
  readonly lostCustomers: number;
  readonly csat: number;
  readonly morale: number;
  readonly reps: number;
  readonly leavers: readonly string[];
  readonly hires: number;
  readonly conflict: number;
  readonly kpis: readonly KpiOutcome[];
  readonly pricePm: readonly [number, number, number];
  /** Lifetime value of a long-tail customer at this round's margin and retention, m·r/(1 + i − r), yuan. */
  readonly clv: number;
}

export type AccountEvent = 'renewed' | 'lost' | 'won' | 'split' | 'upgraded' | 'churned' | '';

export interface AccountOutcome {
  readonly id: string;
  readonly supplier: number;
  readonly previousSupplier: number;
  readonly units: number;
  readonly csat: number;
  readonly relationship: number;
  readonly event: AccountEvent;
  /** The second supplier and its share of the orders, ‰, when the buyer splits them. */
  readonly split?: { readonly firm: number; readonly sharePm: number };
}

/** A "why" item: a message code and the figures it needs, for one firm (or -1 for the market). */
export interface Explanation {
  readonly firm: number;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** How much it mattered (for ordering), in the firm's revenue or share terms. */
  readonly weight: number;
}

export interface Signal {
  readonly shock: string;
  readonly kind: string;
  readonly round: number;
  readonly territory: string;
  /** Everyone sees it (signalled), or only buyers of market intelligence. */
  readonly public: boolean;
}
