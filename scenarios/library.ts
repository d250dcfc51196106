/**
 * The scenarios that ship with Shapan. They are JSON modules, so the browser bundle and Node
 * read the same files the author edits; each still goes through `parseScenarioValue`, so a
 * built-in scenario gets no more trust than one a facilitator uploads.
 */
import benchmark from './benchmark.json' with { type: 'json' };
import headAndTail from './head-and-tail.json' with { type: 'json' };
import matureRegion from './mature-region.json' with { type: 'json' };
import newTerritory from './new-territory.json' with { type: 'json' };
import supplyDisruption from './supply-disruption.json' with { type: 'json' };
import teamInTrouble from './team-in-trouble.json' with { type: 'json' };
import tutorial from './tutorial.json' with { type: 'json' };
import workshop from './workshop.json' with { type: 'json' };
import type { LocalizedText } from '../engine/model/scenario.ts';
import { parseScenarioValue, type ScenarioParseResult } from './load.ts';

export const DEFAULT_SCENARIO_ID = 'workshop';

export interface BuiltInScenario {
  readonly id: string;
  readonly title: LocalizedText;
  /** The scenario file's JSON value, as shipped. */
  readonly data: unknown;
  /** The file's text, for an author to download and edit. */
  readonly text: string;
}

function builtIn(data: { id: string; title: LocalizedText }): BuiltInScenario {
  return {
    id: data.id,
    title: data.title,
    data,
    get text() {
      return `${JSON.stringify(data, null, 2)}\n`;
    },
  };
}

/** Built-in scenarios, the default first. */
export const builtInScenarios: readonly BuiltInScenario[] = [builtIn(workshop), builtIn(tutorial), builtIn(newTerritory), builtIn(matureRegion), builtIn(supplyDisruption), builtIn(teamInTrouble), builtIn(headAndTail), builtIn(benchmark)];

export function builtInIds(): string[] {
  return builtInScenarios.map((s) => s.id);
}

/** Parses a built-in scenario; an unknown id gives `ok: false` with the known ids in the hint. */
export function loadBuiltIn(id: string): ScenarioParseResult {
  const entry = builtInScenarios.find((s) => s.id === id);
  if (!entry) {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message: `There is no built-in scenario "${id}".`,
          hint: `Built-in scenarios: ${builtInIds()
            .map((s) => `"${s}"`)
            .join(', ')}.`,
        },
      ],
    };
  }
  return parseScenarioValue(entry.data);
}
