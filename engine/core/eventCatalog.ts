import type { DomainEvent, EventEnvelope } from './envelope.ts';

/** Lifts a payload from version n to n + 1. Pure; it sees nothing but the old payload. */
export type Upcaster = (payload: unknown) => unknown;

export interface EventTypeSpec {
  /** The version `decide` writes today. */
  readonly version: number;
  /** `upcasters[n]` turns a v`n` payload into v`n+1`; every version below `version` needs one. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/** Every event type an aggregate knows, with its current version. */
export type EventCatalog = Readonly<Record<string, EventTypeSpec>>;

export type CatalogProblem =
  | { readonly code: 'unknown-type'; readonly type: string }
  | { readonly code: 'unknown-version'; readonly type: string; readonly v: number; readonly current: number }
  | { readonly code: 'missing-upcaster'; readonly type: string; readonly v: number };

/** Says whether a stored (type, v) can be read, without touching the payload. */
export function checkVersion(catalog: EventCatalog, type: string, v: number): CatalogProblem | null {
  const spec = Object.hasOwn(catalog, type) ? catalog[type] : undefined;
  if (!spec) return { code: 'unknown-type', type };
  if (!Number.isInteger(v) || v < 1 || v > spec.version) {
    return { code: 'unknown-version', type, v, current: spec.version };
  }
  for (let from = v; from < spec.version; from++) {
    if (!spec.upcasters?.[from]) return { code: 'missing-upcaster', type, v: from };
  }
  return null;
}

/**
 * Returns the envelope with its payload in the current shape. Hashes are over the stored form,
 * so upcasting happens after verification and the result is never re-hashed.
 */
export function upcast<E extends DomainEvent>(catalog: EventCatalog, envelope: EventEnvelope<DomainEvent>): EventEnvelope<E> {
  const problem = checkVersion(catalog, envelope.type, envelope.v);
  if (problem) throw new Error(`cannot read ${envelope.type} v${envelope.v}: ${problem.code}`);
  const spec = catalog[envelope.type]!;
  if (envelope.v === spec.version) return envelope as EventEnvelope<E>;
  let payload = envelope.payload;
  for (let from = envelope.v; from < spec.version; from++) payload = spec.upcasters![from]!(payload);
  return { ...envelope, v: spec.version, payload } as EventEnvelope<E>;
}
