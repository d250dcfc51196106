import { roundHalfEven } from '../core/fixedPoint.ts';
import type { Decisions } from '../model/decisions.ts';
import { balancedBot } from './balanced.ts';
import type { Bot } from './bot.ts';

/**
 * The balanced bot with one lever pushed to either side of where it sets it (MODEL.md section 4:
 * sweep each lever and flag any optimum at a bound). If the pushed version scores better, the
 * scenario rewards that lever past what a sensible manager would do.
 */
const LEVERS: Readonly<Record<string, (d: Decisions, f: number) => Decisions>> = {
  price: (d, f) => ({ ...d, pricePm: d.pricePm.map((p) => roundHalfEven(p * (1 + (f - 1) / 5))) as unknown as Decisions['pricePm'] }),
  promotion: (d, f) => ({ ...d, territories: d.territories.map((t) => ({ ...t, promotion: roundHalfEven(t.promotion * f) })) }),
  channel: (d, f) => ({ ...d, territories: d.territories.map((t) => ({ ...t, channel: roundHalfEven(t.channel * f) })) }),
  targets: (d, f) => ({ ...d, territories: d.territories.map((t) => ({ ...t, target: roundHalfEven(t.target * f) })) }),
  prospecting: (d, f) => ({ ...d, reps: d.reps.map((r) => ({ ...r, prospecting: roundHalfEven(r.prospecting * f) })) }),
};

/** Lever ids: `lever-<name>-low` (×0.5; price −10%) and `lever-<name>-high` (×1.5; price +10%). */
export const LEVER_BOTS: Readonly<Record<string, Bot>> = Object.fromEntries(
  Object.entries(LEVERS).flatMap(([name, push]) => [
    [`lever-${name}-low`, ((v) => push(balancedBot(v), 0.5)) as Bot],
    [`lever-${name}-high`, ((v) => push(balancedBot(v), 1.5)) as Bot],
  ]),
);
