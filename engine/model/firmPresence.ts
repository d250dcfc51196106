import type { Coefficients } from './coefficients.ts';
import type { Scenario } from './scenario.ts';
import type { FirmState } from './state.ts';

export function firmPresent(firm: Pick<FirmState, 'territories'>, territoryId: string): boolean {
  return firm.territories.includes(territoryId);
}

/** Productivity of an average AI rep: skill 55, morale 65, no conflict (the effort formula of effort.ts). */
export function aiRepEfficiency(c: Coefficients['team']): number {
  return ((c.skillBasePm + 55 * c.skillSlopePm) / 1000) * (0.7 + 0.006 * 65);
}

/** Effective call-units an AI firm puts into a territory: its reps spread by potential. */
export function aiEffort(scenario: Scenario, firm: FirmState, territoryId: string, reps: number): number {
  if (!firmPresent(firm, territoryId)) return 0;
  let total = 0;
  let here = 0;
  for (const t of scenario.territories) {
    if (!firmPresent(firm, t.id)) continue;
    total += t.potential;
    if (t.id === territoryId) here = t.potential;
  }
  if (total === 0) return 0;
  return ((reps * scenario.coefficients.effort.repCapacityHours * here) / total) * aiRepEfficiency(scenario.coefficients.team);
}

export function aiEffortPerK(scenario: Scenario, firm: FirmState, territoryId: string): number {
  const spec = scenario.firms.find((f) => f.id === firm.id);
  return aiEffort(scenario, firm, territoryId, spec?.reps ?? 0);
}
