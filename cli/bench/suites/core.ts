import { ledger } from '../../../engine/core/demo/ledger.ts';
import { playLedger } from '../../../engine/core/demo/ledgerScript.ts';
import type { EventEnvelope } from '../../../engine/core/envelope.ts';
import { upcast } from '../../../engine/core/eventCatalog.ts';
import { logLines } from '../../../engine/core/jsonl.ts';
import type { LedgerEvent } from '../../../engine/core/demo/ledger.ts';
import type { BenchSuite } from '../entry.ts';
import { compareTimes } from '../measure.ts';

const EVENTS = 100_000;

export const suite: BenchSuite = {
  name: 'core',
  async run() {
    const session = playLedger('bench', EVENTS);
    const lines = [...logLines(session.header, session.log.events, { trailer: false })].slice(1);
    let sink = 0;
    const fold_vs_parse = await compareTimes({
      // Folding a log = reading each line and applying it; that is what opening a log costs.
      subject: () => {
        let state = ledger.initialState(session.header);
        for (const line of lines) {
          state = ledger.evolve(state, upcast<LedgerEvent>(ledger.catalog, JSON.parse(line) as EventEnvelope));
        }
        sink += state.sales;
      },
      baseline: () => {
        for (const line of lines) sink += (JSON.parse(line) as { seq: number }).seq;
      },
      baselineLabel: `JSON.parse of the ${EVENTS.toLocaleString('en')} lines of the same demo log`,
      target: 4,
      better: 'lower',
      clock: 'cpu',
      runs: 9,
    });
    if (sink === -1) console.log(sink);
    return { 'core.fold_vs_parse': fold_vs_parse };
  },
};
