/**
 * A key account's name as a reader sees it. A scenario's accounts have names; one grown out of
 * the long tail (the engine's id `<territory>-up<round>-<customer>`) is named after where it
 * came from, as the report names it, so no screen shows the id.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import { t } from '../i18n/t.ts';

const UPGRADED = /^(.+)-up(\d+)-(\d+)$/;

export function accountName(scenario: Pick<Scenario, 'keyAccounts' | 'territories'>, id: string, locale: Locale): string {
  const spec = scenario.keyAccounts.find((k) => k.id === id);
  if (spec) return spec.name[locale];
  const grown = UPGRADED.exec(id);
  if (!grown) return id;
  const territory = scenario.territories.find((x) => x.id === grown[1])?.name[locale] ?? grown[1]!;
  return t(locale, 'report.account.grown', { territory, round: grown[2]!, customer: grown[3]! });
}
