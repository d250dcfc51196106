import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_COEFFICIENTS } from '../../../engine/model/coefficients.ts';
import { SEGMENTS, type Scenario } from '../../../engine/model/scenario.ts';
import {
  MAX_SCENARIO_BYTES,
  jsonPath,
  parseScenario,
  parseScenarioValue,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
  type ScenarioParseResult,
  type ScenarioProblem,
} from '../../../scenarios/load.ts';
import { coefficientsSchema } from '../../../scenarios/schema.ts';
import { minimal, text } from '../../support/minimalScenario.ts';

const fileText = (name: string) => readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8');

function ok(result: ScenarioParseResult): { scenario: Scenario; hash: string } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems, null, 2)}`);
  return result;
}

function problems(result: ScenarioParseResult): readonly ScenarioProblem[] {
  if (result.ok) throw new Error('expected problems, the scenario parsed');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

const parseValue = (value: unknown) => parseScenario(JSON.stringify(value));

/** Parses `minimal()` after `edit`, and returns the problems' paths. */
function pathsAfter(edit: (s: Record<string, any>) => void): string[] {
  const s = minimal();
  edit(s);
  return problems(parseValue(s)).map((p) => p.path);
}

function problemAt(result: ScenarioParseResult, path: string): ScenarioProblem {
  const found = problems(result).find((p) => p.path === path);
  if (!found) throw new Error(`no problem at ${path}; got ${JSON.stringify(problems(result), null, 2)}`);
  return found;
}

describe('shipped scenarios', () => {
  it('the workshop scenario parses and matches its brief', () => {
    const { scenario, hash } = ok(parseScenario(fileText('workshop.json'), 'workshop.json'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(scenario.id).toBe('workshop');
    expect(scenario.rounds).toBe(12);
    expect(scenario).not.toHaveProperty('$schema');
    expect(scenario.market.seasonPm).toHaveLength(12);
    expect(Math.abs(scenario.market.seasonPm.reduce((a, b) => a + b, 0) - 12_000)).toBeLessThanOrEqual(100);

    expect(scenario.territories).toHaveLength(6);
    expect(scenario.territories.map((t) => t.tier).sort()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(new Set(scenario.territories.map((t) => t.stage))).toEqual(new Set(['new', 'growth', 'mature']));
    const perTerritory = scenario.territories.map((t) => SEGMENTS.reduce((n, s) => n + t.customers[s], 0));
    for (const n of perTerritory) expect(n).toBeGreaterThanOrEqual(150), expect(n).toBeLessThanOrEqual(400);
    expect(perTerritory.reduce((a, b) => a + b, 0)).toBe(1600);
    for (const t of scenario.territories) expect(t.potential).toBeGreaterThanOrEqual(4000), expect(t.potential).toBeLessThanOrEqual(15_000);

    const teams = scenario.firms.filter((f) => f.kind === 'team');
    expect(teams.map((f) => f.id)).toEqual(['team-1', 'team-2', 'team-3', 'team-4', 'team-5', 'team-6', 'team-7', 'team-8']);
    for (const f of teams) expect(f).toMatchObject({ reps: 10, budget: 350_000, pricePm: 1000, brand: 500, service: 500, territories: [] });
    const byId = new Map(scenario.firms.map((f) => [f.id, f]));
    expect(byId.get('apex')).toMatchObject({ kind: 'brand', pricePm: 1050, brand: 750 });
    expect(byId.get('hengda')).toMatchObject({ kind: 'group', pricePm: 1000, brand: 650 });
    expect(byId.get('swiftbuy')).toMatchObject({ kind: 'digital', pricePm: 900, brand: 450, entersRound: 4 });
    const tier3 = scenario.territories.filter((t) => t.tier === 3).map((t) => t.id);
    expect(byId.get('local-sme')).toMatchObject({ kind: 'sme', pricePm: 820, brand: 350, territories: tier3 });
    const tier1 = scenario.territories.filter((t) => t.tier === 1).map((t) => t.id);
    expect(byId.get('crossover')).toMatchObject({ kind: 'cross-industry', brand: 300, territories: tier1 });

    expect(scenario.keyAccounts).toHaveLength(16);
    for (const k of scenario.keyAccounts) {
      expect(k.volume).toBeGreaterThanOrEqual(150);
      expect(k.volume).toBeLessThanOrEqual(900);
      expect(k.contractEnd).toBeGreaterThanOrEqual(3);
      expect(k.contractEnd).toBeLessThanOrEqual(14);
      expect(byId.get(k.supplier)?.kind).not.toBe('team');
    }
    expect(new Set(scenario.keyAccounts.map((k) => k.territory)).size).toBe(6);

    expect(scenario.shocks.map((s) => [s.kind, s.round, s.magnitudePm, s.duration, s.signalled])).toEqual([
      ['supply-disruption', 5, 700, 2, false],
      ['downturn', 7, 100, 3, true],
      ['policy-support', 9, 80, 4, true],
    ]);
    const policy = scenario.shocks.find((s) => s.kind === 'policy-support')!;
    expect(scenario.territories.find((t) => t.id === policy.territory)?.tier).toBe(2);
    expect(scenario.objectives.length).toBeGreaterThanOrEqual(3);
    expect(scenario.coefficients).toEqual(DEFAULT_COEFFICIENTS);
  });

  it('the benchmark scenario parses and has the size it promises', () => {
    const { scenario } = ok(parseScenario(fileText('benchmark.json'), 'benchmark.json'));
    expect(scenario.id).toBe('benchmark');
    expect(scenario.rounds).toBe(12);
    expect(scenario.territories).toHaveLength(16);
    expect(new Set(scenario.territories.map((t) => t.tier))).toEqual(new Set([1, 2, 3]));
    const customers = scenario.territories.reduce((n, t) => n + SEGMENTS.reduce((m, s) => m + t.customers[s], 0), 0);
    expect(customers).toBe(10_000);
    expect(scenario.firms).toHaveLength(8);
    expect(scenario.firms.map((f) => f.kind).sort()).toEqual(['brand', 'digital', 'group', 'sme', 'team', 'team', 'team', 'team']);
    for (const f of scenario.firms) expect(f.reps).toBe(12);
    expect(scenario.keyAccounts).toHaveLength(16);
  });

  it('every shipped text is present in all three languages', () => {
    for (const name of ['workshop.json', 'benchmark.json']) {
      const { scenario } = ok(parseScenario(fileText(name)));
      const texts = [
        scenario.title,
        scenario.briefing,
        ...scenario.objectives.map((o) => o.text),
        ...scenario.debrief.map((d) => d.prompt),
        ...scenario.guide.map((g) => g.text),
        ...scenario.territories.map((t) => t.name),
        ...scenario.firms.map((f) => f.name),
        ...scenario.keyAccounts.map((k) => k.name),
        ...scenario.shocks.map((s) => s.title),
      ];
      for (const t of texts) for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) expect(t[lang].trim()).not.toBe('');
    }
  });
});

describe('defaults', () => {
  it('fills every omitted field', () => {
    const { scenario } = ok(parseValue(minimal()));
    expect(scenario.version).toBe(1);
    expect(scenario.objectives).toEqual([]);
    expect(scenario.shocks).toEqual([]);
    expect(scenario.market.baselineGrowthBp).toBe(800);
    expect(scenario.territories.every((t) => t.policyPm === 0)).toBe(true);
    const team = scenario.firms[0]!;
    expect(team).toMatchObject({ territories: [], entersRound: 1, quality: 500 });
    expect(scenario.firms[2]!.territories).toEqual(['hills']);
    expect(scenario.coefficients).toEqual(DEFAULT_COEFFICIENTS);
    const bare = minimal();
    delete bare.keyAccounts;
    expect(ok(parseValue(bare)).scenario.keyAccounts).toEqual([]);
  });

  it('an empty coefficients object is the defaults, and the defaults are themselves valid', () => {
    expect(coefficientsSchema.parse({})).toEqual(DEFAULT_COEFFICIENTS);
    expect(coefficientsSchema.parse(DEFAULT_COEFFICIENTS)).toEqual(DEFAULT_COEFFICIENTS);
  });

  it('a partial override changes only what it names, at any depth', () => {
    const s = minimal();
    s.coefficients = {
      demand: { takeUpAtStartBp: 8000 },
      team: { incentives: { development: { moralePoints: 9 } } },
      attraction: { priceExponent: [1, 2, 3] },
    };
    const { coefficients } = ok(parseValue(s)).scenario;
    expect(coefficients.demand).toEqual({ ...DEFAULT_COEFFICIENTS.demand, takeUpAtStartBp: 8000 });
    expect(coefficients.team.incentives.development).toEqual({ ...DEFAULT_COEFFICIENTS.team.incentives.development, moralePoints: 9 });
    expect(coefficients.team.incentives.recognition).toEqual(DEFAULT_COEFFICIENTS.team.incentives.recognition);
    expect(coefficients.attraction.priceExponent).toEqual([1, 2, 3]);
    expect(coefficients.funnel).toEqual(DEFAULT_COEFFICIENTS.funnel);
  });

  it('parsed defaults are fresh objects, so one scenario cannot change another', () => {
    const a = ok(parseValue(minimal())).scenario;
    const b = ok(parseValue(minimal())).scenario;
    expect(a.objectives).not.toBe(b.objectives);
    expect(a.coefficients.attraction.priceExponent).not.toBe(b.coefficients.attraction.priceExponent);
    expect(a.coefficients.attraction.priceExponent).not.toBe(DEFAULT_COEFFICIENTS.attraction.priceExponent);
  });

  it('drops "$schema"', () => {
    const s = { $schema: './scenario.schema.json', ...minimal() };
    expect(ok(parseValue(s)).scenario).not.toHaveProperty('$schema');
  });
});

describe('hash', () => {
  it('depends on content, not on layout, key order or spelled-out defaults', () => {
    const base = ok(parseValue(minimal())).hash;
    const reordered = Object.fromEntries(Object.entries(minimal()).reverse());
    expect(ok(parseScenario(JSON.stringify(reordered, null, 4))).hash).toBe(base);
    const explicit = { ...minimal(), version: 1, objectives: [], shocks: [], coefficients: DEFAULT_COEFFICIENTS, $schema: 'x' };
    expect(ok(parseValue(explicit)).hash).toBe(base);
    const changed = minimal();
    changed.rounds = 7;
    expect(ok(parseValue(changed)).hash).not.toBe(base);
  });
});

describe('problems', () => {
  it('a missing field', () => {
    const r = parseValue((() => {
      const s = minimal();
      delete s.territories[2].tier;
      return s;
    })());
    const p = problemAt(r, '$.territories[2].tier');
    expect(p.message).toBe('Missing required field "tier": expected one of 1, 2 or 3.');
  });

  it('a wrong type', () => {
    const s = minimal();
    s.rounds = '12';
    const p = problemAt(parseValue(s), '$.rounds');
    expect(p.message).toBe('Expected an integer from 1 to 36, found the text "12".');
  });

  it('a fraction where an integer is expected', () => {
    const s = minimal();
    s.territories[0].potential = 1234.5;
    expect(problemAt(parseValue(s), '$.territories[0].potential').message).toContain('not a whole number');
  });

  it('an out-of-range tier and potential', () => {
    const s = minimal();
    s.territories[1].tier = 4;
    s.territories[1].potential = 50;
    const r = parseValue(s);
    expect(problemAt(r, '$.territories[1].tier').message).toBe('Expected one of 1, 2 or 3, found the number 4.');
    expect(problemAt(r, '$.territories[1].potential').message).toBe('Expected an integer from 100 to 50000, found the number 50.');
  });

  it('an unknown territory in a key account', () => {
    const s = minimal();
    s.keyAccounts[0].territory = 'west';
    const p = problemAt(parseValue(s), '$.keyAccounts[0].territory');
    expect(p.message).toContain('"west"');
    expect(p.hint).toContain('"north"');
  });

  it('an unknown supplier, and a supplier that does not sell in the territory', () => {
    const s = minimal();
    s.keyAccounts[0].supplier = 'nobody';
    expect(problemAt(parseValue(s), '$.keyAccounts[0].supplier').message).toContain('unknown firm "nobody"');
    s.keyAccounts[0].supplier = 'locals';
    expect(problemAt(parseValue(s), '$.keyAccounts[0].supplier').message).toContain('does not sell there');
  });

  it('a duplicate firm id', () => {
    const s = minimal();
    s.firms[2].id = 'rival';
    const p = problemAt(parseValue(s), '$.firms[2].id');
    expect(p.message).toContain('Duplicate firm id "rival"');
    expect(p.message).toContain('firms[1]');
  });

  it('duplicate territory, key account and shock ids', () => {
    const shock = { id: 'dip', kind: 'downturn', round: 2, duration: 2, territory: '', magnitudePm: 100, signalled: true, title: text('Dip') };
    const paths = pathsAfter((s) => {
      s.territories[1].id = 'north';
      s.keyAccounts.push({ ...s.keyAccounts[0] });
      s.shocks = [shock, shock];
    });
    expect(paths).toEqual(expect.arrayContaining(['$.territories[1].id', '$.keyAccounts[1].id', '$.shocks[1].id']));
  });

  it('bad JSON names the line and column', () => {
    const p = problems(parseScenario('{\n  "id": "x",\n  "rounds": 12,\n}', 'bad.json'));
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('$');
    expect(p[0]!.message).toContain('line 4, column 1');
    expect(p[0]!.message).toContain('bad.json');
    expect(p[0]!.hint).toContain('comma');
  });

  it('an empty or blank text', () => {
    for (const t of ['', '  \n\t ', '\uFEFF']) {
      const p = problems(parseScenario(t));
      expect(p).toEqual([expect.objectContaining({ path: '$', message: expect.stringContaining('empty') })]);
    }
  });

  it('a text over 5 MB is refused before JSON.parse', () => {
    const big = `{"id":"${'x'.repeat(6 * 1024 * 1024)}"}`;
    const spy = vi.spyOn(JSON, 'parse');
    try {
      const p = problems(parseScenario(big));
      expect(p).toEqual([expect.objectContaining({ path: '$', message: expect.stringContaining('too large') })]);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('counts UTF-8 bytes against the limit, not characters', () => {
    const chars = Math.floor(MAX_SCENARIO_BYTES / 3) + 10; // under the limit in characters, over it in bytes
    const p = problems(parseScenario(`"${'界'.repeat(chars)}"`));
    expect(p[0]!.message).toContain('too large');
  });

  it('null, an array, a number or a string at the top', () => {
    for (const t of ['null', '[]', '[{"id":"x"}]', '42', '"workshop"', 'true']) {
      const p = problems(parseScenario(t));
      expect(p).toHaveLength(1);
      expect(p[0]!.path).toBe('$');
      expect(p[0]!.message).toMatch(/^Expected a JSON object/);
    }
  });

  it('a deep unknown key, with a did-you-mean hint', () => {
    const s = minimal();
    s.coefficients = { team: { incentives: { recognition: { moralePoint: 3 } } } };
    s.territories[0].customers.young_digital = 4;
    const r = parseValue(s);
    const deep = problemAt(r, '$.coefficients.team.incentives.recognition.moralePoint');
    expect(deep.message).toContain('Unknown field "moralePoint"');
    expect(deep.hint).toBe('Did you mean "moralePoints"?');
    expect(problemAt(r, '$.territories[0].customers.young_digital').hint).toBe('Did you mean "young-digital"?');
  });

  it('an unknown top-level key lists what is allowed when nothing is close', () => {
    const s = minimal();
    s.zzzzzzzzzzzz = 1;
    const p = problemAt(parseValue(s), '$.zzzzzzzzzzzz');
    expect(p.hint).toContain('"territories"');
  });

  it('guesses a field only when it is close', () => {
    const s = minimal();
    s.title.fr = 'Petit';
    const p = problemAt(parseValue(s), '$.title.fr');
    expect(p.hint).toBe('Allowed fields here: "zh-CN", "zh-TW", "en".');
  });

  it('texts need all three languages, none blank', () => {
    const s = minimal();
    delete s.title.en;
    s.briefing['zh-CN'] = '   ';
    const r = parseValue(s);
    expect(problemAt(r, '$.title.en').message).toContain('Missing required field "en"');
    expect(problemAt(r, '$.briefing["zh-CN"]').message).toContain('non-empty');
  });

  it('ids must be kebab-case', () => {
    const s = minimal();
    s.firms[1].id = 'Rival_1';
    const p = problemAt(parseValue(s), '$.firms[1].id');
    expect(p.message).toContain('kebab-case');
    expect(p.message).toContain('"Rival_1"');
  });

  it('semantic rules, each at its own path', () => {
    const cases: [string, (s: Record<string, any>) => void][] = [
      ['$.keyAccounts[0].contractEnd', (s) => (s.keyAccounts[0].contractEnd = s.rounds + 13)],
      ['$.shocks[0].round', (s) => (s.shocks = [{ id: 'late', kind: 'downturn', round: 7, duration: 1, territory: '', magnitudePm: 100, signalled: true, title: text('Late') }])],
      ['$.shocks[0].territory', (s) => (s.shocks = [{ id: 'x', kind: 'policy-support', round: 2, duration: 1, territory: 'west', magnitudePm: 80, signalled: true, title: text('X') }])],
      ['$.firms', (s) => (s.firms[0].kind = 'brand')],
      ['$.product.unitCost', (s) => (s.product.unitCost = 1000)],
      ['$.territories[1].customers', (s) => (s.territories[1].customers = { sme: 0, 'young-digital': 0, traditional: 0 })],
      ['$.firms[1].entersRound', (s) => (s.firms[1].entersRound = 7)],
      ['$.firms[2].territories[1]', (s) => (s.firms[2].territories = ['hills', 'west'])],
      ['$.market.seasonPm', (s) => (s.market.seasonPm = Array(11).fill(1000))],
      ['$.coefficients.customers.csatWeights', (s) => (s.coefficients = { customers: { csatWeights: [40, 25, 20, 20] } })],
      ['$.keyAccounts[0].supplier', (s) => (s.firms[1].entersRound = 3)],
      ['$.firms[0].entersRound', (s) => (s.firms[0].entersRound = 2)],
      ['$.shocks[0].magnitudePm', (s) => (s.shocks = [{ id: 'crash', kind: 'downturn', round: 2, duration: 1, territory: '', magnitudePm: 1500, signalled: true, title: text('Crash') }])],
      ['$.coefficients.kpi.weightsNew', (s) => (s.coefficients = { kpi: { weightsNew: { coverage: 50 } } })],
      ['$.coefficients.customers.renewalLatestRounds', (s) => (s.coefficients = { customers: { renewalLatestRounds: 7 } })],
      ['$.coefficients.demand.takeUpAtStartBp', (s) => (s.coefficients = { demand: { takeUpAtStartBp: 10_000 } })],
    ];
    for (const [path, edit] of cases) {
      const paths = pathsAfter(edit);
      expect(paths, path).toContain(path);
    }
  });

  it('a shock with territory "" hits the whole region and is valid', () => {
    const s = minimal();
    s.shocks = [{ id: 'dip', kind: 'downturn', round: 6, duration: 3, territory: '', magnitudePm: 100, signalled: true, title: text('Dip') }];
    expect(ok(parseValue(s)).scenario.shocks[0]!.territory).toBe('');
  });

  it('a list of the wrong length says what it expected and found', () => {
    const s = minimal();
    s.market.seasonPm = [1000, 1000];
    expect(problemAt(parseValue(s), '$.market.seasonPm').message).toBe('Expected a list of exactly 12 items, found 2 items.');
  });

  it('caps a flood of problems', () => {
    const s = minimal();
    s.territories = Array.from({ length: 60 }, () => ({ tier: 9 }));
    const p = problems(parseValue(s));
    expect(p.length).toBeLessThanOrEqual(101);
    expect(p[p.length - 1]!.message).toMatch(/more problems/);
  });

  it('parseScenarioValue never throws on values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { ...minimal() };
    cyclic.self = cyclic;
    for (const v of [undefined, Symbol('x'), () => 1, new Map(), Object.create(null), cyclic, { ...minimal(), rounds: NaN }, { ...minimal(), rounds: Infinity }]) {
      const r = parseScenarioValue(v);
      expect(r.ok).toBe(false);
    }
    expect((parseScenario as (t: unknown) => ScenarioParseResult)(undefined).ok).toBe(false);
    expect((parseScenario as (t: unknown) => ScenarioParseResult)(42).ok).toBe(false);
  });
});

describe('jsonPath', () => {
  it('writes plain keys with dots, other keys in brackets, indices in brackets', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['territories', 2, 'tier'])).toBe('$.territories[2].tier');
    expect(jsonPath(['title', 'zh-CN'])).toBe('$.title["zh-CN"]');
    expect(jsonPath(['a b', '$schema'])).toBe('$["a b"].$schema');
  });
});

describe('JSON Schema', () => {
  it('scenarios/scenario.schema.json is up to date (run `npm run scenario:schema`)', () => {
    expect(fileText('scenario.schema.json')).toBe(scenarioJsonSchemaText());
  });

  it('describes the input side: defaulted fields are optional, unknown keys are refused', () => {
    const schema = scenarioJsonSchema() as { required: string[]; additionalProperties: boolean; properties: Record<string, any> };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'briefing', 'rounds', 'territories', 'firms']));
    for (const optional of ['$schema', 'version', 'objectives', 'keyAccounts', 'shocks', 'coefficients']) expect(schema.required).not.toContain(optional);
    expect(schema.additionalProperties).toBe(false);
    const firm = schema.properties.firms.items;
    expect(firm.required).not.toContain('quality');
    expect(firm.required).not.toContain('entersRound');
    expect(firm.properties.quality.default).toBe(500);
    expect(schema.properties.coefficients.properties.demand.properties.takeUpAtStartBp.default).toBe(DEFAULT_COEFFICIENTS.demand.takeUpAtStartBp);
  });
});
