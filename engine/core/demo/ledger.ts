/**
 * A tiny aggregate that exercises the kernel in tests and benchmarks: rounds that open and
 * close, and sales recorded per territory. It is not part of the market model.
 */
import { produce } from 'immer';
import { reject, type Decider, type Rejection } from '../decider.ts';
import type { EventEnvelope } from '../envelope.ts';
import type { EventCatalog } from '../eventCatalog.ts';

export type LedgerCommand =
  | { readonly type: 'OpenRound' }
  | { readonly type: 'RecordSale'; readonly territory: string; readonly units: number; readonly price: number }
  | { readonly type: 'CloseRound' };

export type LedgerEvent =
  | { readonly type: 'RoundOpened'; readonly payload: { readonly round: number } }
  | {
      readonly type: 'SaleRecorded';
      readonly payload: { readonly territory: string; readonly units: number; readonly revenue: number };
    }
  | { readonly type: 'RoundClosed'; readonly payload: { readonly round: number; readonly revenue: number } };

export interface LedgerState {
  readonly round: number;
  readonly open: boolean;
  readonly sales: number;
  readonly revenue: number;
  readonly roundRevenue: number;
  readonly byTerritory: Readonly<Record<string, number>>;
}

/** SaleRecorded v1 stored only an amount; v2 splits it into units and revenue. */
export const ledgerCatalog: EventCatalog = {
  RoundOpened: { version: 1 },
  SaleRecorded: {
    version: 2,
    upcasters: {
      1: (payload) => {
        const p = payload as { territory: string; amount: number };
        return { territory: p.territory, units: 1, revenue: p.amount };
      },
    },
  },
  RoundClosed: { version: 1 },
};

const TERRITORY = /^[a-z][a-z0-9-]{0,31}$/;

function decideSale(state: LedgerState, c: Extract<LedgerCommand, { type: 'RecordSale' }>): LedgerEvent[] | Rejection {
  if (!state.open) return reject('ledger.round-not-open');
  if (typeof c.territory !== 'string' || !TERRITORY.test(c.territory)) {
    return reject('ledger.bad-territory', { value: String(c.territory) }, 'territory');
  }
  if (!Number.isSafeInteger(c.units) || c.units < 1 || c.units > 1_000_000) {
    return reject('field.int-range', { min: 1, max: 1_000_000, value: String(c.units) }, 'units');
  }
  if (!Number.isSafeInteger(c.price) || c.price < 1 || c.price > 1_000_000) {
    return reject('field.int-range', { min: 1, max: 1_000_000, value: String(c.price) }, 'price');
  }
  return [{ type: 'SaleRecorded', payload: { territory: c.territory, units: c.units, revenue: c.units * c.price } }];
}

export const ledger: Decider<LedgerState, LedgerCommand, LedgerEvent> = {
  catalog: ledgerCatalog,
  initialState: () => ({ round: 0, open: false, sales: 0, revenue: 0, roundRevenue: 0, byTerritory: {} }),
  decide(state, command) {
    switch (command.type) {
      case 'OpenRound':
        if (state.open) return reject('ledger.round-open', { round: state.round });
        return [{ type: 'RoundOpened', payload: { round: state.round + 1 } }];
      case 'RecordSale':
        return decideSale(state, command);
      case 'CloseRound':
        if (!state.open) return reject('ledger.round-not-open');
        return [{ type: 'RoundClosed', payload: { round: state.round, revenue: state.roundRevenue } }];
      default:
        return reject('command.unknown', { type: String((command as { type?: unknown }).type) }, 'type');
    }
  },
  evolve: (state, event: EventEnvelope<LedgerEvent>) =>
    produce(state, (draft) => {
      switch (event.type) {
        case 'RoundOpened':
          draft.round = event.payload.round;
          draft.open = true;
          draft.roundRevenue = 0;
          break;
        case 'SaleRecorded':
          draft.sales += 1;
          draft.revenue += event.payload.revenue;
          draft.roundRevenue += event.payload.revenue;
          draft.byTerritory[event.payload.territory] = (draft.byTerritory[event.payload.territory] ?? 0) + event.payload.revenue;
          break;
        case 'RoundClosed':
          draft.open = false;
          break;
      }
    }),
  roundOf: (state) => state.round,
  isSnapshotPoint: (event) => event.type === 'RoundClosed',
};
