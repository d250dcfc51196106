import { describeExplanation } from '../../engine/i18n/describe.ts';
import type { Explanation } from '../../engine/model/outcome.ts';
import { t } from '../i18n/t.ts';
import { formatBp, formatCount, formatMoney, formatPm } from '../view/format.ts';
import type { ReportNames } from './names.ts';
import type { Arg, Phrase } from './phrase.ts';

const LOSS_STAGES = ['qualification', 'proposal', 'negotiation', 'closing'] as const;

function argText(arg: Arg, names: ReportNames): string | number {
  const l = names.locale;
  if (typeof arg !== 'object') return arg;
  if ('territory' in arg) return names.territory(arg.territory);
  if ('firm' in arg) return names.firm(arg.market, arg.firm);
  if ('account' in arg) return names.account(arg.account);
  if ('rep' in arg) return names.rep(arg.rep);
  if ('money' in arg) return formatMoney(l, arg.money);
  if ('bp' in arg) return formatBp(l, arg.bp);
  if ('ratio' in arg) return `${formatCount(l, Math.round(arg.ratio * 100))}%`;
  if ('points' in arg) return (Math.round(Math.abs(arg.points) / 10) / 10).toFixed(1);
  if ('pm' in arg) return formatPm(l, arg.pm, 0);
  if ('count' in arg) return formatCount(l, Math.round(arg.count));
  if ('metric' in arg) return t(l, `metric.${arg.metric}`);
  if ('lossStage' in arg) return t(l, `stage.${LOSS_STAGES[arg.lossStage] ?? 'closing'}`);
  if ('cause' in arg) return t(l, `cause.${arg.cause}`);
  if ('tier' in arg) return t(l, `tier.${arg.tier}`);
  if ('text' in arg) return arg.text[l];
  return t(l, arg.key);
}

/** A sentence of the report in the reader's language (plain text: escape it before HTML). */
export function say(p: Phrase, names: ReportNames): string {
  const params: Record<string, string | number> = {};
  for (const [name, arg] of Object.entries(p.params ?? {})) params[name] = argText(arg, names);
  return t(names.locale, p.key, params);
}

/** One of the engine's "why" items, with names instead of ids. */
export function explanationText(item: Explanation, market: number, names: ReportNames): string {
  const params: Record<string, string | number> = { ...item.params };
  if (typeof params.territory === 'string') params.territory = names.territory(params.territory);
  if (typeof params.account === 'string') params.account = names.account(params.account);
  if (typeof params.to === 'string' && names.firmIndex(params.to) >= 0) params.to = names.firm(market, names.firmIndex(params.to));
  return describeExplanation({ ...item, params }, names.locale);
}
