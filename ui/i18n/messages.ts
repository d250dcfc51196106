import { LOCALES } from '../../engine/i18n/locale.ts';
import type { MessageCatalog } from '../../engine/i18n/translate.ts';
import { appMessages } from './messages/app.ts';
import { playMessages } from './messages/play.ts';
import { resultsMessages } from './messages/results.ts';
import { replayMessages } from './messages/replay.ts';
import { reportMessages } from './messages/report.ts';
import { roomMessages } from './messages/room.ts';
import { workshopMessages } from './messages/workshop.ts';

/** The UI's own messages, every area merged; add new areas here. */
const areas: readonly MessageCatalog[] = [appMessages, playMessages, resultsMessages, roomMessages, workshopMessages, reportMessages, replayMessages];

export const uiMessages: MessageCatalog = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...areas.map((a) => a[locale]))]),
) as MessageCatalog;
