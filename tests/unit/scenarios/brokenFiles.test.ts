import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioProblem } from '../../../scenarios/load.ts';

/**
 * Broken scenario files as an author produces them: each is the shipped workshop file with one
 * kind of mistake. Every one must come back as problems naming where the mistake is, never as an
 * exception.
 */
const workshopText = readFileSync(new URL('../../../scenarios/workshop.json', import.meta.url), 'utf8');
const edited = (edit: (s: any) => void) => {
  const s = JSON.parse(workshopText);
  edit(s);
  return JSON.stringify(s, null, 2);
};

const BROKEN: readonly { name: string; text: () => string; path: string; says: RegExp }[] = [
  { name: 'missing id', text: () => edited((s) => delete s.id), path: '$.id', says: /Missing required field "id"/ },
  { name: 'missing territory name', text: () => edited((s) => delete s.territories[3].name), path: '$.territories[3].name', says: /Missing required field "name"/ },
  { name: 'missing English title', text: () => edited((s) => delete s.title.en), path: '$.title.en', says: /Missing required field "en"/ },
  { name: 'rounds as text', text: () => edited((s) => (s.rounds = 'twelve')), path: '$.rounds', says: /Expected an integer from 1 to 36, found the text "twelve"/ },
  { name: 'customers as a number', text: () => edited((s) => (s.territories[0].customers = 400)), path: '$.territories[0].customers', says: /Expected an object/ },
  { name: 'signalled as a string', text: () => edited((s) => (s.shocks[0].signalled = 'yes')), path: '$.shocks[0].signalled', says: /Expected true or false/ },
  { name: 'unknown supplier', text: () => edited((s) => (s.keyAccounts[2].supplier = 'acme')), path: '$.keyAccounts[2].supplier', says: /unknown firm "acme"/ },
  { name: 'unknown territory of a shock', text: () => edited((s) => (s.shocks[2].territory = 'atlantis')), path: '$.shocks[2].territory', says: /unknown territory "atlantis"/ },
  { name: 'unknown territory of a firm', text: () => edited((s) => (s.firms[11].territories = ['yunling', 'mars'])), path: '$.firms[11].territories[1]', says: /unknown territory "mars"/ },
  { name: 'unknown shock kind', text: () => edited((s) => (s.shocks[0].kind = 'earthquake')), path: '$.shocks[0].kind', says: /one of "supply-disruption"/ },
  { name: 'unknown field', text: () => edited((s) => (s.territories[0].potentail = 5)), path: '$.territories[0].potentail', says: /Unknown field "potentail"/ },
  { name: 'duplicate key-account id', text: () => edited((s) => (s.keyAccounts[5].id = s.keyAccounts[4].id)), path: '$.keyAccounts[5].id', says: /Duplicate key account id/ },
  { name: 'tier out of range', text: () => edited((s) => (s.territories[2].tier = 5)), path: '$.territories[2].tier', says: /one of 1, 2 or 3, found the number 5/ },
  { name: 'negative budget', text: () => edited((s) => (s.firms[0].budget = -1)), path: '$.firms[0].budget', says: /Expected an integer from 0 to/ },
  { name: 'contract ends after the game', text: () => edited((s) => (s.keyAccounts[0].contractEnd = 40)), path: '$.keyAccounts[0].contractEnd', says: /expected a round from 1 to/ },
  { name: 'KPI weights not adding to 100', text: () => edited((s) => (s.coefficients = { kpi: { weightsMature: { profit: 70 } } })), path: '$.coefficients.kpi.weightsMature', says: /add up to 100, found 130/ },
  { name: 'blank Chinese text', text: () => edited((s) => (s.briefing['zh-CN'] = '   ')), path: '$.briefing["zh-CN"]', says: /non-empty text/ },
  { name: 'trailing comma', text: () => workshopText.replace('"version": 1,', '"version": 1,,'), path: '$', says: /not valid JSON: at line \d+, column \d+/ },
  { name: 'cut off half way', text: () => workshopText.slice(0, workshopText.length >> 1), path: '$', says: /not valid JSON/ },
  { name: 'single quotes', text: () => workshopText.replace('"id": "workshop"', "'id': 'workshop'"), path: '$', says: /not valid JSON/ },
  { name: 'empty file', text: () => '', path: '$', says: /is empty/ },
  { name: 'only a byte-order mark and spaces', text: () => '\uFEFF  \n', path: '$', says: /is empty/ },
  { name: 'a list at the top', text: () => '[]', path: '$', says: /Expected a JSON object/ },
  { name: '50 MB of spaces around the scenario', text: () => workshopText + ' '.repeat(50 * 1024 * 1024), path: '$', says: /too large: expected at most 5 MB/ },
];

describe.each(BROKEN)('a broken scenario file: $name', ({ text, path, says }) => {
  it('gives a problem at its path, and does not throw', () => {
    let result: ReturnType<typeof parseScenario> | undefined;
    expect(() => (result = parseScenario(text(), 'broken.json'))).not.toThrow();
    expect(result!.ok).toBe(false);
    const problems = (result as { problems: readonly ScenarioProblem[] }).problems;
    const here = problems.filter((p) => p.path === path);
    expect(here.length, JSON.stringify(problems, null, 2)).toBeGreaterThan(0);
    expect(here.map((p) => p.message).join('\n')).toMatch(says);
    for (const p of problems) expect(p.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
