import { beforeAll, describe, expect, it } from 'vitest';
import { largeSession } from '../support/largeSession.ts';
import { ARTIFACTS, screenshot } from './support/browser.ts';
import { viewerHarness } from './support/viewerHarness.ts';

describe('the replay viewer on a full room: 12 rounds, 8 teams', () => {
  const viewer = viewerHarness('replay-large');
  let log: string;
  let events: number;

  beforeAll(async () => {
    const s = largeSession();
    events = s.log.events.length;
    log = await viewer.writeLog('room.jsonl', s);
  });

  it('folds the timeline by round, scrubs to a late round at once, and shows standings, compare, turning points and the what-if heading', async () => {
    const opening = Date.now();
    const { page, errors } = await viewer.openViewer(log);
    await page.waitForSelector('#replay-timeline', { timeout: 45_000 });
    console.log(`opened ${events} events in ${Date.now() - opening} ms`);
    expect(Number(await page.getAttribute('#replay-scrubber', 'max'))).toBe(events);

    // Folded: a line of counts per round, only the round under the scrubber (the last) drawn.
    await expect.poll(() => page.locator('#replay-timeline .round-strip .round-chip').count()).toBe(12);
    expect(await page.locator('#replay-timeline section[data-round]').count()).toBe(13);
    expect(await page.locator('#replay-timeline .round-head[aria-expanded="true"]').count()).toBe(1);
    expect(await page.getAttribute('#replay-timeline section[data-round="12"] .round-head', 'aria-expanded')).toBe('true');
    expect(await page.locator('#replay-timeline button.entry').count()).toBeLessThan(events / 4);
    expect(await page.textContent('#replay-timeline section[data-round="5"] .counts')).toMatch(/Plans: \d+ · .*Talks: 2 · Moves: \d+ · Shocks: 1/);
    await page.waitForTimeout(600);
    await screenshot(page, 'replay-large-opened');

    // Scrub to where round 10 was resolved: results, strip and timeline follow.
    const round10 = Number(await page.getAttribute('#replay-timeline section[data-round="10"]', 'data-resolved-at'));
    await page.locator('#replay-scrubber').fill(String(round10));
    await expect.poll(() => page.textContent('#replay-where')).toContain(`Event ${round10} of ${events} · round 10`);
    await expect.poll(() => page.textContent('[data-screen="results"] h2')).toContain('round 10 of 12');
    expect(await page.textContent('#replay-event')).toBe('Round 10 resolved');
    expect(await page.getAttribute('#replay-timeline .round-chip[data-round="10"]', 'aria-current')).toBe('true');
    expect(await page.getAttribute('#replay-timeline section[data-round="12"] .round-head', 'aria-expanded')).toBe('false');
    expect(await page.textContent('#replay-timeline button.entry[aria-current="step"]')).toContain('Round 10 resolved');
    await expect.poll(() => page.locator('.headline .metric').count()).toBeGreaterThan(0);

    // Seeking stays immediate because a drag through a round does not redraw the results (the
    // same element stays), while a jump across rounds does. Timings are printed, never asserted:
    // speed is the benchmarks' business (replay.seek_vs_round).
    const seen = await page.evaluate((to) => {
      const range = document.querySelector<HTMLInputElement>('#replay-scrubber')!;
      const results = () => document.querySelector('[data-screen="results"]');
      const times: number[] = [];
      const step = (at: number) => {
        const start = performance.now();
        range.value = String(at);
        range.dispatchEvent(new Event('input'));
        void document.body.offsetHeight;
        times.push(performance.now() - start);
      };
      step(to - 20);
      const first = results();
      for (let i = 1; i < 20; i++) step(to - 20 + i);
      const kept = results() === first;
      step(to);
      const redrawn = results() !== first;
      return { kept, redrawn, median: [...times].sort((a, b) => a - b)[times.length >> 1]! };
    }, round10);
    console.log(`seek + layout, median ${seen.median.toFixed(1)} ms a step`);
    expect(seen).toMatchObject({ kept: true, redrawn: true });

    // A negotiation move, from its numbered step under the talk in round 10.
    await page.click('#replay-timeline .round-chip[data-round="10"]');
    const move = page.locator('#replay-timeline section[data-round="10"] .moves button.entry.move').first();
    await move.click();
    await expect.poll(() => page.textContent('#replay-event')).toMatch(/in talks with Lakeside Dining/);
    expect(await move.getAttribute('aria-current')).toBe('step');
    await page.locator('#replay-timeline').screenshot({ path: `${ARTIFACTS}/replay-large-timeline.png` });

    // Every team's standings at round 10: eight teams and five rivals.
    await page.locator('#replay-scrubber').fill(String(round10));
    await page.selectOption('#replay-team', '*');
    await expect.poll(() => page.locator('#leaderboard-table tbody tr').count()).toBe(13);
    expect(await page.textContent('[data-screen="standings"] h2')).toContain('10');
    await page.waitForTimeout(500);
    await screenshot(page, 'replay-large-standings');

    // Compare two of the eight teams in the round under the scrubber (round 10, not the last one).
    await page.click('#compare-teams');
    expect(await page.inputValue('#compare-round-a')).toBe('10');
    expect(await page.inputValue('#compare-round-b')).toBe('10');
    await expect.poll(() => page.locator('#replay-compare table.compare tr[data-key]').count()).toBeGreaterThan(10);
    expect(await page.locator('#replay-compare tr[data-key="revenue"] td.delta').textContent()).not.toBe('±0');

    // Negotiations: the value a SPIN seller built is tagged where it jumped; a seller whose
    // points were rejected has the trust slide tagged and the buyer's patience running out.
    expect(await page.locator('#replay-negotiations details.negotiation-replay').count()).toBe(14);
    const spin = page.locator('#replay-negotiations details[data-account="harbour-hotels"]');
    await spin.locator('summary').click();
    await expect.poll(() => spin.locator('.pill.turning-point[data-turn="value-jump"]').first().isVisible()).toBe(true);
    // The implication question is the jump: 3% of value at once.
    expect(await spin.locator('.step-change').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/value [\d.]+% \(\+3%\)/)]));
    await spin.screenshot({ path: `${ARTIFACTS}/replay-large-negotiation.png` });
    const rejected = page.locator('#replay-negotiations details[data-account="stone-bridge-hotels"]');
    await rejected.locator('summary').click();
    await expect.poll(() => rejected.locator('.pill.turning-point[data-turn="trust-loss"]').textContent()).toMatch(/trust falling \(−\d+\)/);
    await rejected.locator('.pill.turning-point[data-turn="patience-out"]').scrollIntoViewIfNeeded();
    expect(await rejected.locator('.pill.turning-point[data-turn="patience-out"]').isVisible()).toBe(true);
    await rejected.screenshot({ path: `${ARTIFACTS}/replay-large-negotiation-lost.png` });

    // The what-if form says whose round it edits and what running it does.
    await page.selectOption('#fork-round', '10');
    await page.selectOption('#fork-team', 't3');
    await page.click('#fork-edit');
    await page.waitForSelector('[data-screen="decide"]');
    expect(await page.textContent('[data-screen="decide"] h2')).toBe('What-if for Red Kite, round 10');
    expect(await page.textContent('.fork-notice')).toContain('same seed');
    await page.waitForTimeout(500);
    await screenshot(page, 'replay-large-fork');
    await page.click('#fork-cancel');
    await expect.poll(() => page.locator('#leaderboard-table').count()).toBe(1);

    expect(errors).toEqual([]);
    await page.context().close();
  });
});
