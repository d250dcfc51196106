import type { LessonId } from '../model/scenario.ts';
import { REFERENCE_POLICY, withPolicy, type Policy } from './policy.ts';

/**
 * Each lesson of the deck as a paired experiment: the reference manager following the lesson,
 * against the same manager ignoring it — one change at a time. A lesson may be ignored in more
 * than one way (a target can be sandbagged or over-stretched); it holds only if following it
 * beats every way of ignoring it.
 */
export interface LessonExperiment {
  readonly id: LessonId;
  /** The policy that follows the lesson (the reference unless the lesson needs a setting of its own). */
  readonly follow: Policy;
  /** Ways of ignoring it, each one change away from `follow`, by a short id for the reports. */
  readonly ignore: readonly { readonly id: string; readonly policy: Policy }[];
}

const ref = REFERENCE_POLICY;
const variant = (id: string, changes: Partial<Policy>) => ({ id, policy: withPolicy(changes, ref) });

export const LESSONS: readonly LessonExperiment[] = [
  {
    id: 'value-selling',
    follow: ref,
    ignore: [variant('discount-only', { negotiation: 'discount-only' })],
  },
  { id: 'balanced-allocation', follow: ref, ignore: [variant('all-in-one', { seats: 'all-in-one' })] },
  {
    id: 'target-in-band',
    follow: ref,
    // With the usual band of ±8%: 90%, 100% and 120% of the baseline.
    ignore: [variant('sandbagged', { targetBandPm: -1250 }), variant('at-baseline', { targetBandPm: 0 }), variant('over-stretched', { targetBandPm: 2500 })],
  },
  { id: 'training-pays', follow: ref, ignore: [variant('no-training', { trainEvery: 0, practiceHours: 0 })] },
  { id: 'stretch-burns-morale', follow: ref, ignore: [variant('max-stretch', { targetBandPm: 3750, weekHours: 78 })] },
  { id: 'early-renewal', follow: ref, ignore: [variant('last-minute', { renewalWindow: 'own', renewalFrom: 0, renewalTo: 1 })] },
  { id: 'automation-long-tail', follow: ref, ignore: [variant('no-self-service', { automationFrom: 1_000_000 })] },
  { id: 'mediation', follow: ref, ignore: [variant('never-mediate', { mediationAbove: 100 })] },
  { id: 'key-account-care', follow: ref, ignore: [variant('neglect', { accountCarePm: 0 })] },
  // Upgrading is worth a modest share of wallet (+20–50%); the lesson is about whom to upgrade.
  { id: 'upgrade-criteria', follow: ref, ignore: [variant('upgrade-anyone', { upgrades: 'any' })] },
  {
    id: 'incentive-variety',
    follow: ref,
    ignore: [variant('same-kind', { incentiveKinds: ['development'] }), variant('same-kind-every-round', { incentiveKinds: ['development'], incentiveEvery: 1 })],
  },
  { id: 'p1-restraint', follow: ref, ignore: [variant('p1-everything', { operations: 'always', priority: 'P1', priorityAccounts: 99 })] },
];

export function lessonExperiment(id: LessonId): LessonExperiment {
  return LESSONS.find((l) => l.id === id)!;
}
