import { describe, expect, it } from 'vitest';
import { initialMarket } from '../../../engine/model/init.ts';
import type { Scenario } from '../../../engine/model/scenario.ts';
import type { MarketState } from '../../../engine/model/state.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';
import { COMPETITOR_COLOURS, firmColours, OUR_COLOUR, UNSERVED_COLOUR } from '../../../ui/region/palette.ts';
import { PanZoom } from '../../../ui/region/panZoom.ts';
import { regionModel } from '../../../ui/region/regionModel.ts';
import { SpatialGrid } from '../../../ui/region/spatialGrid.ts';

function load(id: string): { scenario: Scenario; market: MarketState } {
  const loaded = loadBuiltIn(id);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  const scenario = loaded.scenario;
  const teams = scenario.firms.filter((f) => f.kind === 'team').map((f) => f.id).slice(0, 2);
  return { scenario, market: initialMarket(scenario, 'region-test', teams) };
}

const workshop = load('workshop');
const benchmark = load('benchmark');

/** The market with customers' suppliers changed by `change(i, supplier)`. */
function withSuppliers(market: MarketState, change: (i: number, s: number) => number): MarketState {
  return { ...market, customers: { ...market.customers, supplier: market.customers.supplier.map((s, i) => change(i, s)) } };
}

/** A small deterministic generator for test points. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('regionModel', () => {
  it('lays customers out the same way every time, whoever they buy from', () => {
    const a = regionModel({ ...workshop, firm: 0, locale: 'zh-CN' });
    const b = regionModel({ ...workshop, firm: 0, locale: 'en' });
    const switched = regionModel({ ...workshop, market: withSuppliers(workshop.market, (i, s) => (i % 3 === 0 ? 0 : s)), firm: 0, locale: 'zh-CN' });
    expect(a.customers.count).toBe(workshop.market.customers.territory.length);
    expect(Array.from(b.customers.x)).toEqual(Array.from(a.customers.x));
    expect(Array.from(b.customers.y)).toEqual(Array.from(a.customers.y));
    expect(Array.from(switched.customers.x)).toEqual(Array.from(a.customers.x));
    expect(Array.from(switched.customers.y)).toEqual(Array.from(a.customers.y));
    // Not all stacked on one spot: customers of a territory spread over its disc.
    const distinct = new Set(Array.from(a.customers.x, (x, i) => `${x.toFixed(2)},${a.customers.y[i]!.toFixed(2)}`));
    expect(distinct.size).toBe(a.customers.count);
  });

  it.each([
    ['workshop', workshop],
    ['benchmark', benchmark],
  ])('puts every %s customer, dot and all, inside its territory disc', (_name, input) => {
    const m = regionModel({ ...input, firm: 0, locale: 'zh-CN' });
    const c = m.customers;
    let outside = 0;
    for (let i = 0; i < c.count; i++) {
      const t = m.territories[c.territory[i]!]!;
      if (Math.hypot(c.x[i]! - t.x, c.y[i]! - t.y) + c.r[i]! > t.radius) outside++;
    }
    expect(outside).toBe(0);
    // Discs do not overlap, and bigger potential means a bigger disc.
    for (const a of m.territories) {
      for (const b of m.territories) {
        if (a === b) continue;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.radius + b.radius);
        if (a.potential > b.potential) expect(a.radius).toBeGreaterThan(b.radius);
      }
    }
  });

  it('colours each customer by the firm it buys from, unserved grey', () => {
    const market = withSuppliers(workshop.market, (i, s) => (i % 50 === 7 ? -1 : s));
    const m = regionModel({ ...workshop, market, firm: 1, locale: 'zh-CN' });
    const suppliers = new Set<number>();
    for (let i = 0; i < m.customers.count; i++) {
      const s = market.customers.supplier[i]!;
      suppliers.add(s);
      expect(m.customers.tint[i]).toBe(s < 0 ? UNSERVED_COLOUR : m.firms[s]!.colour);
    }
    expect(suppliers.size).toBeGreaterThan(3);
    expect(m.customers.tint[7]).toBe(UNSERVED_COLOUR);
    // Different suppliers, different colours; ours in our colour.
    const bySupplier = new Map<number, number>();
    for (let i = 0; i < m.customers.count; i++) bySupplier.set(market.customers.supplier[i]!, m.customers.tint[i]!);
    expect(new Set(bySupplier.values()).size).toBe(bySupplier.size);
    if (bySupplier.has(1)) expect(bySupplier.get(1)).toBe(OUR_COLOUR);
  });

  it('highlights our firm in a colour no competitor has, whichever slot we play', () => {
    for (const firm of [0, 1, 5]) {
      const m = regionModel({ ...workshop, firm, locale: 'zh-CN' });
      expect(m.ours).toBe(firm);
      expect(m.firms[firm]!.ours).toBe(true);
      expect(m.firms[firm]!.colour).toBe(OUR_COLOUR);
      const others = m.firms.filter((f) => !f.ours).map((f) => f.colour);
      expect(others).not.toContain(OUR_COLOUR);
      expect(others).not.toContain(UNSERVED_COLOUR);
      for (const t of m.territories) {
        expect(t.ourShareBp).toBe(t.sharesBp[firm]);
        if (t.firmsPresent.includes(firm)) expect(t.firmsPresent[0]).toBe(firm);
      }
      for (const k of m.keyAccounts) expect(k.ours).toBe(k.supplier === firm);
    }
    // Key accounts carry their name in the locale, as their label.
    const zh = regionModel({ ...workshop, firm: 0, locale: 'zh-CN' });
    expect(zh.keyAccounts.find((k) => k.id === 'jiangan-mart')!.label).toBe('江岸超市连锁');
    expect(zh.territories[0]!.name).toBe('滨江');
    expect(regionModel({ ...workshop, firm: 0, locale: 'zh-TW' }).territories[0]!.name).not.toBe('');
  });

  it('gives shares that add up to 10,000 bp in every territory, and presence only where firms sell', () => {
    const m = regionModel({ ...benchmark, firm: 0, locale: 'en' });
    for (const t of m.territories) {
      expect(t.sharesBp.reduce((a, b) => a + b, 0)).toBe(10_000);
      for (const f of t.firmsPresent) expect(benchmark.market.firms[f]!.territories).toContain(t.id);
      // Firms that are not in play (team slots nobody took) are never shown as present.
      for (const f of t.firmsPresent) expect(benchmark.market.firms[f]!.active).toBe(true);
    }
    // Without share history the split of customers served is used, still summing to 10,000.
    const bare = { ...benchmark.market, territories: benchmark.market.territories.map((t) => ({ ...t, shareHistory: [] })) };
    const fallback = regionModel({ ...benchmark, market: bare, firm: 0, locale: 'en' });
    for (const t of fallback.territories) expect(t.sharesBp.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('carries the previous colours and shares when given the previous market', () => {
    const previous = workshop.market;
    let moved = 0;
    const market = withSuppliers(previous, (i, s) => {
      if (i % 10 !== 0 || s === 0) return s;
      moved++;
      return 0;
    });
    const withoutPrevious = regionModel({ ...workshop, market, firm: 0, locale: 'zh-CN' });
    expect(withoutPrevious.customers.previousTint).toBeNull();
    expect(withoutPrevious.customers.switched).toBe(0);
    const m = regionModel({ ...workshop, market, previous, firm: 0, locale: 'zh-CN' });
    expect(m.customers.switched).toBe(moved);
    expect(moved).toBeGreaterThan(50);
    for (let i = 0; i < m.customers.count; i++) {
      const before = previous.customers.supplier[i]!;
      expect(m.customers.previousTint![i]).toBe(before < 0 ? UNSERVED_COLOUR : m.firms[before]!.colour);
      if (i % 10 === 0) expect(m.customers.tint[i]).toBe(OUR_COLOUR);
    }
    expect(Array.from(m.customers.previousTint!)).not.toEqual(Array.from(m.customers.tint));
    // Shares: the previous market's last shares.
    const changedShares = {
      ...market,
      territories: market.territories.map((t) => ({ ...t, shareHistory: [...t.shareHistory, t.shareHistory[0]!.map((_, f) => (f === 0 ? 10_000 : 0))] })),
    };
    const after = regionModel({ ...workshop, market: changedShares, previous, firm: 0, locale: 'zh-CN' });
    for (const t of after.territories) {
      expect(t.ourShareBp).toBe(10_000);
      expect(t.previousShareBp).toBe(previous.territories[t.index]!.shareHistory.at(-1)![0]);
      expect(t.shade).not.toBe(t.previousShade);
    }
  });

  it('hides a customer upgraded to a key account and puts the account where it was', () => {
    const i = 42;
    const t = workshop.market.customers.territory[i]!;
    const market: MarketState = {
      ...withSuppliers(workshop.market, (k, s) => (k === i ? -2 : s)),
      accounts: [
        ...workshop.market.accounts,
        { ...workshop.market.accounts[0]!, id: `${workshop.market.territories[t]!.id}-up3-${i}`, territory: workshop.market.territories[t]!.id, supplier: 0 },
      ],
    };
    const m = regionModel({ ...workshop, market, firm: 0, locale: 'zh-CN' });
    expect(m.customers.visible[i]).toBe(0);
    expect(m.customers.visible[i + 1]).toBe(1);
    const up = m.keyAccounts.at(-1)!;
    expect(up.x).toBe(m.customers.x[i]);
    expect(up.y).toBe(m.customers.y[i]);
    expect(up.label).toBe('');
    expect(up.name).toBe('升级大客户');
    expect(up.ours).toBe(true);
  });
});

describe('firmColours', () => {
  it('gives ours the strong colour and competitors in play distinct colours, in firm order', () => {
    const firms = [
      { kind: 'team', active: true },
      { kind: 'team', active: false },
      { kind: 'team', active: true },
      { kind: 'brand', active: true },
      { kind: 'digital', active: false },
    ];
    expect(firmColours(firms, 2)).toEqual([COMPETITOR_COLOURS[0], COMPETITOR_COLOURS[3], OUR_COLOUR, COMPETITOR_COLOURS[1], COMPETITOR_COLOURS[2]]);
    // The AI firms of a solo workshop get the first competitor colours, whatever slot we play.
    const solo = regionModel({ ...workshop, market: initialMarket(workshop.scenario, 's', ['team-3']), firm: 2, locale: 'en' });
    const ai = solo.firms.filter((f) => f.kind !== 'team').map((f) => f.colour);
    expect(ai).toEqual(COMPETITOR_COLOURS.slice(0, ai.length));
    expect(new Set(ai).size).toBe(ai.length);
    expect(solo.firms[2]!.colour).toBe(OUR_COLOUR);
  });
});

describe('SpatialGrid', () => {
  it('finds the same nearest customer as a search of all of them', () => {
    const m = regionModel({ ...benchmark, firm: 0, locale: 'en' });
    const { x, y, visible } = m.customers;
    // Hide every fifth customer: a hidden one is never found.
    const mask = Uint8Array.from(visible, (v, i) => (i % 5 === 0 ? 0 : v));
    const grid = new SpatialGrid(x, y, 12, mask);
    const next = lcg(7);
    for (let q = 0; q < 400; q++) {
      const px = next() * 1100 - 50;
      const py = next() * 1100 - 50;
      const maxD = q % 2 === 0 ? 6 : Infinity;
      let best = -1;
      let bestD = maxD;
      for (let i = 0; i < x.length; i++) {
        if (!mask[i]) continue;
        const d = Math.hypot(x[i]! - px, y[i]! - py);
        if (d < bestD || (d === bestD && best < 0)) {
          bestD = d;
          best = i;
        }
      }
      const found = grid.nearest(px, py, maxD);
      if (best < 0) expect(found).toBe(-1);
      else expect(Math.hypot(x[found]! - px, y[found]! - py)).toBeCloseTo(bestD, 4);
      if (found >= 0) expect(mask[found]).toBe(1);
    }
    // A point exactly on a customer finds that customer.
    expect(grid.nearest(x[1]!, y[1]!, 0.001)).toBe(1);
  });

  it('finds nothing in an empty grid', () => {
    expect(new SpatialGrid(new Float32Array(0), new Float32Array(0), 10).nearest(1, 1)).toBe(-1);
  });
});

describe('PanZoom', () => {
  it('fits the map, zooms around the pointer and resets', () => {
    const v = new PanZoom();
    v.fit({ minX: 0, minY: 0, maxX: 1000, maxY: 500 }, 1012, 524, 6);
    expect(v.scale).toBeCloseTo(1);
    expect(v.toView(500, 250)).toEqual({ x: 506, y: 262 });
    const before = v.toMap(300, 200);
    v.zoomAt(2, 300, 200);
    expect(v.zoom).toBeCloseTo(2);
    const after = v.toMap(300, 200);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    v.zoomAt(1000, 300, 200);
    expect(v.zoom).toBe(12);
    v.reset();
    expect(v.zoom).toBeCloseTo(1);
    expect(v.toView(500, 250)).toEqual({ x: 506, y: 262 });
  });

  it('fits the map clear of the legend, beside it or above it, and keeps it so when the view is resized', () => {
    const bounds = { minX: 0, minY: 0, maxX: 1000, maxY: 1000 };
    const v = new PanZoom();
    v.setInset({ left: 200, bottom: 0 });
    v.fit(bounds, 1200, 1000, 0);
    // The whole map lies right of the 200-pixel strip the legend takes.
    expect(v.toView(0, 0).x).toBeGreaterThanOrEqual(200);
    expect(v.toView(1000, 1000).x).toBeLessThanOrEqual(1200);
    v.resize(1200, 1000, { left: 0, bottom: 300 });
    expect(v.toView(0, 1000).y).toBeLessThanOrEqual(700 + 1e-9);
    expect(v.zoom).toBeCloseTo(1);
    // A wide view with a tall legend: beside it leaves the map larger than above it.
    expect(PanZoom.fitScale(bounds, 1600, 900, { left: 250, bottom: 0 })).toBeGreaterThan(PanZoom.fitScale(bounds, 1600, 900, { left: 0, bottom: 200 }));
  });
});
