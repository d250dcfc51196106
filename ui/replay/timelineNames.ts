/** The names a timeline entry shows instead of the ids the log keeps: teams, key accounts, shocks. */
import type { Locale } from '../../engine/i18n/locale.ts';
import { accountName } from '../view/accountNames.ts';
import type { ReplaySession } from './replaySession.ts';

export interface TimelineNames {
  team(id: string): string;
  account(id: string): string;
  shock(id: string): string;
}

export function timelineNames(session: ReplaySession, locale: Locale): TimelineNames {
  const state = session.debrief.state;
  const shocks = new Map<string, string>();
  // A facilitator's shock carries its own title in the log; the scenario does not know it.
  for (const e of session.events) if (e.type === 'ShockInjected') shocks.set(e.payload.shock.id, e.payload.shock.title[locale]);
  return {
    team: (id) => state.teams.find((x) => x.id === id)?.name ?? id,
    account: (id) => (state.scenario ? accountName(state.scenario, id, locale) : id),
    shock: (id) => shocks.get(id) ?? id,
  };
}
