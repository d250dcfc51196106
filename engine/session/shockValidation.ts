import { reject, type Rejection } from '../core/decider.ts';
import { SHOCK_KINDS, type Scenario, type ShockKind } from '../model/scenario.ts';

export { SHOCK_KINDS };


const ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Checks a shock a facilitator injects (a scenario's own shocks are checked by its schema). */
export function validateShock(input: unknown, scenario: Scenario, round: number): Rejection | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return reject('field.object', {}, 'shock');
  const s = input as Record<string, unknown>;
  const allowed = ['id', 'kind', 'round', 'duration', 'territory', 'magnitudePm', 'signalled', 'title'];
  const extra = Object.keys(s).find((k) => !allowed.includes(k));
  if (extra) return reject('field.unknown', { field: extra }, `shock.${extra}`);
  if (typeof s.id !== 'string' || !ID.test(s.id)) return reject('field.id', { value: String(s.id) }, 'shock.id');
  if (!SHOCK_KINDS.includes(s.kind as ShockKind)) return reject('field.one-of', { value: String(s.kind), options: SHOCK_KINDS.join(', ') }, 'shock.kind');
  if (s.round !== round) return reject('shock.round', { round }, 'shock.round');
  if (!Number.isSafeInteger(s.duration) || (s.duration as number) < 1 || (s.duration as number) > 12) {
    return reject('field.int-range', { min: 1, max: 12, value: String(s.duration) }, 'shock.duration');
  }
  if (!Number.isSafeInteger(s.magnitudePm) || (s.magnitudePm as number) < 0 || (s.magnitudePm as number) > 5000) {
    return reject('field.int-range', { min: 0, max: 5000, value: String(s.magnitudePm) }, 'shock.magnitudePm');
  }
  if ((s.kind === 'downturn' || s.kind === 'supply-disruption') && (s.magnitudePm as number) > 1000) {
    return reject('field.int-range', { min: 0, max: 1000, value: String(s.magnitudePm) }, 'shock.magnitudePm');
  }
  if (typeof s.territory !== 'string' || (s.territory !== '' && !scenario.territories.some((t) => t.id === s.territory))) {
    return reject('decisions.unknown-territory', { value: String(s.territory) }, 'shock.territory');
  }
  if (typeof s.signalled !== 'boolean') return reject('field.boolean', { value: String(s.signalled) }, 'shock.signalled');
  const title = s.title as Record<string, unknown> | undefined;
  if (!title || typeof title !== 'object' || ['zh-CN', 'zh-TW', 'en'].some((l) => typeof title[l] !== 'string' || (title[l] as string).length > 200)) {
    return reject('field.localized', {}, 'shock.title');
  }
  return null;
}
