import type { Decider } from './core/decider.ts';
import type { DomainEvent } from './core/envelope.ts';
import type { EventCatalog } from './core/eventCatalog.ts';
import type { LogHeader } from './core/header.ts';
import { ledger } from './core/demo/ledger.ts';

/** Scenario ids starting with this prefix belong to the kernel's demo aggregate. */
export const DEMO_LEDGER_PREFIX = 'demo-ledger';

// biome-ignore lint: the registry holds deciders of different state types
type AnyDecider = Decider<any, { type: string }, DomainEvent>;

/** Which aggregate wrote a log, read from its header; a string says why none fits. */
export function deciderFor(header: LogHeader): AnyDecider | string {
  if (header.scenario.id.startsWith(DEMO_LEDGER_PREFIX)) return ledger as unknown as AnyDecider;
  return `no engine for scenario "${header.scenario.id}"`;
}

export function catalogFor(header: LogHeader): EventCatalog | string {
  const decider = deciderFor(header);
  return typeof decider === 'string' ? decider : decider.catalog;
}
