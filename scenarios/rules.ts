/**
 * The rules of a scenario that need the whole file: ids unique, references known, rounds inside
 * the game, weights adding up. They read the raw JSON value defensively, so they also run on a
 * file that still has type errors: an author sees every problem in one pass, not the type errors
 * first and the rest after fixing them. A rule whose inputs have the wrong type is skipped; the
 * type error at that path already says what is wrong.
 */
import { DEFAULT_COEFFICIENTS } from '../engine/model/coefficients.ts';
import { SEGMENTS } from '../engine/model/scenario.ts';

/** Key accounts may still be under contract this many rounds after the last round. */
export const CONTRACT_END_AFTER_LAST_ROUND = 12;

export type Report = (path: PropertyKey[], message: string, hint?: string) => void;

type Rec = Readonly<Record<string, unknown>>;

const rec = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
/** A field with a default: the default when left out, undefined when present with the wrong type. */
const intOr = (v: unknown, fallback: number): number | undefined => (v === undefined ? fallback : int(v));

const quoted = (ids: readonly string[], max = 12) =>
  ids.length === 0
    ? '(none)'
    : ids
        .slice(0, max)
        .map((s) => `"${s}"`)
        .join(', ') + (ids.length > max ? `, … (${ids.length} in all)` : '');

/** Items of a list with a string id, keeping their index in the file. */
function withIds(v: unknown): { item: Rec; id: string; index: number }[] {
  const out: { item: Rec; id: string; index: number }[] = [];
  list(v).forEach((x, index) => {
    const item = rec(x);
    const id = str(item?.id);
    if (item && id !== undefined) out.push({ item, id, index });
  });
  return out;
}

function checkUniqueIds(report: Report, items: ReturnType<typeof withIds>, key: string, what: string): void {
  const first = new Map<string, number>();
  for (const { id, index } of items) {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, index);
    else
      report(
        [key, index, 'id'],
        `Duplicate ${what} id "${id}": ${key}[${seen}] already uses it. Every ${what} needs its own id.`,
        'Rename one of them.',
      );
  }
}

/** A coefficient: the author's value, the default when left out, undefined when a parent is mistyped. */
function coefficient(raw: unknown, path: readonly string[]): unknown {
  let author: unknown = raw;
  let fallback: unknown = DEFAULT_COEFFICIENTS;
  for (const key of path) {
    fallback = rec(fallback)?.[key];
    if (author === undefined) continue;
    const parent = rec(author);
    if (!parent) return undefined;
    author = parent[key];
  }
  return author === undefined ? fallback : author;
}

function checkWeightsSum(report: Report, coefficients: unknown, path: readonly string[], what: string): void {
  const value = coefficient(coefficients, path);
  let values: unknown[];
  if (Array.isArray(value)) values = value;
  else {
    // Weights the author only partly wrote are completed from the defaults field by field.
    const author = rec(value);
    const defaults = rec(coefficient(undefined, path));
    if (!author || !defaults) return;
    values = Object.keys(defaults).map((k) => (author[k] === undefined ? defaults[k] : author[k]));
  }
  if (!values.every((v) => int(v) !== undefined)) return;
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  if (sum !== 100) report(['coefficients', ...path], `The ${what} must add up to 100, found ${sum}.`);
}

/** Runs every whole-file rule on a scenario's JSON value, reporting each problem at its path. */
export function checkScenarioRules(value: unknown, report: Report): void {
  const s = rec(value);
  if (!s) return;
  const territories = withIds(s.territories);
  const firms = withIds(s.firms);
  const keyAccounts = withIds(s.keyAccounts);
  const shocks = withIds(s.shocks);
  const debrief = withIds(s.debrief);
  checkUniqueIds(report, territories, 'territories', 'territory');
  checkUniqueIds(report, firms, 'firms', 'firm');
  checkUniqueIds(report, keyAccounts, 'keyAccounts', 'key account');
  checkUniqueIds(report, shocks, 'shocks', 'shock');
  checkUniqueIds(report, debrief, 'debrief', 'debrief prompt');

  const territoryIds = territories.map((t) => t.id);
  const territorySet = new Set(territoryIds);
  const firmById = new Map(firms.map((f) => [f.id, f.item] as const));
  const knownTerritories = `Known territories: ${quoted(territoryIds)}.`;
  const knownFirms = `Known firms: ${quoted(firms.map((f) => f.id))}.`;
  const rounds = int(s.rounds);
  const firmTerritories = (f: Rec): string[] => list(f.territories).filter((t): t is string => typeof t === 'string');

  const product = rec(s.product);
  const listPrice = int(product?.listPrice);
  const unitCost = int(product?.unitCost);
  if (listPrice !== undefined && unitCost !== undefined && unitCost >= listPrice)
    report(
      ['product', 'unitCost'],
      `The unit cost must be below the list price (${listPrice} yuan), found ${unitCost} yuan.`,
      'At or above list price no sale can make a profit.',
    );

  for (const { item: t, id, index } of territories) {
    const customers = rec(t.customers);
    if (!customers) continue;
    const counts = SEGMENTS.map((seg) => int(customers[seg]));
    if (counts.every((n) => n === 0))
      report(
        ['territories', index, 'customers'],
        `Territory "${id}" has no long-tail customers: at least one segment (${SEGMENTS.join(', ')}) needs a count above 0.`,
      );
  }

  if (Array.isArray(s.firms) && s.firms.length > 0 && !s.firms.some((f) => rec(f)?.kind === 'team'))
    report(
      ['firms'],
      `At least one firm must be of kind "team" (a firm the trainees run), found none among ${s.firms.length} firm(s).`,
      'Add a firm with "kind": "team".',
    );

  for (const { item: f, id, index } of firms) {
    const seen = new Set<string>();
    list(f.territories).forEach((t, j) => {
      if (typeof t !== 'string') return;
      if (!territorySet.has(t)) report(['firms', index, 'territories', j], `Firm "${id}" sells in unknown territory "${t}".`, knownTerritories);
      else if (seen.has(t)) report(['firms', index, 'territories', j], `Firm "${id}" lists territory "${t}" twice.`);
      seen.add(t);
    });
    const entersRound = intOr(f.entersRound, 1);
    if (f.kind === 'team' && entersRound !== undefined && entersRound !== 1)
      report(
        ['firms', index, 'entersRound'],
        `Firm "${id}" is a team firm, so it plays from round 1: expected entersRound 1, found ${entersRound}.`,
        'Only AI firms can enter the market later.',
      );
    else if (entersRound !== undefined && rounds !== undefined && entersRound > rounds)
      report(
        ['firms', index, 'entersRound'],
        `Firm "${id}" enters in round ${entersRound}, after the last round (${rounds}): expected a round from 1 to ${rounds}.`,
      );
    checkTeamStart(report, f, id, index, territorySet, knownTerritories, firmTerritories(f));
  }

  const lastContractEnd = rounds === undefined ? undefined : rounds + CONTRACT_END_AFTER_LAST_ROUND;
  for (const { item: k, id, index } of keyAccounts) {
    const territory = str(k.territory);
    const supplierId = str(k.supplier);
    if (territory !== undefined && !territorySet.has(territory))
      report(['keyAccounts', index, 'territory'], `Key account "${id}" is in unknown territory "${territory}".`, knownTerritories);
    const supplier = supplierId === undefined ? undefined : firmById.get(supplierId);
    if (supplierId !== undefined && !supplier) {
      report(['keyAccounts', index, 'supplier'], `Key account "${id}" is supplied by unknown firm "${supplierId}".`, knownFirms);
    } else if (supplier) {
      const sells = firmTerritories(supplier);
      if (territory !== undefined && territorySet.has(territory) && sells.length > 0 && !sells.includes(territory))
        report(
          ['keyAccounts', index, 'supplier'],
          `Key account "${id}" in territory "${territory}" is supplied by firm "${supplierId}", which does not sell there.`,
          `Firm "${supplierId}" sells only in ${quoted(sells)}.`,
        );
      const entersRound = intOr(supplier.entersRound, 1);
      if (entersRound !== undefined && entersRound > 1)
        report(
          ['keyAccounts', index, 'supplier'],
          `Key account "${id}" is supplied by firm "${supplierId}", which enters the market only in round ${entersRound}: a supplier must be there from round 1.`,
        );
    }
    const contractEnd = int(k.contractEnd);
    if (contractEnd !== undefined && lastContractEnd !== undefined && contractEnd > lastContractEnd)
      report(
        ['keyAccounts', index, 'contractEnd'],
        `Key account "${id}" has its contract end in round ${contractEnd}: expected a round from 1 to ${lastContractEnd} (the last round + ${CONTRACT_END_AFTER_LAST_ROUND}).`,
      );
  }

  for (const { item: sh, id, index } of shocks) {
    const round = int(sh.round);
    if (round !== undefined && rounds !== undefined && round > rounds)
      report(['shocks', index, 'round'], `Shock "${id}" is scheduled for round ${round}: expected a round from 1 to ${rounds}.`);
    const magnitude = int(sh.magnitudePm);
    if ((sh.kind === 'supply-disruption' || sh.kind === 'downturn') && magnitude !== undefined && magnitude > 1000)
      report(
        ['shocks', index, 'magnitudePm'],
        `Shock "${id}" is a ${sh.kind}: expected a magnitude from 0 to 1000‰, found ${magnitude}.`,
        sh.kind === 'downturn'
          ? 'For a downturn the magnitude is the share of demand lost, e.g. 100 for −10%.'
          : 'For a supply disruption the magnitude is the share of capacity kept, e.g. 700 for 70%.',
      );
    const territory = str(sh.territory);
    if (territory !== undefined && territory !== '' && !territorySet.has(territory))
      report(['shocks', index, 'territory'], `Shock "${id}" hits unknown territory "${territory}".`, `${knownTerritories} Use "" for the whole region.`);
  }

  for (const { item: p, id, index } of debrief) {
    const round = int(p.round);
    if (round !== undefined && rounds !== undefined && round > rounds)
      report(['debrief', index, 'round'], `Debrief prompt "${id}" belongs to round ${round}: expected a round from 1 to ${rounds}.`);
  }

  const topics = new Map<string, number>();
  list(s.guide).forEach((g, index) => {
    const note = rec(g);
    const topic = str(note?.topic);
    const round = int(note?.round);
    if (round !== undefined && rounds !== undefined && round > rounds)
      report(['guide', index, 'round'], `Guide note ${index} is for round ${round}: expected a round from 1 to ${rounds}.`);
    if (topic === undefined) return;
    const seen = topics.get(topic);
    if (seen !== undefined)
      report(
        ['guide', index, 'topic'],
        `Topic "${topic}" already has a guide note (guide[${seen}]): a decision is explained once, the first time it is met.`,
        'Merge the two notes.',
      );
    else topics.set(topic, index);
  });

  const c = s.coefficients;
  if (c !== undefined && !rec(c)) return;
  checkWeightsSum(report, c, ['customers', 'csatWeights'], 'CSAT weights');
  checkWeightsSum(report, c, ['kpi', 'weightsNew'], 'KPI weights of a new market');
  checkWeightsSum(report, c, ['kpi', 'weightsMature'], 'KPI weights of a mature market');
  const earliest = int(coefficient(c, ['customers', 'renewalEarliestRounds']));
  const latest = int(coefficient(c, ['customers', 'renewalLatestRounds']));
  if (earliest !== undefined && latest !== undefined && latest > earliest)
    report(
      ['coefficients', 'customers', 'renewalLatestRounds'],
      `Expected at most renewalEarliestRounds (${earliest}), found ${latest}.`,
      'Renewal talks open between renewalEarliestRounds and renewalLatestRounds rounds before a contract ends, so the latest cannot be further ahead than the earliest.',
    );
}

function checkTeamStart(
  report: Report,
  f: Rec,
  id: string,
  index: number,
  territorySet: ReadonlySet<string>,
  knownTerritories: string,
  sells: readonly string[],
): void {
  const start = rec(f.start);
  if (!start) return;
  if (f.kind !== undefined && f.kind !== 'team') {
    report(
      ['firms', index, 'start'],
      `Firm "${id}" is an AI firm (kind "${String(f.kind)}"): only team firms have a starting team to set.`,
      'Remove "start", or make the firm a team firm.',
    );
    return;
  }
  list(start.vacancies).forEach((t, j) => {
    if (typeof t !== 'string') return;
    if (!territorySet.has(t)) report(['firms', index, 'start', 'vacancies', j], `Firm "${id}" has a vacancy in unknown territory "${t}".`, knownTerritories);
    else if (sells.length > 0 && !sells.includes(t))
      report(
        ['firms', index, 'start', 'vacancies', j],
        `Firm "${id}" has a vacancy in territory "${t}", where it does not sell.`,
        `Firm "${id}" sells only in ${quoted(sells)}.`,
      );
  });
}
