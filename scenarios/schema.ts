/**
 * The scenario file format: a zod schema whose output is the engine's `Scenario`.
 *
 * Authors may leave out anything with a sensible default (objectives, shocks, key accounts,
 * a firm's territories and entry round, every coefficient ...); unknown keys are errors at every
 * level, so a misspelt field never passes silently. Cross-references and other rules that need
 * the whole file are checked in `superRefine`, each problem at the path of the offending value.
 */
import { z } from 'zod';
import { DEFAULT_COEFFICIENTS as D, type Coefficients } from '../engine/model/coefficients.ts';
import {
  DEBRIEF_TRIGGERS,
  DECISION_TOPICS,
  FRAMEWORKS,
  INDUSTRIES,
  LESSON_IDS,
  SEGMENTS,
  SHOCK_KINDS,
  type DebriefTrigger,
  type DecisionTopic,
  type FirmKind,
  type Framework,
  type KeyAccountSpec,
  type Scenario,
  type ShockKind,
  type Stage,
  type Tier,
} from '../engine/model/scenario.ts';
import { CONTRACT_END_AFTER_LAST_ROUND, checkScenarioRules } from './rules.ts';

export { CONTRACT_END_AFTER_LAST_ROUND };

/** Entity ids: kebab-case, starting with a letter, at most 40 characters. */
export const ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** A shock's territory: an id, or '' for the whole region. */
const TERRITORY_OR_ALL_PATTERN = /^(?:|[a-z][a-z0-9-]{0,39})$/;
export const MAX_ROUNDS = 36;

const id = () =>
  z
    .string()
    .regex(ID_PATTERN, {
      error: 'an id in kebab-case: a lower-case letter, then up to 39 lower-case letters, digits or hyphens',
    })
    .meta({ description: 'A kebab-case id.' });

/** An integer in [min, max]. */
const int = (min: number, max: number) => z.int().min(min).max(max);
/** An integer in [min, max] that defaults to `value` when left out. */
const intOr = (value: number, min: number, max: number) => int(min, max).default(value);

const nonEmptyText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/\S/, { error: 'a non-empty text (not only spaces)' });

const localizedText = (max = 20_000) =>
  z
    .strictObject({
      'zh-CN': nonEmptyText(max),
      'zh-TW': nonEmptyText(max),
      en: nonEmptyText(max),
    })
    .meta({ description: 'The same text in Simplified Chinese, Traditional Chinese and English.' });

// ---------------------------------------------------------------------------------------------
// Coefficients: every field optional, every omitted field taken from DEFAULT_COEFFICIENTS.
//
// The schema is built from DEFAULT_COEFFICIENTS itself, so a coefficient the engine adds is a
// scenario parameter at once, with its default. Every numeric coefficient is a non-negative
// integer; its bounds follow the unit in its name (Bp, Pm, Yuan, Hours, Rounds ...).

const YUAN_MAX = 100_000_000;

/** Coefficients whose bounds the unit in their name does not give. */
const COEFFICIENT_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  // A0 is set from it, and needs a share strictly between 0 and 1.
  takeUpAtStartBp: [1, 9_999],
  // Capacity is a multiple of expected demand, so it may pass 100%.
  capacityBp: [0, 100_000],
};

/** Lower and upper bound of a coefficient, from its name: the unit it ends in, or a table. */
export function coefficientBounds(name: string): readonly [number, number] {
  const known = COEFFICIENT_BOUNDS[name];
  if (known) return known;
  // Divisors (half-saturation points, capacities, periods) must not be zero.
  const min = /(Half|HalfHours|HalfYuan|HalfLife|Every|Hours|PerFivePoints)$/.test(name) ? 1 : 0;
  if (/Yuan/.test(name)) return [min, YUAN_MAX];
  if (/Bp(PerWeek)?$/.test(name)) return [min, 10_000];
  if (/(Speed|Gain|Decay)Pm$/.test(name)) return [min, 1_000];
  if (/Pm$/.test(name)) return [min, 100_000];
  if (/(Rounds|HalfLife|Every|Round)$/.test(name)) return [min, 120];
  if (/Weeks$/.test(name)) return [min, 520];
  if (/^(csatWeights|moraleBase|goodwill.*|leaver.*Loss|complaintCsat.*|trainingGain|attainmentBonus|moralePoints)$/.test(name))
    return [min, 100];
  if (['coverage', 'revenue', 'newAccounts', 'profit', 'retention', 'share'].includes(name)) return [min, 100];
  return [min, 1_000_000];
}

function coefficientLeaf(name: string): z.ZodInt {
  const [min, max] = coefficientBounds(name);
  return z.int().min(min).max(max);
}

function coefficientNode(value: unknown, name: string): z.ZodType {
  if (typeof value === 'number') return coefficientLeaf(name).default(value);
  if (typeof value === 'boolean') return z.boolean().default(value);
  if (Array.isArray(value)) {
    const items = value.map(() => coefficientLeaf(name));
    const copy = [...(value as number[])];
    const tuple = z.tuple(items as [z.ZodInt]) as unknown as z.ZodType<number[], number[]>;
    return tuple.default(() => [...copy]);
  }
  if (typeof value === 'object' && value !== null) {
    const shape: Record<string, z.ZodType> = {};
    for (const key of Object.keys(value)) shape[key] = coefficientNode((value as Record<string, unknown>)[key], key);
    return z.strictObject(shape).prefault({});
  }
  // Only a change to DEFAULT_COEFFICIENTS can get here, and the unit tests catch it at once.
  throw new Error(`DEFAULT_COEFFICIENTS: "${name}" is neither a number, true/false, a list of numbers nor an object`);
}

/** An author's coefficient overrides: any subset, at any depth (lists are replaced whole). */
export type CoefficientsInput = PartialDeep<Coefficients>;
type PartialDeep<T> = T extends readonly unknown[] ? T : T extends object ? { readonly [K in keyof T]?: PartialDeep<T[K]> } : T;

/**
 * Overrides of the market model, filled from DEFAULT_COEFFICIENTS. Built by walking the defaults,
 * so its static type is asserted here; tests check that `{}` parses to exactly the defaults.
 */
export const coefficientsSchema = (coefficientNode(D, 'coefficients') as z.ZodPrefault<z.ZodObject>).unwrap().meta({
  description: 'Overrides of the market model; every field left out keeps its default.',
}) as unknown as z.ZodType<Coefficients, CoefficientsInput>;

// ---------------------------------------------------------------------------------------------
// The scenario itself.

const TIERS = [1, 2, 3] as const;
const STAGES = ['new', 'growth', 'mature'] as const;
const FIRM_KINDS = ['team', 'brand', 'group', 'digital', 'sme', 'cross-industry'] as const;
const INFLUENCES = [1, 2, 3, 4, 5] as const;

// The lists above must name exactly the engine's values: a kind the engine adds fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameValues: [
  Same<(typeof TIERS)[number], Tier>,
  Same<(typeof STAGES)[number], Stage>,
  Same<(typeof FIRM_KINDS)[number], FirmKind>,
  Same<(typeof INFLUENCES)[number], KeyAccountSpec['influence']>,
  Same<(typeof SHOCK_KINDS)[number], ShockKind>,
  Same<(typeof FRAMEWORKS)[number], Framework>,
  Same<(typeof DEBRIEF_TRIGGERS)[number], DebriefTrigger>,
  Same<(typeof DECISION_TOPICS)[number], DecisionTopic>,
] = [true, true, true, true, true, true, true, true];
void _sameValues;

const territorySchema = z.strictObject({
  id: id(),
  name: localizedText(200),
  tier: z.literal(TIERS),
  stage: z.enum(STAGES),
  potential: int(100, 50_000).meta({ description: 'Units a round the territory could buy.' }),
  growthBp: int(0, 5_000).meta({ description: 'Growth of potential, bp a year.' }),
  premiumPm: int(-600, 600).meta({ description: 'Premium preference, ‰.' }),
  x: int(0, 1_000),
  y: int(0, 1_000),
  customers: z
    .strictObject({
      sme: int(0, 20_000),
      'young-digital': int(0, 20_000),
      traditional: int(0, 20_000),
    } satisfies Record<(typeof SEGMENTS)[number], unknown>)
    .meta({ description: 'Long-tail customers by segment.' }),
  policyPm: intOr(0, -500, 1_000),
});

const firmSchema = z.strictObject({
  id: id(),
  name: localizedText(200),
  kind: z.enum(FIRM_KINDS),
  pricePm: int(500, 2_000).meta({ description: 'Price at the start, ‰ of list.' }),
  brand: int(0, 1_000),
  service: int(0, 1_000),
  quality: intOr(500, 0, 1_000),
  reps: int(0, 50),
  budget: int(0, YUAN_MAX).meta({ description: 'Budget a round, yuan.' }),
  territories: z
    .array(id())
    .max(64)
    .default(() => [])
    .meta({ description: 'Territories the firm sells in; empty or left out means all.' }),
  entersRound: intOr(1, 1, MAX_ROUNDS),
  start: z
    .strictObject({
      morale: int(0, 100).meta({ description: "Average starting morale of the team's reps." }),
      conflict: intOr(20, 0, 100).meta({ description: 'Conflict in the team at the start (usually 20).' }),
      vacancies: z
        .array(id())
        .max(50)
        .default(() => [])
        .meta({ description: 'One territory id per empty seat; each is filled by a new hire after the vacancy delay.' }),
    })
    .optional()
    .meta({ description: 'How a team firm starts when it does not start healthy: morale, conflict and empty seats.' }),
});

const keyAccountSchema = z.strictObject({
  id: id(),
  name: localizedText(200),
  territory: id(),
  volume: int(1, 100_000).meta({ description: 'Units a round under contract.' }),
  pricePm: int(500, 2_000).meta({ description: 'Contract price, ‰ of list.' }),
  influence: z.literal(INFLUENCES),
  supplier: id(),
  contractEnd: int(1, MAX_ROUNDS + CONTRACT_END_AFTER_LAST_ROUND),
  csat: int(0, 100),
  relationship: int(0, 100),
  industry: z.enum(INDUSTRIES).optional().meta({ description: 'The kind of business: the pains its buyer can have and the words it uses in a negotiation (default general).' }),
});

const shockSchema = z.strictObject({
  id: id(),
  kind: z.enum(SHOCK_KINDS),
  round: int(1, MAX_ROUNDS),
  duration: int(1, 12),
  territory: z
    .string()
    .regex(TERRITORY_OR_ALL_PATTERN, { error: "a territory id, or '' for the whole region" })
    .meta({ description: "Territory it hits; '' means the whole region." }),
  magnitudePm: int(0, 5_000),
  signalled: z.boolean(),
  title: localizedText(200),
});

const scenarioObject = z.strictObject({
  $schema: z.string().optional().meta({ description: 'Editors may point this at scenario.schema.json; it is dropped on load.' }),
  id: id(),
  version: intOr(1, 1, 1_000_000),
  title: localizedText(200),
  briefing: localizedText(),
  objectives: z
    .array(
      z.strictObject({
        framework: z.enum(FRAMEWORKS).meta({ description: 'The chapter of the training deck the objective practises.' }),
        text: localizedText(2_000),
      }),
    )
    .max(20)
    .default(() => []),
  debrief: z
    .array(
      z.strictObject({
        id: id(),
        trigger: z.enum(DEBRIEF_TRIGGERS).meta({
          description:
            "When the prompt is shown: 'round-end' after its round; the others the first time it happens to the team from that round on.",
        }),
        round: int(1, MAX_ROUNDS),
        framework: z.enum(FRAMEWORKS),
        prompt: localizedText(2_000),
      }),
    )
    .max(100)
    .default(() => [])
    .meta({ description: 'Questions the replay viewer shows in the debrief, at the moments they belong to.' }),
  guide: z
    .array(
      z.strictObject({
        topic: z.enum(DECISION_TOPICS),
        round: intOr(1, 1, MAX_ROUNDS),
        text: localizedText(2_000),
      }),
    )
    .max(50)
    .default(() => [])
    .meta({ description: 'Notes that explain a decision area the first time a trainee meets it.' }),
  lessons: z
    .array(z.enum(LESSON_IDS))
    .max(LESSON_IDS.length)
    .default(() => [])
    .meta({ description: 'The lessons of the deck this scenario teaches; `npm run lessons` proves each holds over many seeded markets.' }),
  rounds: int(1, MAX_ROUNDS),
  startMonth: int(1, 12),
  product: z.strictObject({
    listPrice: int(1, 10_000_000).meta({ description: 'List price of one unit, yuan.' }),
    unitCost: int(0, 10_000_000).meta({ description: 'Cost of one unit, yuan.' }),
  }),
  market: z.strictObject({
    macroPm: int(700, 1_150),
    volatilityBp: int(300, 2_000),
    seasonPm: z.array(int(800, 1_250)).length(12).meta({ description: 'Seasonality by calendar month, January first, ‰.' }),
    baselineGrowthBp: intOr(800, -3_000, 5_000),
  }),
  territories: z.array(territorySchema).min(1).max(64),
  firms: z.array(firmSchema).min(1).max(32),
  keyAccounts: z
    .array(keyAccountSchema)
    .max(256)
    .default(() => []),
  shocks: z
    .array(shockSchema)
    .max(128)
    .default(() => []),
  coefficients: coefficientsSchema.prefault({}),
});

/** What an author writes: the scenario with every defaulted field optional. */
export type ScenarioInput = z.input<typeof scenarioObject>;
type ParsedObject = z.output<typeof scenarioObject>;

/** Hint text travels in a custom issue's params. */
export interface IssueParams {
  readonly hint?: string;
}

/** Rules that need the whole scenario (see rules.ts); zod runs this once every field has its type. */
function checkScenario(s: ParsedObject, ctx: z.RefinementCtx<ParsedObject>): void {
  checkScenarioRules(s, (path, message, hint) =>
    ctx.addIssue({ code: 'custom', path, message, params: hint === undefined ? {} : { hint } }),
  );
}

function dropSchemaKey({ $schema: _ignored, ...scenario }: ParsedObject): Scenario {
  return scenario;
}

/** Parses a scenario file's JSON value into the engine's `Scenario`, filling every default. */
export const scenarioSchema: z.ZodType<Scenario, ScenarioInput> = scenarioObject
  .superRefine(checkScenario)
  .transform(dropSchemaKey)
  .meta({
    title: 'Shapan scenario',
    description: 'A Shapan sand-table scenario: the market, the firms, the key accounts and the shocks.',
  });
