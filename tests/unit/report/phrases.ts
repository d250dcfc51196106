import { expect } from 'vitest';
import { LOCALES } from '../../../engine/i18n/locale.ts';
import type { SessionState } from '../../../engine/session/state.ts';
import { allMessages } from '../../../ui/i18n/t.ts';
import { reportNames } from '../../../ui/report/names.ts';
import type { Arg, Phrase } from '../../../ui/report/phrase.ts';
import { say } from '../../../ui/report/wording.ts';

/** A figure from the log rather than a name: what backs a "why". */
export function isFigure(arg: Arg): boolean {
  return typeof arg === 'number' || (typeof arg === 'object' && ['money', 'bp', 'ratio', 'points', 'pm', 'count'].some((k) => k in arg));
}

/** The phrase exists in every language and reads with every placeholder filled. */
export function expectSayable(p: Phrase, state: SessionState): void {
  for (const locale of LOCALES) {
    expect(allMessages[locale][p.key], `${locale} ${p.key}`).toBeDefined();
    const text = say(p, reportNames(state, locale));
    expect(text, `${locale} ${p.key}`).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/\bundefined\b|\bNaN\b/);
  }
}
