import type { Rejection } from '../core/decider.ts';
import type { LogProblem } from '../core/verify.ts';
import type { Explanation } from '../model/outcome.ts';
import { messages } from './catalog.ts';
import type { Locale } from './locale.ts';
import { translate } from './translate.ts';

export function t(locale: Locale, key: string, params?: Readonly<Record<string, string | number>>): string {
  return translate(messages, locale, key, params);
}

/** A refusal in the reader's language, with the field it concerns. */
export function describeRejection(rejection: Rejection, locale: Locale): string {
  return t(locale, rejection.code, { path: rejection.path ?? '', ...rejection.params });
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
