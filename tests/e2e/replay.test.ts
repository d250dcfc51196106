import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { logLines } from '../../engine/core/jsonl.ts';
import { negotiationSession } from '../support/negotiationSession.ts';
import { sessionDriver, teamSession, workshopScenario } from '../support/teamSession.ts';
import { screenshot } from './support/browser.ts';
import { viewerHarness } from './support/viewerHarness.ts';

describe('the replay viewer', () => {
  const viewer = viewerHarness('replay');
  let good: string;
  let tampered: string;
  let hidden: string;
  let talks: string;
  /** The AI team's talks in teamSession: the balanced bot negotiates when a round closes. */
  let botTalks: { round: number; account: string }[];

  beforeAll(async () => {
    const s = teamSession();
    botTalks = s.state.negotiations.filter((n) => n.team === 'ai').map((n) => ({ round: n.round, account: n.account }));
    // The people teams never talk; the fixture is only worth this test if the bot does.
    expect(s.state.negotiations.every((n) => n.team === 'ai')).toBe(true);
    expect(botTalks.length).toBeGreaterThan(0);
    const lines = [...logLines(s.log.header, s.log.events)];
    good = await viewer.writeLog('session.jsonl', lines);
    // Line 7 holds event seq 7: change what it says without re-sealing it.
    const bad = [...lines];
    bad[7] = bad[7]!.replace(/"ts":"[^"]*"/, '"ts":"t999"');
    tampered = await viewer.writeLog('tampered.jsonl', bad);
    // A live session's facilitator export: the seed is not in the header yet.
    hidden = await viewer.writeLog('live.jsonl', sessionDriver('live-seed', { hideSeed: true }).s);
    talks = await viewer.writeLog('talks.jsonl', negotiationSession().s);
  });

  it('opens a log, scrubs, compares, forks a round and exports a report; refuses a tampered log', async () => {
    const { page, errors } = await viewer.newPage({ acceptDownloads: true });
    await page.locator('#open-replay').scrollIntoViewIfNeeded();
    await page.locator('.replay-entry').screenshot({ path: 'tests/e2e/artifacts/replay-start.png' });
    await page.click('#open-replay');
    await page.waitForSelector('#replay-file');

    // A tampered log is refused, naming the first bad event.
    await page.setInputFiles('#replay-file', tampered);
    await expect.poll(() => page.locator('#replay-message').textContent(), { timeout: 30_000 }).toContain('seq 7');
    await screenshot(page, 'replay-refused');
    await page.setInputFiles('#replay-file', hidden);
    await expect.poll(() => page.locator('#replay-message').textContent(), { timeout: 30_000 }).toContain('hides its seed');

    await page.setInputFiles('#replay-file', good);
    await page.waitForSelector('#replay-timeline', { timeout: 30_000 });
    const max = Number(await page.getAttribute('#replay-scrubber', 'max'));
    expect(max).toBeGreaterThan(10);
    await expect.poll(() => page.locator('.headline .metric').count()).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await screenshot(page, 'replay-opened');

    // Scrub to where round 2 was resolved: the results are round 2's.
    const round2 = await page.getAttribute('#replay-timeline section[data-round="2"]', 'data-resolved-at');
    await page.locator('#replay-scrubber').fill(round2!);
    await expect.poll(() => page.textContent('#replay-where')).toContain(`Event ${round2} of ${max}`);
    await expect.poll(() => page.textContent('[data-screen="results"] h2')).toContain('2');
    await page.click('#replay-prev');
    await expect.poll(() => page.textContent('#replay-where')).toContain(`Event ${Number(round2) - 1} of`);
    await page.click('#replay-next');
    await expect.poll(() => page.textContent('#replay-where')).toContain(`Event ${round2} of`);

    // Switch team, then every team's standings.
    await page.selectOption('#replay-team', 't2');
    await expect.poll(() => page.locator('[data-screen="results"]').count()).toBe(1);
    await page.selectOption('#replay-team', '*');
    await expect.poll(() => page.locator('#leaderboard-table tbody tr').count()).toBeGreaterThan(2);
    await page.waitForTimeout(500);
    await screenshot(page, 'replay-standings');

    // Compare: the two teams in the round under the scrubber, then team One over two rounds.
    await page.click('#compare-teams');
    await expect.poll(() => page.locator('#replay-compare table.compare tr[data-key]').count()).toBeGreaterThan(10);
    await page.click('#compare-rounds');
    await expect.poll(() => page.locator('#replay-compare tr[data-key="revenue"] td.delta').textContent()).not.toBe('±0');
    await page.locator('#replay-compare').screenshot({ path: 'tests/e2e/artifacts/replay-compare.png' });
    // Rates as % and differences of rates in points: nothing in ‰ or basis points.
    expect(await page.locator('#replay-compare table.compare').textContent()).not.toMatch(/‰|basis|\(bp\)/);
    expect(await page.locator('#replay-compare tr[data-key="priceTier1"] td').first().textContent()).toMatch(/%$/);

    // In teamSession only the AI team negotiates (the engine plays its talks when a round
    // closes): the panel lists exactly those, under the AI team's name and the accounts' names.
    const listed = page.locator('#replay-negotiations details.negotiation-replay');
    expect(await listed.count()).toBe(botTalks.length);
    expect(await page.locator('#replay-negotiations details.negotiation-replay:not([data-team="ai"])').count()).toBe(0);
    expect(await page.textContent('#replay-negotiations')).not.toContain('Nobody negotiated');
    const { scenario } = workshopScenario();
    for (const [i, talk] of botTalks.entries()) {
      const summary = (await listed.nth(i).locator('summary').textContent())!;
      expect(summary).toContain(`Round ${talk.round}`);
      expect(summary).toContain(scenario.keyAccounts.find((k) => k.id === talk.account)!.name.en);
      // Played by the engine, not by people at the table: the summary says so.
      expect(summary).toContain('played by the computer');
    }
    await listed.first().locator('summary').click();
    await expect.poll(() => listed.first().locator('ol.conversation li').count()).toBeGreaterThan(0);
    await page.locator('#replay-negotiations').screenshot({ path: 'tests/e2e/artifacts/replay-bot-negotiation.png' });
    await listed.first().locator('summary').click();

    // What-if: team One prices higher in round 2.
    await page.selectOption('#fork-round', '2');
    await page.selectOption('#fork-team', 't1');
    await page.click('#fork-edit');
    await page.waitForSelector('[data-screen="decide"]');
    await page.click('[data-section="pricing"]');
    const price = page.locator('input[data-path="pricePm[0]"]');
    const was = Number(await price.inputValue());
    await price.fill(String(was + 15));
    await expect.poll(() => page.isDisabled('#submit-decisions')).toBe(false);
    await screenshot(page, 'replay-fork-edit');
    await page.click('#submit-decisions');
    await page.waitForSelector('#branch-table', { timeout: 30_000 });
    expect(await page.getAttribute('#branch-table tr[data-round="1"]', 'data-same')).toBe('true');
    expect(await page.getAttribute('#branch-table tr[data-round="2"]', 'data-same')).toBe('false');
    await page.locator('#replay-fork').screenshot({ path: 'tests/e2e/artifacts/replay-fork.png' });
    const branchDownload = page.waitForEvent('download');
    await page.click('#branch-export');
    const branchLog = await readFile((await (await branchDownload).path())!, 'utf8');
    expect(branchLog.split('\n')[0]).toContain('"parent"');
    await page.click('#branch-replay');
    await page.waitForSelector('#replay-branch-banner');
    await screenshot(page, 'replay-branch');
    await page.click('#replay-original');
    await expect.poll(() => page.locator('#replay-branch-banner').count()).toBe(0);

    // The debrief report for team One.
    await page.selectOption('#replay-report-scope', 't1');
    const report = page.waitForEvent('download');
    await page.click('#replay-report');
    const html = await readFile((await (await report).path())!, 'utf8');
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('One');

    // A session with a negotiation: the conversation, each move's effect, turning points.
    await page.setInputFiles('#replay-file', talks);
    await page.waitForSelector('#replay-negotiations details.negotiation-replay', { timeout: 30_000 });
    await page.click('#replay-negotiations details.negotiation-replay summary');
    await expect.poll(() => page.locator('#replay-negotiations ol.conversation li').count()).toBe(3);
    // The implication (the third move) built the most value: it is the turning point.
    expect(await page.locator('#replay-negotiations li[data-step="3"] .pill.turning-point[data-turn="value-jump"]').isVisible()).toBe(true);
    await page.locator('#replay-negotiations').screenshot({ path: 'tests/e2e/artifacts/replay-negotiation.png' });

    // The viewer in Chinese.
    await page.selectOption('#locale', 'zh-CN');
    await expect.poll(() => page.textContent('h1')).toContain('对局复盘');
    await page.waitForTimeout(500);
    await screenshot(page, 'replay-zh');

    expect(errors).toEqual([]);
    await page.context().close();
  });
});
