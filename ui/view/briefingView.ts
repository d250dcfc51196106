import type { Locale } from '../../engine/i18n/locale.ts';
import { SEGMENTS } from '../../engine/model/scenario.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { t } from '../i18n/t.ts';
import { formatBp, formatCount, formatMoney, formatPm } from './format.ts';
import { repName } from './repNames.ts';
import { teamsInMarket } from '../../engine/session/teams.ts';
import { teamContext } from './session.ts';

export interface BriefingView {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly objectives: readonly { readonly framework: string; readonly text: string }[];
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly reps: readonly { readonly name: string; readonly territory: string; readonly seniority: string; readonly morale: number; readonly skills: string }[];
  readonly teamNotes: readonly string[];
  readonly territories: readonly { readonly name: string; readonly tier: string; readonly stage: string; readonly potential: string; readonly customers: string; readonly share: string }[];
  readonly rivals: readonly { readonly name: string; readonly kind: string; readonly price: string; readonly where: string; readonly enters: string }[];
  readonly accounts: readonly { readonly name: string; readonly territory: string; readonly supplier: string; readonly volume: string; readonly contractEnd: string }[];
}

/** What the briefing screen shows: the story, the objectives, the team, the market and the rivals. */
export function briefingView(state: SessionState, locale: Locale, teamId?: string): BriefingView {
  const { scenario, market, firm, marketIndex } = teamContext(state, teamId);
  // In a shared market the other teams are rivals too (named after the team; a slot nobody took never enters).
  const bots = new Set(teamsInMarket(state, marketIndex).filter((x) => x.bot).map((x) => x.firm));
  const us = market.firms[firm]!;
  const territoryName = (id: string) => scenario.territories.find((x) => x.id === id)?.name[locale] ?? id;
  const list = scenario.product.listPrice;
  const meanMorale = us.reps.length ? Math.round(us.reps.reduce((n, r) => n + r.morale, 0) / us.reps.length) : 0;
  const teamNotes = [t(locale, 'briefing.team-morale', { morale: meanMorale, conflict: us.conflict })];
  if (us.vacancies.length > 0)
    teamNotes.push(t(locale, 'briefing.vacancies', { count: us.vacancies.length, where: us.vacancies.map((v) => territoryName(v.territory)).join(locale === 'en' ? ', ' : '、') }));
  return {
    title: scenario.title[locale],
    paragraphs: scenario.briefing[locale].split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
    objectives: scenario.objectives.map((o) => ({ framework: t(locale, `framework.${o.framework}`), text: o.text[locale] })),
    facts: [
      { label: t(locale, 'briefing.rounds'), value: t(locale, 'briefing.rounds-value', { rounds: scenario.rounds, month: scenario.startMonth }) },
      { label: t(locale, 'briefing.list-price'), value: formatMoney(locale, list) },
      { label: t(locale, 'briefing.unit-cost'), value: formatMoney(locale, scenario.product.unitCost) },
      { label: t(locale, 'briefing.budget'), value: formatMoney(locale, us.budget) },
      { label: t(locale, 'briefing.reps'), value: formatCount(locale, us.reps.length) },
    ],
    reps: us.reps.map((r) => ({
      name: repName(r.id, locale),
      territory: territoryName(r.territory),
      seniority: t(locale, r.senior ? 'rep.senior' : 'rep.junior', { months: r.tenure }),
      morale: r.morale,
      skills: t(locale, 'rep.skills', { prospecting: r.skills.prospecting, negotiation: r.skills.negotiation, accounts: r.skills.accountManagement }),
    })),
    teamNotes,
    territories: scenario.territories
      .filter((x) => us.territories.includes(x.id))
      .map((x) => {
        const ti = market.territories.findIndex((m) => m.id === x.id);
        const share = market.territories[ti]!.shareHistory.at(-1)?.[firm] ?? 0;
        return {
          name: x.name[locale],
          tier: t(locale, `tier.${x.tier}`),
          stage: t(locale, `territory-stage.${x.stage}`),
          potential: t(locale, 'briefing.units', { units: formatCount(locale, x.potential) }),
          customers: formatCount(locale, SEGMENTS.reduce((n, s) => n + x.customers[s], 0)),
          share: formatBp(locale, share),
        };
      }),
    rivals: scenario.firms
      .filter((f, fi) => fi !== firm && (f.kind !== 'team' || market.firms[fi]!.active))
      .map((f) => ({
        name: f.name[locale],
        kind: t(locale, f.kind === 'team' && bots.has(f.id) ? 'firm-kind.ai-team' : `firm-kind.${f.kind}`),
        price: formatPm(locale, f.pricePm, 0),
        where: f.territories.length === 0 ? t(locale, 'briefing.everywhere') : f.territories.map(territoryName).join(locale === 'en' ? ', ' : '、'),
        enters: f.entersRound > 1 ? t(locale, 'briefing.enters', { round: f.entersRound }) : '',
      })),
    accounts: scenario.keyAccounts.map((k) => ({
      name: k.name[locale],
      territory: territoryName(k.territory),
      supplier: scenario.firms.find((f) => f.id === k.supplier)?.name[locale] ?? k.supplier,
      volume: t(locale, 'briefing.units', { units: formatCount(locale, k.volume) }),
      contractEnd: k.contractEnd > scenario.rounds ? t(locale, 'briefing.after-game') : t(locale, 'briefing.round-n', { round: k.contractEnd }),
    })),
  };
}
