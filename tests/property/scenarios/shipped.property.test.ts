import { describe, expect, it } from 'vitest';
import { builtInScenarios, loadBuiltIn } from '../../../scenarios/library.ts';

// The 30-seed balance check of the teaching scenarios plays hundreds of whole games: it is in
// tests/balance/shipped.balance.test.ts (`npm run test:balance`).
describe('every shipped scenario', () => {
  it.each(builtInScenarios.map((s) => s.id))('%s passes check, with text in all three languages', (id) => {
    const loaded = loadBuiltIn(id);
    expect(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.problems, null, 2)).toBe(true);
  });
});
