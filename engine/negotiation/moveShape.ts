import { reject, type Rejection } from '../core/decider.ts';
import { ATTRIBUTES, EVIDENCE, PAINS, type MoveKind } from './types.ts';

type Field = 'pain' | 'attribute' | 'evidence' | 'pricePm' | 'bp' | 'costYuan' | 'ask';

/** The fields each move carries besides its kind (`?` = may be left out). */
const FIELDS: Readonly<Record<MoveKind, readonly `${Field}${'' | '?'}`[]>> = {
  situation: [],
  problem: ['pain'],
  implication: ['pain'],
  'need-payoff': ['pain'],
  fabe: ['attribute', 'pain?', 'evidence?'],
  redirect: ['attribute'],
  quote: ['pricePm'],
  discount: ['bp'],
  tiered: ['bp'],
  bundle: ['costYuan'],
  warranty: ['costYuan'],
  'staged-delivery': [],
  trade: ['ask'],
  'accept-counter': [],
  'walk-away': [],
};

const ASKS = ['term', 'volume', 'prepayment'] as const;
const MAX_NUMBER = 1_000_000_000;

function oneOf(value: unknown, options: readonly string[], path: string): Rejection | null {
  return typeof value === 'string' && options.includes(value) ? null : reject('field.one-of', { value: String(value).slice(0, 40), options: options.join(', ') }, path);
}

/**
 * Whether a move is one the machine knows, with exactly the fields its kind has and values from
 * their lists: what goes into the log must be a move, not whatever a client sent. (Whether the
 * figures fit the conversation is the machine's guard, moveIsSound.)
 */
export function moveShapeProblem(move: unknown): Rejection | null {
  if (typeof move !== 'object' || move === null || Array.isArray(move)) return reject('field.object', {}, 'move');
  const m = move as Record<string, unknown>;
  const kinds = Object.keys(FIELDS);
  const bad = oneOf(m.kind, kinds, 'move.kind');
  if (bad) return bad;
  const fields = FIELDS[m.kind as MoveKind];
  const names = fields.map((f) => f.replace('?', ''));
  const extra = Object.keys(m).find((k) => k !== 'kind' && !names.includes(k));
  if (extra !== undefined) return reject('field.unknown', { field: extra.slice(0, 40) }, `move.${extra.slice(0, 40)}`);
  for (const f of fields) {
    const name = f.replace('?', '') as Field;
    const path = `move.${name}`;
    if (!Object.hasOwn(m, name)) {
      if (f.endsWith('?')) continue;
      return reject('field.missing', {}, path);
    }
    const v = m[name];
    const problem =
      name === 'pain'
        ? oneOf(v, PAINS, path)
        : name === 'attribute'
          ? oneOf(v, ATTRIBUTES, path)
          : name === 'evidence'
            ? oneOf(v, EVIDENCE, path)
          : name === 'ask'
            ? oneOf(v, ASKS, path)
            : Number.isSafeInteger(v) && Math.abs(v as number) <= MAX_NUMBER
              ? null
              : reject('field.int-range', { min: -MAX_NUMBER, max: MAX_NUMBER, value: String(v).slice(0, 40) }, path);
    if (problem) return problem;
  }
  return null;
}
