import { describe, expect, it } from 'vitest';
import type { Move } from '../../engine/negotiation/types.ts';
import { dealSession } from '../support/dealSession.ts';
import { screenshot } from './support/browser.ts';
import { viewerHarness } from './support/viewerHarness.ts';

describe('the replay viewer’s what-if on a negotiation move', () => {
  const viewer = viewerHarness('move-fork');
  const { s, round, account } = dealSession();
  const quote = s.log.events.find((e) => e.type === 'NegotiationMoved' && (e.payload as { move: Move }).move.kind === 'quote')!;

  it('replaces the team’s quote with a lower one and shows the branch against the original', async () => {
    const { page, errors } = await viewer.openViewer(await viewer.writeLog('deal.jsonl', s));
    await page.waitForSelector('#replay-fork', { timeout: 30_000 });
    await page.selectOption('#fork-round', String(round));
    await page.selectOption('#fork-team', 't1');
    await page.click('#fork-move');
    await page.waitForSelector('#move-fork-seq');
    await page.selectOption('#move-fork-seq', String(quote.seq));
    // The room as it stood before the quote: a quote is among the moves it takes.
    await page.click('#move-fork [data-move="quote"]');
    await page.fill('#move-fork [data-move-form="quote"] input[name="price"]', String((quote.payload as { move: { pricePm: number } }).move.pricePm - 10));
    await screenshot(page, 'replay-move-fork');
    await page.click('#move-fork [data-move-form="quote"] button[type="submit"]');
    await page.waitForSelector('#branch-table', { timeout: 30_000 });
    for (let r = 1; r < round; r++) expect(await page.getAttribute(`#branch-table tr[data-round="${r}"]`, 'data-same')).toBe('true');
    expect(await page.getAttribute(`#branch-table tr[data-round="${round}"]`, 'data-same')).toBe('false');
    // The deal closes at the new quote, so the logged moves after it are left out, each with its reason.
    const notes = await page.locator('#fork-notes li').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toMatch(/^event \d+ \(NegotiationMoved, round \d+\): [^{}]+$/);
    expect(notes.join(' ')).not.toContain(account.id);
    expect(await page.textContent('#replay-fork h4')).toContain('negotiated differently');
    await page.locator('#replay-fork').screenshot({ path: 'tests/e2e/artifacts/replay-move-fork-branch.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
