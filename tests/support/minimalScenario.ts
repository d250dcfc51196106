export const text = (en: string) => ({ 'zh-CN': en, 'zh-TW': en, en });

/** The smallest scenario there is: everything with a default is left out. */
export function minimal(): Record<string, any> {
  return {
    id: 'tiny',
    title: text('Tiny'),
    briefing: text('A small market.'),
    rounds: 6,
    startMonth: 3,
    product: { listPrice: 1000, unitCost: 600 },
    market: { macroPm: 1000, volatilityBp: 800, seasonPm: Array(12).fill(1000) },
    territories: [
      { id: 'north', name: text('North'), tier: 1, stage: 'mature', potential: 5000, growthBp: 500, premiumPm: 100, x: 100, y: 100, customers: { sme: 50, 'young-digital': 40, traditional: 30 } },
      { id: 'south', name: text('South'), tier: 2, stage: 'growth', potential: 3000, growthBp: 1200, premiumPm: 0, x: 300, y: 500, customers: { sme: 30, 'young-digital': 0, traditional: 20 } },
      { id: 'hills', name: text('Hills'), tier: 3, stage: 'new', potential: 1000, growthBp: 2000, premiumPm: -300, x: 800, y: 800, customers: { sme: 10, 'young-digital': 5, traditional: 15 } },
    ],
    firms: [
      { id: 'team-1', name: text('Team 1'), kind: 'team', pricePm: 1000, brand: 500, service: 500, reps: 10, budget: 250000 },
      { id: 'rival', name: text('Rival'), kind: 'brand', pricePm: 1050, brand: 700, service: 600, reps: 8, budget: 200000 },
      { id: 'locals', name: text('Locals'), kind: 'sme', pricePm: 820, brand: 300, service: 400, reps: 4, budget: 50000, territories: ['hills'] },
    ],
    keyAccounts: [
      { id: 'big-mart', name: text('Big Mart'), territory: 'north', volume: 400, pricePm: 1000, influence: 4, supplier: 'rival', contractEnd: 5, csat: 70, relationship: 60 },
    ],
  };
}

