import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_ID, builtInIds, builtInScenarios, loadBuiltIn } from '../../../scenarios/library.ts';
import { parseScenario } from '../../../scenarios/load.ts';

describe('built-in scenarios', () => {
  it('ship every scenario file in scenarios/, the workshop first as the default', () => {
    expect(DEFAULT_SCENARIO_ID).toBe('workshop');
    const files = readdirSync(new URL('../../../scenarios/', import.meta.url))
      .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
      .map((f) => f.replace(/\.json$/, ''));
    expect([...builtInIds()].sort()).toEqual(files.sort());
    expect(builtInScenarios[0]!.id).toBe(DEFAULT_SCENARIO_ID);
    expect(builtInScenarios[0]!.title.en).toContain('workshop');
  });

  it('load, with the same hash as parsing their files and their texts', () => {
    for (const entry of builtInScenarios) {
      const loaded = loadBuiltIn(entry.id);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      expect(loaded.scenario.id).toBe(entry.id);
      const file = readFileSync(new URL(`../../../scenarios/${entry.id}.json`, import.meta.url), 'utf8');
      const fromFile = parseScenario(file);
      const fromText = parseScenario(entry.text);
      expect(fromFile.ok && fromFile.hash).toBe(loaded.hash);
      expect(fromText.ok && fromText.hash).toBe(loaded.hash);
    }
  });

  it('an unknown id is a problem, not an exception', () => {
    const r = loadBuiltIn('no-such-scenario');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.hint).toContain('"workshop"');
  });
});
