/**
 * What the region map shows for one market, as plain data: territories (place, size, our share),
 * long-tail customers in typed arrays (position, dot size, colour of the firm they buy from),
 * key accounts and firms. Pure (no DOM, no Pixi) and deterministic, so it is unit-tested in Node
 * and the same market always draws the same picture.
 *
 *   regionModel({ scenario, market, firm, locale, previous? }) → RegionModel
 *
 * `firm` is our firm's index in `market.firms`. With `previous` (the market a round earlier) the
 * model also carries what was shown before — previous shares, customer colours and key-account
 * suppliers — for the "customers switching" animation of the results screen.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import type { FirmKind, Scenario, Stage, Tier } from '../../engine/model/scenario.ts';
import type { MarketState, TerritoryState } from '../../engine/model/state.ts';
import { servedCounts2D } from '../../engine/model/budget.ts';
import { layoutCustomers } from './customerLayout.ts';
import { keyAccountSpot, mapBounds, territoryRadii, type Bounds } from './mapLayout.ts';
import { firmColours, territoryShade, UNSERVED_COLOUR } from './palette.ts';
import { leaderShareLabel, ourShareLabel, upgradedAccountName } from './regionText.ts';

export interface RegionModelInput {
  readonly scenario: Scenario;
  readonly market: MarketState;
  /** Our firm: index into `market.firms`. */
  readonly firm: number;
  readonly locale: Locale;
  /** The market a round earlier, for the switching animation. */
  readonly previous?: MarketState;
}

export interface RegionFirm {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly colour: number;
  readonly kind: FirmKind;
  readonly ours: boolean;
  readonly active: boolean;
}

export interface RegionTerritory {
  readonly index: number;
  readonly id: string;
  /** In the model's locale. */
  readonly name: string;
  readonly x: number;
  readonly y: number;
  /** Disc radius in map units, ∝ √potential. */
  readonly radius: number;
  readonly potential: number;
  readonly tier: Tier;
  readonly stage: Stage;
  /** Per firm, bp of the territory's sales in the last round resolved (sums to 10,000 or is all 0). */
  readonly sharesBp: readonly number[];
  readonly previousSharesBp: readonly number[];
  readonly ourShareBp: number;
  readonly previousShareBp: number;
  /** The territory's shade for our share now and before (0xRRGGBB; the map's band inside the outline). */
  readonly shade: number;
  readonly previousShade: number;
  /** Second label line: "我方 23.4%". */
  readonly shareLabel: string;
  /** Firms selling here (active and present), by index, ours first. */
  readonly firmsPresent: readonly number[];
  /** Per firm, coverage 0–1000. */
  readonly coverage: readonly number[];
  /** Long-tail customers in the territory, and how many buy from each firm. */
  readonly customerCount: number;
  readonly customersByFirm: readonly number[];
}

export interface RegionCustomers {
  readonly count: number;
  /** Map position and dot radius, map units. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly r: Float32Array;
  readonly territory: Uint16Array;
  readonly segment: Uint8Array;
  /** Firm index, −1 nobody, −2 turned into a key account (not drawn). */
  readonly supplier: Int16Array;
  /** 1 when the customer is drawn (not turned into a key account). */
  readonly visible: Uint8Array;
  /** Colour of the firm it buys from (grey for nobody), 0xRRGGBB. */
  readonly tint: Uint32Array;
  /** With `previous`: supplier and colour a round earlier; null without it. */
  readonly previousSupplier: Int16Array | null;
  readonly previousTint: Uint32Array | null;
  /** Customers whose supplier differs from `previous` (0 without it). */
  readonly switched: number;
}

export interface RegionKeyAccount {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** What the map writes next to it ('' for accounts upgraded from the long tail). */
  readonly label: string;
  readonly territory: number;
  readonly x: number;
  readonly y: number;
  readonly supplier: number;
  readonly colour: number;
  readonly previousSupplier: number;
  readonly previousColour: number;
  readonly ours: boolean;
  readonly volume: number;
  readonly contractEnd: number;
  readonly csat: number;
  readonly relationship: number;
  /** The second supplier and its share, ‰, when the buyer split its orders. */
  readonly split?: { readonly firm: number; readonly sharePm: number };
}

export interface RegionModel {
  readonly locale: Locale;
  /** Our firm's index. */
  readonly ours: number;
  readonly round: number;
  /** The part of the map to show, map units. */
  readonly bounds: Bounds;
  readonly firms: readonly RegionFirm[];
  readonly territories: readonly RegionTerritory[];
  readonly customers: RegionCustomers;
  readonly keyAccounts: readonly RegionKeyAccount[];
}

/** Shares of the last round resolved; before any (no history) the split of the customers served. */
function lastShares(t: TerritoryState | undefined, byFirm: readonly number[]): number[] {
  const last = t?.shareHistory[t.shareHistory.length - 1];
  if (last && last.length === byFirm.length) return [...last];
  const total = byFirm.reduce((a, b) => a + b, 0);
  if (total === 0) return byFirm.map(() => 0);
  // Largest remainder, so the fallback also sums to exactly 10,000.
  const raw = byFirm.map((n) => (n * 10_000) / total);
  const out = raw.map(Math.floor);
  let left = 10_000 - out.reduce((a, b) => a + b, 0);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/** How many long-tail customers of a territory buy from each firm (the engine's count, cached per market). */
function countByFirm(market: MarketState, territory: number): number[] {
  return servedCounts2D(market).map((byTerritory) => byTerritory[territory] ?? 0);
}

/** The customer an upgraded account came from: its id ends in `-up<round>-<customer index>`. */
function upgradedFrom(id: string): number {
  const m = /-up\d+-(\d+)$/.exec(id);
  return m ? Number(m[1]) : -1;
}

/** Without a firm of our own (the projector): the territory's leader and its share, or nothing before any sale. */
function leaderLabel(firms: readonly RegionFirm[], sharesBp: readonly number[], locale: Locale): string {
  let leader = -1;
  sharesBp.forEach((bp, fi) => {
    if (bp > 0 && (leader < 0 || bp > sharesBp[leader]!)) leader = fi;
  });
  return leader < 0 ? '' : leaderShareLabel(locale, firms[leader]?.name ?? '', sharesBp[leader]!);
}

export function regionModel(input: RegionModelInput): RegionModel {
  const { scenario, market, firm: ours, locale, previous } = input;
  const palette = firmColours(market.firms, ours);
  const colour = (f: number) => (f >= 0 ? (palette[f] ?? UNSERVED_COLOUR) : UNSERVED_COLOUR);

  const firms: RegionFirm[] = market.firms.map((f, i) => {
    const spec = scenario.firms.find((s) => s.id === f.id);
    return { index: i, id: f.id, name: spec?.name[locale] ?? f.id, colour: colour(i), kind: f.kind, ours: i === ours, active: f.active };
  });

  const places = market.territories.map((t) => {
    const spec = scenario.territories.find((s) => s.id === t.id);
    return { x: spec?.x ?? 500, y: spec?.y ?? 500, potential: t.potential, name: spec?.name[locale] ?? t.id };
  });
  const radii = territoryRadii(places);

  const cols = market.customers;
  const n = cols.territory.length;
  const sizes = cols.size;
  const layout = layoutCustomers(
    places.map((p, i) => ({ x: p.x, y: p.y, radius: radii[i]! })),
    cols.territory,
    sizes,
  );

  const territories: RegionTerritory[] = market.territories.map((t, ti) => {
    const byFirm = countByFirm(market, ti);
    const sharesBp = lastShares(t, byFirm);
    const prevT = previous?.territories[ti];
    const previousSharesBp = previous
      ? lastShares(prevT, countByFirm(previous, ti))
      : t.shareHistory.length >= 2
        ? [...t.shareHistory[t.shareHistory.length - 2]!]
        : sharesBp;
    const ourShareBp = sharesBp[ours] ?? 0;
    const previousShareBp = previousSharesBp[ours] ?? 0;
    const present = market.firms
      .map((f, fi) => (f.active && f.territories.includes(t.id) ? fi : -1))
      .filter((fi) => fi >= 0)
      .sort((a, b) => (a === ours ? -1 : b === ours ? 1 : a - b));
    return {
      index: ti,
      id: t.id,
      name: places[ti]!.name,
      x: places[ti]!.x,
      y: places[ti]!.y,
      radius: radii[ti]!,
      potential: t.potential,
      tier: t.tier,
      stage: t.stage,
      sharesBp,
      previousSharesBp,
      ourShareBp,
      previousShareBp,
      shade: territoryShade(ourShareBp),
      previousShade: territoryShade(previousShareBp),
      shareLabel: ours >= 0 ? ourShareLabel(locale, ourShareBp) : leaderLabel(firms, sharesBp, locale),
      firmsPresent: present,
      coverage: [...t.coverage],
      customerCount: byFirm.reduce((a, b) => a + b, 0),
      customersByFirm: byFirm,
    };
  });

  const supplier = Int16Array.from(cols.supplier);
  const visible = new Uint8Array(n);
  const tint = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    visible[i] = supplier[i]! >= -1 ? 1 : 0;
    tint[i] = supplier[i]! >= 0 ? colour(supplier[i]!) : UNSERVED_COLOUR;
  }
  let previousSupplier: Int16Array | null = null;
  let previousTint: Uint32Array | null = null;
  let switched = 0;
  if (previous && previous.customers.supplier.length === n) {
    previousSupplier = Int16Array.from(previous.customers.supplier);
    previousTint = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const s = previousSupplier[i]!;
      previousTint[i] = s >= 0 ? colour(s) : UNSERVED_COLOUR;
      if (s !== supplier[i]) switched++;
    }
  }

  const perTerritory = new Map<string, number>();
  const scenarioCount = new Map<string, number>();
  for (const k of scenario.keyAccounts) scenarioCount.set(k.territory, (scenarioCount.get(k.territory) ?? 0) + 1);
  const keyAccounts: RegionKeyAccount[] = market.accounts.map((a, ai) => {
    const ti = market.territories.findIndex((t) => t.id === a.territory);
    const terr = territories[ti];
    const spec = scenario.keyAccounts.find((k) => k.id === a.id);
    let x = terr?.x ?? 500;
    let y = terr?.y ?? 500;
    const from = spec ? -1 : upgradedFrom(a.id);
    if (from >= 0 && from < n) {
      x = layout.x[from]!;
      y = layout.y[from]!;
    } else if (terr) {
      const j = perTerritory.get(a.territory) ?? 0;
      perTerritory.set(a.territory, j + 1);
      const spot = keyAccountSpot(terr, terr.radius, j, Math.max(scenarioCount.get(a.territory) ?? 0, j + 1));
      x = spot.x;
      y = spot.y;
    }
    const before = previous?.accounts.find((p) => p.id === a.id);
    const previousSupplier = before ? before.supplier : a.supplier;
    const name = spec?.name[locale] ?? upgradedAccountName(locale);
    return {
      index: ai,
      id: a.id,
      name,
      label: spec ? name : '',
      territory: ti,
      x,
      y,
      supplier: a.supplier,
      colour: colour(a.supplier),
      previousSupplier,
      previousColour: colour(previousSupplier),
      ours: a.supplier === ours,
      volume: a.volume,
      contractEnd: a.contractEnd,
      csat: a.csat,
      relationship: a.relationship,
      ...(a.split ? { split: { firm: a.split.firm, sharePm: a.split.sharePm } } : {}),
    };
  });

  return {
    locale,
    ours,
    round: market.round,
    bounds: mapBounds(places, radii),
    firms,
    territories,
    customers: {
      count: n,
      x: layout.x,
      y: layout.y,
      r: layout.r,
      territory: Uint16Array.from(cols.territory),
      segment: Uint8Array.from(cols.segment),
      supplier,
      visible,
      tint,
      previousSupplier,
      previousTint,
      switched,
    },
    keyAccounts,
  };
}
