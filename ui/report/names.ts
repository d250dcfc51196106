import type { Locale } from '../../engine/i18n/locale.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { firmIndexOf, teamsInMarket } from '../../engine/session/teams.ts';
import { t } from '../i18n/t.ts';
import { repName } from '../view/repNames.ts';

/** The names a reader of the report sees instead of ids, in the report's language. */
export interface ReportNames {
  readonly locale: Locale;
  /** A territory's name; '' is the whole region. */
  territory(id: string): string;
  /** A firm of market `market`: a team slot carries the name of the team that plays it. */
  firm(market: number, index: number): string;
  /** The index of a firm from its id (the same in every market); -1 for none. */
  firmIndex(id: string): number;
  account(id: string): string;
  rep(id: string): string;
}

/** A key account grown from the long tail has an id like `binjiang-up7-1284`. */
const UPGRADED = /^(.+)-up(\d+)-(\d+)$/;

export function reportNames(state: SessionState, locale: Locale): ReportNames {
  const scenario = state.scenario!;
  const territory = (id: string) => (id === '' ? t(locale, 'results.whole-region') : (scenario.territories.find((x) => x.id === id)?.name[locale] ?? id));
  const playing = state.markets.map((_, m) => new Map(teamsInMarket(state, m).map((team) => [firmIndexOf(state, team), team.name])));
  return {
    locale,
    territory,
    firm: (market, index) => playing[market]?.get(index) ?? scenario.firms[index]?.name[locale] ?? '—',
    firmIndex: (id) => scenario.firms.findIndex((f) => f.id === id),
    account: (id) => {
      const spec = scenario.keyAccounts.find((k) => k.id === id);
      if (spec) return spec.name[locale];
      const grown = UPGRADED.exec(id);
      return grown ? t(locale, 'report.account.grown', { territory: territory(grown[1]!), round: grown[2]!, customer: grown[3]! }) : id;
    },
    rep: (id) => repName(id, locale),
  };
}
