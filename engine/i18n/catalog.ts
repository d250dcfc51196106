import { coachMessages } from './messages/coach.ts';
import { coreMessages } from './messages/core.ts';
import { discoveryMessages } from './messages/discovery.ts';
import { lessonsMessages } from './messages/lessons.ts';
import { negotiateCliMessages } from './messages/negotiateCli.ts';
import { negotiationMessages } from './messages/negotiation.ts';
import { scenarioMessages } from './messages/scenario.ts';
import { serverMessages } from './messages/server.ts';
import { sessionMessages } from './messages/session.ts';
import type { MessageCatalog } from './translate.ts';
import { LOCALES } from './locale.ts';

/** Every message area merged into one catalog; add new areas here. */
const areas: readonly MessageCatalog[] = [coreMessages, sessionMessages, negotiationMessages, discoveryMessages, coachMessages, negotiateCliMessages, lessonsMessages, scenarioMessages, serverMessages];

export const messages: MessageCatalog = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...areas.map((a) => a[locale]))]),
) as MessageCatalog;
