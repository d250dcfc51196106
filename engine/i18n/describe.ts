import type { Rejection } from '../core/decider.ts';
import type { LogProblem } from '../core/verify.ts';
import type { Explanation } from '../model/outcome.ts';
import type { Scenario } from '../model/scenario.ts';
import { messages } from './catalog.ts';
import type { Locale } from './locale.ts';
import { translate } from './translate.ts';

export function t(locale: Locale, key: string, params?: Readonly<Record<string, string | number>>): string {
  return translate(messages, locale, key, params);
}

/** A refusal in the reader's language, with the field it concerns. */
export function describeRejection(rejection: Rejection, locale: Locale): string {
  const objection = rejection.params?.['objection'];
  // An objection travels as its id; the reader sees its name.
  const named: Record<string, string> = objection === undefined ? {} : { objection: t(locale, `objection.${objection}`) };
  return t(locale, rejection.code, { path: rejection.path ?? '', ...rejection.params, ...named });
}

/**
 * A refusal in a scenario's words: an account the engine names by id (`account` in its figures)
 * is called by the name the room knows it by.
 */
export function describeRejectionIn(rejection: Rejection, locale: Locale, scenario: Scenario | null): string {
  const id = rejection.params?.['account'];
  const account = id === undefined ? undefined : scenario?.keyAccounts.find((k) => k.id === id);
  return describeRejection(account ? { ...rejection, params: { ...rejection.params, account: account.name[locale] } } : rejection, locale);
}

/** "first bad event: seq 7 (line 8): seq 7 was altered …" plus the technical detail, if any. */
export function describeLogProblem(problem: LogProblem, locale: Locale): string {
  const reason = t(locale, `log.${problem.code}`, {
    seq: problem.seq,
    line: problem.line,
    last: problem.seq - 1,
    ...problem.params,
  });
  const head = t(locale, 'log.problem', { seq: problem.seq, line: problem.line, reason });
  return problem.detail ? `${head} (${problem.detail})` : head;
}

/** A "why" item of a round in words; causes and funnel stages are translated too. */
export function describeExplanation(item: Explanation, locale: Locale): string {
  const params: Record<string, string | number> = { ...item.params };
  if (typeof params.cause === 'string') params.cause = t(locale, `cause.${params.cause}`);
  if (typeof params.stage === 'string') params.stage = t(locale, `stage.${params.stage}`);
  return t(locale, item.code, params);
}

/** Whole yuan with thousands separators, the same in every locale (Shapan's figures are yuan). */
export function formatYuan(amount: number): string {
  const whole = Math.round(amount);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `-${digits}` : digits;
}

/** A price in ‰ of list as yuan a unit, in the reader's language. */
export function describePrice(pricePm: number, listPrice: number, locale: Locale): string {
  return t(locale, 'price.per-unit', { amount: formatYuan((pricePm * listPrice) / 1000) });
}

/** A buyer's line in words: attribute and pain names translated, prices as yuan a unit. */
export function describeReply(reply: { key: string; params: Readonly<Record<string, string | number>> }, locale: Locale, listPrice: number): string {
  const params: Record<string, string | number> = { ...reply.params };
  if (typeof params.attribute === 'string') params.attribute = t(locale, `attribute.${params.attribute}`);
  if (typeof params.pain === 'string') params.pain = t(locale, `pain.${params.pain}`);
  if (typeof params.price === 'number') params.price = describePrice(params.price, listPrice, locale);
  // A situation answer's clue is a story in the buyer's industry's words (`clue.<industry>.<pain>`).
  if (typeof params.clue === 'string') params.clue = t(locale, `clue.${params.clue}`);
  return t(locale, reply.key, params);
}
