import type { RoundOutcome } from './outcome.ts';
import type { DebriefPrompt, DebriefTrigger, Scenario } from './scenario.ts';

/** A fall in a territory's share, bp, that counts as a moment worth talking about. */
export const SHARE_DROP_BP = 200;
/** Morale below this is a team in trouble. */
export const LOW_MORALE = 50;

export interface DebriefMoment {
  /** The round after which the prompt is shown. */
  readonly round: number;
  readonly prompt: DebriefPrompt;
}

type Test = (now: RoundOutcome, before: RoundOutcome | undefined, firm: number) => boolean;

const HAPPENED: Readonly<Record<Exclude<DebriefTrigger, 'round-end'>, Test>> = {
  'account-lost': (now, _b, fi) => now.accounts.some((a) => a.previousSupplier === fi && a.supplier !== fi),
  'account-won': (now, _b, fi) => now.accounts.some((a) => a.supplier === fi && a.previousSupplier !== fi),
  'rep-left': (now, _b, fi) => (now.firms[fi]?.leavers.length ?? 0) > 0,
  'kpi-red': (now, _b, fi) => (now.firms[fi]?.kpis ?? []).some((k) => k.lights.includes('red')),
  'share-drop': (now, before, fi) =>
    before !== undefined &&
    now.territories.some((t, ti) => (before.territories[ti]?.shareBp[fi] ?? 0) - (t.shareBp[fi] ?? 0) >= SHARE_DROP_BP),
  'morale-low': (now, _b, fi) => (now.firms[fi]?.morale ?? 100) < LOW_MORALE,
  negotiation: (now, _b, fi) => now.negotiations.some((n) => n.firm === fi),
};

/**
 * The debrief prompts a team's game calls for, in order: a `round-end` prompt after its round,
 * any other the first time its event happens to the firm from its round on. `outcomes` are the
 * market's outcomes by round, from round 1; `firm` is the team's index in them.
 */
export function debriefMoments(scenario: Scenario, outcomes: readonly RoundOutcome[], firm: number): DebriefMoment[] {
  const moments: DebriefMoment[] = [];
  for (const prompt of scenario.debrief) {
    if (prompt.trigger === 'round-end') {
      if (outcomes.some((o) => o.round === prompt.round)) moments.push({ round: prompt.round, prompt });
      continue;
    }
    const test = HAPPENED[prompt.trigger];
    for (let i = 0; i < outcomes.length; i++) {
      const now = outcomes[i]!;
      if (now.round >= prompt.round && test(now, outcomes[i - 1], firm)) {
        moments.push({ round: now.round, prompt });
        break;
      }
    }
  }
  return moments.sort((a, b) => a.round - b.round);
}
