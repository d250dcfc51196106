import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioParseResult, type ScenarioProblem } from '../../../scenarios/load.ts';
import { minimal, text } from '../../support/minimalScenario.ts';

const parse = (value: unknown) => parseScenario(JSON.stringify(value));

function problems(result: ScenarioParseResult): readonly ScenarioProblem[] {
  if (result.ok) throw new Error('expected problems, the scenario parsed');
  return result.problems;
}

function pathsAfter(edit: (s: Record<string, any>) => void): string[] {
  const s = minimal();
  edit(s);
  return problems(parse(s)).map((p) => p.path);
}

describe('every problem at once', () => {
  it('reports type errors and whole-file rules in the same pass', () => {
    const s = minimal();
    s.territories[1].tier = 9; // a type error
    s.keyAccounts[0].territory = 'west'; // an unknown reference
    s.firms[2].id = 'rival'; // a duplicate id
    s.product.unitCost = 1200; // a rule across two fields
    const paths = problems(parse(s)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['$.territories[1].tier', '$.keyAccounts[0].territory', '$.firms[2].id', '$.product.unitCost']),
    );
  });

  it('skips a rule whose inputs have the wrong type, so nothing is reported twice', () => {
    const s = minimal();
    s.rounds = 'six';
    s.keyAccounts[0].contractEnd = 'soon';
    s.keyAccounts[0].supplier = 17;
    const p = problems(parse(s));
    const paths = p.map((x) => x.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['$.rounds', '$.keyAccounts[0].contractEnd', '$.keyAccounts[0].supplier']));
    expect(p.find((x) => x.path === '$.keyAccounts[0].supplier')!.message).not.toContain('unknown firm');
  });

  it('survives lists of the wrong shape anywhere', () => {
    for (const edit of [
      (s: Record<string, any>) => (s.territories = 'many'),
      (s: Record<string, any>) => (s.firms = [null, 3, 'x', []]),
      (s: Record<string, any>) => (s.keyAccounts = [{ id: 5 }, { territory: [] }]),
      (s: Record<string, any>) => (s.coefficients = { kpi: 'none' }),
      (s: Record<string, any>) => (s.coefficients = { kpi: { weightsNew: [1, 2] } }),
      (s: Record<string, any>) => (s.coefficients = []),
      (s: Record<string, any>) => (s.debrief = { id: 'x' }),
      (s: Record<string, any>) => (s.guide = [7, null]),
      (s: Record<string, any>) => (s.firms[0].start = { vacancies: 'north' }),
    ]) {
      expect(() => pathsAfter(edit)).not.toThrow();
      expect(pathsAfter(edit).length).toBeGreaterThan(0);
    }
  });

  it('a partly written weights object is completed from the defaults before it is summed', () => {
    // Defaults are coverage 40, revenue 25: moving five points between them still adds up to 100.
    expect(parse({ ...minimal(), coefficients: { kpi: { weightsNew: { coverage: 45, revenue: 20 } } } }).ok).toBe(true);
    expect(pathsAfter((s) => (s.coefficients = { kpi: { weightsNew: { coverage: 45 } } }))).toEqual(['$.coefficients.kpi.weightsNew']);
  });
});

describe('team start', () => {
  const start = { morale: 42, conflict: 65, vacancies: ['north', 'south'] };

  it('is valid on a team firm and fills its defaults', () => {
    const s = minimal();
    s.firms[0].start = { morale: 40 };
    const r = parse(s);
    expect(r.ok && r.scenario.firms[0]!.start).toEqual({ morale: 40, conflict: 20, vacancies: [] });
    s.firms[0].start = start;
    expect(parse(s).ok).toBe(true);
  });

  it('is refused on an AI firm', () => {
    const p = problems(parse({ ...minimal(), firms: minimal().firms.map((f: any, i: number) => (i === 1 ? { ...f, start } : f)) }));
    expect(p.find((x) => x.path === '$.firms[1].start')!.message).toContain('only team firms');
  });

  it('names a vacancy in an unknown territory or one the firm does not sell in', () => {
    expect(pathsAfter((s) => (s.firms[0].start = { ...start, vacancies: ['west'] }))).toContain('$.firms[0].start.vacancies[0]');
    expect(
      pathsAfter((s) => {
        s.firms[0].territories = ['north'];
        s.firms[0].start = { ...start, vacancies: ['north', 'hills'] };
      }),
    ).toEqual(['$.firms[0].start.vacancies[1]']);
  });

  it('keeps morale and conflict in range', () => {
    expect(pathsAfter((s) => (s.firms[0].start = { morale: 140, conflict: -1 }))).toEqual([
      '$.firms[0].start.morale',
      '$.firms[0].start.conflict',
    ]);
  });
});

describe('objectives, debrief prompts and guide notes', () => {
  const prompt = (id: string, round: number) => ({ id, trigger: 'round-end', round, framework: 'smart-targets', prompt: text('Why?') });

  it('an objective names a framework of the deck', () => {
    expect(pathsAfter((s) => (s.objectives = [{ framework: 'astrology', text: text('x') }]))).toEqual(['$.objectives[0].framework']);
    expect(pathsAfter((s) => (s.objectives = [text('bare text')]))).toEqual(
      expect.arrayContaining(['$.objectives[0].framework', '$.objectives[0].text']),
    );
  });

  it('debrief prompts have their own ids and rounds inside the game', () => {
    expect(pathsAfter((s) => (s.debrief = [prompt('a', 1), prompt('a', 2)]))).toEqual(['$.debrief[1].id']);
    expect(pathsAfter((s) => (s.debrief = [prompt('late', 9)]))).toEqual(['$.debrief[0].round']);
    expect(pathsAfter((s) => (s.debrief = [{ ...prompt('x', 1), trigger: 'someday' }]))).toEqual(['$.debrief[0].trigger']);
  });

  it('a decision topic is explained once, in a round of the game', () => {
    const note = (topic: string, round: number) => ({ topic, round, text: text('How it works.') });
    expect(pathsAfter((s) => (s.guide = [note('pricing', 1), note('pricing', 2)]))).toEqual(['$.guide[1].topic']);
    expect(pathsAfter((s) => (s.guide = [note('budget', 7)]))).toEqual(['$.guide[0].round']);
    expect(pathsAfter((s) => (s.guide = [note('golf', 1)]))).toEqual(['$.guide[0].topic']);
    const r = parse({ ...minimal(), guide: [{ topic: 'budget', text: text('x') }] });
    expect(r.ok && r.scenario.guide[0]!.round).toBe(1);
  });
});
