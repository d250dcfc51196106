/** The session's timeline by round: every entry a button that jumps there, the current one marked. */
import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { TimelineEntry, TimelineRound } from './timeline.ts';

export interface TimelinePanel {
  readonly el: HTMLElement;
  mark(seq: number): void;
}

export function entryText(e: TimelineEntry, locale: Locale, teamName: (id: string) => string): string {
  const params: Record<string, string | number> = { ...e.params, team: teamName(e.team), member: String(e.params.member ?? '') };
  if (e.kind === 'move') params.move = t(locale, `move.${e.params.move}`);
  return t(locale, `viewer.entry.${e.kind}`, params);
}

export function timelinePanel(rounds: readonly TimelineRound[], locale: Locale, teamName: (id: string) => string, onSeek: (seq: number) => void): TimelinePanel {
  const buttons = new Map<number, HTMLButtonElement>();
  const el = h(
    'nav',
    { id: 'replay-timeline', class: 'card replay-timeline', 'aria-label': t(locale, 'viewer.timeline') },
    h('h3', {}, t(locale, 'viewer.timeline')),
    rounds.map((r) =>
      h(
        'section',
        { 'data-round': r.round },
        h('h4', {}, r.round === 0 ? t(locale, 'viewer.before-start') : t(locale, 'viewer.round-label', { round: r.round })),
        h(
          'ol',
          {},
          r.entries.map((e) => {
            const b = h('button', { type: 'button', class: `link entry ${e.kind}`, 'data-seq': e.seq, onclick: () => onSeek(e.seq) }, h('small', {}, `#${e.seq} `), entryText(e, locale, teamName));
            buttons.set(e.seq, b);
            return h('li', {}, b);
          }),
        ),
      ),
    ),
  );
  let marked: HTMLButtonElement | null = null;
  return {
    el,
    mark(seq) {
      marked?.removeAttribute('aria-current');
      marked = buttons.get(seq) ?? null;
      if (!marked) return;
      marked.setAttribute('aria-current', 'step');
      // Scroll the list only, never the page: playing must not pull the reader away.
      const top = marked.offsetTop;
      if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - marked.offsetHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    },
  };
}
