import type { Locale } from '../../engine/i18n/locale.ts';
import type { DecisionTopic, Scenario } from '../../engine/model/scenario.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';

const key = (session: string) => `shapan.guide-seen.${session}`;

function seen(session: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(key(session)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function markSeen(session: string, topic: string): void {
  const s = seen(session);
  s.add(topic);
  try {
    localStorage.setItem(key(session), JSON.stringify([...s]));
  } catch {
    // Storage full or blocked: the note simply shows again next time.
  }
}

/**
 * The scenario's guide notes for these topics that are due (their round has come) and not yet
 * read in this game: each explains a decision the first time the trainee meets it.
 */
export function guideNotes(session: string, scenario: Scenario, round: number, topics: readonly DecisionTopic[], locale: Locale): HTMLElement[] {
  const read = seen(session);
  return scenario.guide
    .filter((n) => topics.includes(n.topic) && n.round <= round && !read.has(n.topic))
    .map((n) => {
      const note = h(
        'aside',
        { class: 'guide-note', 'data-topic': n.topic, role: 'note' },
        h('h3', {}, t(locale, `topic.${n.topic}`)),
        h('p', {}, n.text[locale]),
      );
      const ok = h('button', { type: 'button' }, t(locale, 'guide.got-it'));
      ok.addEventListener('click', () => {
        markSeen(session, n.topic);
        note.remove();
      });
      note.append(ok);
      return note;
    });
}
