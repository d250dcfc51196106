import { messages as engineMessages } from '../../engine/i18n/catalog.ts';
import { LOCALES, type Locale } from '../../engine/i18n/locale.ts';
import { translate, type MessageCatalog, type Params } from '../../engine/i18n/translate.ts';
import { uiMessages } from './messages.ts';

/** The engine's messages (refusals, log problems) plus the UI's own. */
export const allMessages: MessageCatalog = Object.fromEntries(
  LOCALES.map((l) => [l, { ...engineMessages[l], ...uiMessages[l] }]),
) as MessageCatalog;

export function t(locale: Locale, key: string, params?: Params): string {
  return translate(allMessages, locale, key, params);
}
