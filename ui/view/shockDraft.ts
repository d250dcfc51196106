/**
 * A shock the facilitator is about to inject, as data: started from one of the scenario's own
 * shocks or from nothing, edited field by field, checked here as the engine will check it, and
 * turned into the ShockSpec for the open round with an id nothing else in the session uses.
 */
import { LOCALES, type Locale } from '../../engine/i18n/locale.ts';
import type { Params } from '../../engine/i18n/translate.ts';
import { SHOCK_KINDS, type Scenario, type ShockKind, type ShockSpec } from '../../engine/model/scenario.ts';
import { validateShock } from '../../engine/session/shockValidation.ts';

export { SHOCK_KINDS };

export interface ShockDraft {
  /** The scenario shock it started from ('' for a custom one). */
  readonly template: string;
  readonly kind: string;
  /** A territory id, or '' for the whole region. */
  readonly territory: string;
  readonly magnitudePm: string;
  readonly duration: string;
  readonly signalled: boolean;
  readonly title: Readonly<Record<Locale, string>>;
}

export interface ShockProblem {
  /** `kind`, `territory`, `magnitude`, `duration`, `title-<locale>`, or '' for the shock as a whole. */
  readonly field: string;
  readonly key: string;
  readonly params: Params;
}

export const MAX_TITLE = 200;

/** Kinds whose magnitude is a share of something, so at most 1000 ‰. */
const SHARE_KINDS: readonly string[] = ['downturn', 'supply-disruption'];

/** What a magnitude means for a kind (price wars and digital entrants ignore it). */
export function magnitudeMatters(kind: string): boolean {
  return kind !== 'price-war' && kind !== 'digital-entrant';
}

export function maxMagnitude(kind: string): number {
  return SHARE_KINDS.includes(kind) ? 1000 : 5000;
}

export function emptyDraft(): ShockDraft {
  return { template: '', kind: 'downturn', territory: '', magnitudePm: '100', duration: '1', signalled: false, title: { 'zh-CN': '', 'zh-TW': '', en: '' } };
}

/** A draft copied from one of the scenario's shocks (its round and id are the injection's own). */
export function draftFrom(spec: ShockSpec): ShockDraft {
  return {
    template: spec.id,
    kind: spec.kind,
    territory: spec.territory,
    magnitudePm: String(spec.magnitudePm),
    duration: String(spec.duration),
    signalled: spec.signalled,
    title: { ...spec.title },
  };
}

/** An id for the injection that no scenario shock and no earlier injection has. */
export function shockId(draft: ShockDraft, round: number, taken: readonly string[]): string {
  const stem = `${(draft.template || 'custom').slice(0, 28)}-r${round}`;
  if (!taken.includes(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.includes(`${stem}-${n}`)) return `${stem}-${n}`;
}

function whole(text: string): number | null {
  const s = text.trim();
  return /^\d{1,6}$/.test(s) ? Number(s) : null;
}

const FIELD_OF_PATH: Readonly<Record<string, string>> = {
  'shock.kind': 'kind',
  'shock.territory': 'territory',
  'shock.magnitudePm': 'magnitude',
  'shock.duration': 'duration',
  'shock.title': 'title-en',
};

/**
 * The shock to inject into the open round `round`, or what is wrong with the draft. `taken`:
 * the ids already used in the session (the scenario's shocks and the ones injected so far).
 */
export function shockFromDraft(
  draft: ShockDraft,
  scenario: Scenario,
  round: number,
  taken: readonly string[],
): { ok: true; shock: ShockSpec } | { ok: false; problems: readonly ShockProblem[] } {
  const problems: ShockProblem[] = [];
  const problem = (field: string, key: string, params: Params = {}) => problems.push({ field, key, params });
  if (!SHOCK_KINDS.includes(draft.kind as ShockKind)) problem('kind', 'workshop.shock.kind-unknown', { value: draft.kind });
  if (draft.territory !== '' && !scenario.territories.some((x) => x.id === draft.territory)) problem('territory', 'workshop.shock.territory-unknown', { value: draft.territory });
  const top = maxMagnitude(draft.kind);
  const magnitude = magnitudeMatters(draft.kind) ? whole(draft.magnitudePm) : (whole(draft.magnitudePm) ?? 0);
  if (magnitude === null || magnitude > top) problem('magnitude', 'workshop.shock.magnitude-range', { max: top, value: draft.magnitudePm.trim() });
  const duration = whole(draft.duration);
  if (duration === null || duration < 1 || duration > 12) problem('duration', 'workshop.shock.duration-range', { min: 1, max: 12, value: draft.duration.trim() });
  for (const l of LOCALES) {
    const text = draft.title[l].trim();
    if (text === '') problem(`title-${l}`, 'workshop.shock.title-empty');
    else if (text.length > MAX_TITLE) problem(`title-${l}`, 'workshop.shock.title-long', { max: MAX_TITLE });
  }
  if (problems.length > 0) return { ok: false, problems };
  const shock: ShockSpec = {
    id: shockId(draft, round, taken),
    kind: draft.kind as ShockKind,
    round,
    duration: duration!,
    territory: draft.territory,
    magnitudePm: magnitude!,
    signalled: draft.signalled,
    title: { 'zh-CN': draft.title['zh-CN'].trim(), 'zh-TW': draft.title['zh-TW'].trim(), en: draft.title.en.trim() },
  };
  // The engine has the last word; whatever it would refuse is said here, at its field.
  const refused = validateShock(shock, scenario, round);
  if (refused) return { ok: false, problems: [{ field: FIELD_OF_PATH[refused.path ?? ''] ?? '', key: refused.code, params: { path: refused.path ?? '', ...refused.params } }] };
  return { ok: true, shock };
}
