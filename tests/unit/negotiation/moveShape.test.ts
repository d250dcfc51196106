import { describe, expect, it } from 'vitest';
import { moveShapeProblem } from '../../../engine/negotiation/moveShape.ts';
import type { Move } from '../../../engine/negotiation/types.ts';

describe('what a negotiation move may look like', () => {
  it('takes every kind of move with its own fields', () => {
    const moves: Move[] = [
      { kind: 'situation' },
      { kind: 'problem', pain: 'downtime' },
      { kind: 'implication', pain: 'stockouts' },
      { kind: 'need-payoff', pain: 'cash-flow' },
      { kind: 'fabe', attribute: 'service' },
      { kind: 'fabe', attribute: 'delivery', pain: 'stockouts' },
      { kind: 'redirect', attribute: 'price' },
      { kind: 'quote', pricePm: 1000 },
      { kind: 'discount', bp: 300 },
      { kind: 'tiered', bp: 200 },
      { kind: 'bundle', costYuan: 20_000 },
      { kind: 'warranty', costYuan: 10_000 },
      { kind: 'staged-delivery' },
      { kind: 'trade', ask: 'volume' },
      { kind: 'accept-counter' },
      { kind: 'walk-away' },
    ];
    for (const m of moves) expect(moveShapeProblem(m), m.kind).toBeNull();
  });

  it.each([
    ['not an object', 'quote', 'field.object', 'move'],
    ['an unknown kind', { kind: 'bribe' }, 'field.one-of', 'move.kind'],
    ['an attribute not on the list', { kind: 'fabe', attribute: 'bogus' }, 'field.one-of', 'move.attribute'],
    ["an Object method's name", { kind: 'fabe', attribute: 'constructor' }, 'field.one-of', 'move.attribute'],
    ['a pain not on the list', { kind: 'problem', pain: 'boredom' }, 'field.one-of', 'move.pain'],
    ['an ask not on the list', { kind: 'trade', ask: 'kickback' }, 'field.one-of', 'move.ask'],
    ['an extra field', { kind: 'situation', note: 'x'.repeat(60_000) }, 'field.unknown', 'move.note'],
    ['a missing field', { kind: 'quote' }, 'field.missing', 'move.pricePm'],
    ['a fraction', { kind: 'quote', pricePm: 999.5 }, 'field.int-range', 'move.pricePm'],
    ['a number as text', { kind: 'discount', bp: '300' }, 'field.int-range', 'move.bp'],
  ])('refuses %s, naming the field', (_name, move, code, path) => {
    expect(moveShapeProblem(move)).toMatchObject({ code, path });
  });
});
