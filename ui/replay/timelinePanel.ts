/**
 * The session's timeline: a strip of rounds to jump between, then each round folded to one line
 * of counts. The round under the scrubber opens by itself (its plans as one row of teams, each
 * negotiation's moves as numbered steps under it); a round opened by hand stays open. A round's
 * events are only drawn when it first opens, so a long session costs nothing until it is read.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { TimelineEntry, TimelineRound } from './timeline.ts';
import { roundCounts, roundRows, type TimelineRow } from './timelineGroups.ts';
import type { TimelineNames } from './timelineNames.ts';

export interface TimelinePanel {
  readonly el: HTMLElement;
  mark(seq: number): void;
  /** What happened at a position, as the timeline words it ('' before the first event). */
  describe(seq: number): string;
}

export function entryText(e: TimelineEntry, locale: Locale, names: TimelineNames): string {
  const params: Record<string, string | number> = { ...e.params, team: names.team(e.team), member: String(e.params.member ?? '') };
  if (e.kind === 'move') params.move = t(locale, `move.${e.params.move}`);
  if (e.params.account !== undefined) params.account = names.account(String(e.params.account));
  if (e.kind === 'shock') params.shock = names.shock(String(e.params.shock));
  return t(locale, `viewer.entry.${e.kind}`, params);
}

function countsText(r: TimelineRound, locale: Locale): string {
  const c = roundCounts(r);
  const carried = Number(r.entries.find((e) => e.kind === 'round-closed')?.params.carried ?? 0);
  const parts: [string, number][] = [
    ['joins', c.joins],
    ['plans', c.plans],
    ['carried', carried],
    ['talks', c.talks],
    ['moves', c.moves],
    ['shocks', c.shocks],
  ];
  return parts
    .filter(([, n]) => n > 0)
    .map(([k, n]) => t(locale, `viewer.count.${k}`, { count: n }))
    .join(' · ');
}

export function timelinePanel(rounds: readonly TimelineRound[], locale: Locale, names: TimelineNames, onSeek: (seq: number) => void): TimelinePanel {
  const entries = new Map<number, { entry: TimelineEntry; round: number }>();
  for (const r of rounds) for (const e of r.entries) entries.set(e.seq, { entry: e, round: r.round });
  const buttons = new Map<number, HTMLButtonElement>();
  const text = (e: TimelineEntry) => entryText(e, locale, names);

  const entryButton = (e: TimelineEntry, label?: string) => {
    const b = h(
      'button',
      { type: 'button', class: `link entry ${e.kind}${label === undefined ? '' : ' chip'}`, 'data-seq': e.seq, title: `#${e.seq} ${text(e)}`, onclick: () => onSeek(e.seq) },
      label ?? [h('small', {}, `#${e.seq} `), text(e)],
    );
    if (label !== undefined) b.setAttribute('aria-label', text(e));
    buttons.set(e.seq, b);
    return b;
  };
  const row = (x: TimelineRow) => {
    switch (x.kind) {
      case 'entry':
        return h('li', {}, entryButton(x.entry));
      case 'plans':
        return h('li', { class: 'plans' }, h('span', { class: 'row-label' }, t(locale, 'viewer.plans')), x.entries.map((e) => entryButton(e, names.team(e.team))));
      case 'talk':
        return h('li', { class: 'talk' }, entryButton(x.start), h('div', { class: 'moves' }, x.moves.map((e, i) => entryButton(e, String(i + 1)))));
    }
  };

  const sections = new Map<number, { section: HTMLElement; head: HTMLButtonElement; body: HTMLOListElement; drawn: boolean }>();
  /** Rounds a person opened by hand: the scrubber leaves them open. */
  const pinned = new Set<number>();
  let auto = -1;
  const open = (round: number, on: boolean) => {
    const s = sections.get(round);
    if (!s) return;
    if (on && !s.drawn) {
      s.body.append(...roundRows(rounds.find((r) => r.round === round)!).map(row));
      s.drawn = true;
    }
    s.body.hidden = !on;
    s.head.setAttribute('aria-expanded', String(on));
  };
  const list = h(
    'div',
    { class: 'timeline-rounds' },
    rounds.map((r) => {
      const body = h('ol', { hidden: true });
      const head = h(
        'button',
        { type: 'button', class: 'round-head', 'aria-expanded': 'false' },
        h('strong', {}, r.round === 0 ? t(locale, 'viewer.before-start') : t(locale, 'viewer.round-label', { round: r.round })),
        h('small', { class: 'counts' }, countsText(r, locale)),
      );
      head.addEventListener('click', () => {
        const on = head.getAttribute('aria-expanded') !== 'true';
        if (on) pinned.add(r.round);
        else pinned.delete(r.round);
        // Closing the round under the scrubber keeps it closed until the scrubber leaves it.
        open(r.round, on);
      });
      const section = h('section', { 'data-round': r.round, 'data-opened-at': r.openedAt, 'data-resolved-at': r.resolvedAt }, head, body);
      sections.set(r.round, { section, head, body, drawn: false });
      return section;
    }),
  );
  const chips = new Map<number, HTMLButtonElement>();
  const strip = h(
    'div',
    { class: 'round-strip', role: 'group', 'aria-label': t(locale, 'viewer.jump-round') },
    rounds
      .filter((r) => r.round > 0)
      .map((r) => {
        // A round that never resolved (the log ends mid-round) jumps to its last event.
        const to = r.resolvedAt || r.entries.at(-1)!.seq;
        const b = h('button', { type: 'button', class: 'round-chip', 'data-round': r.round, title: t(locale, 'viewer.jump-round-to', { round: r.round }), onclick: () => onSeek(to) }, String(r.round));
        chips.set(r.round, b);
        return b;
      }),
  );
  const el = h('nav', { id: 'replay-timeline', class: 'card replay-timeline', 'aria-label': t(locale, 'viewer.timeline') }, h('h3', {}, t(locale, 'viewer.timeline')), strip, list);

  let marked: HTMLButtonElement | null = null;
  let markedRound = -1;
  return {
    el,
    mark(seq) {
      const at = entries.get(seq);
      const round = at?.round ?? -1;
      if (round !== auto) {
        if (auto >= 0 && !pinned.has(auto)) open(auto, false);
        if (round >= 0) open(round, true);
        auto = round;
      }
      if (round !== markedRound) {
        sections.get(markedRound)?.section.removeAttribute('aria-current');
        chips.get(markedRound)?.removeAttribute('aria-current');
        sections.get(round)?.section.setAttribute('aria-current', 'true');
        chips.get(round)?.setAttribute('aria-current', 'true');
        markedRound = round;
      }
      marked?.removeAttribute('aria-current');
      marked = buttons.get(seq) ?? null;
      if (!marked) return;
      marked.setAttribute('aria-current', 'step');
      if (sections.get(round)?.body.hidden) return;
      // Scroll the list only, never the page: playing must not pull the reader away. (The list
      // is positioned, so offsetTop is measured inside it.)
      const top = marked.offsetTop;
      if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - marked.offsetHeight) list.scrollTop = Math.max(0, top - list.clientHeight / 2);
    },
    describe(seq) {
      const at = entries.get(seq);
      return at ? text(at.entry) : '';
    },
  };
}
