import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBuiltApp } from './support/app.ts';
import { launchChromium, screenshot, watchConsole } from './support/browser.ts';

const exec = promisify(execFile);

/** Waits for one of the named screens and says which one came. */
async function screen(page: Page, ...names: string[]): Promise<string> {
  const el = await page.waitForSelector(names.map((n) => `[data-screen="${n}"]`).join(', '), { timeout: 60_000 });
  return (await el.getAttribute('data-screen'))!;
}

describe('a workshop: a facilitator, two teams and a projector, each in its own browser context', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveBuiltApp>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await serveBuiltApp({ persistent: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.dispose();
  });

  async function open(locale: string, width = 1366, height = 768): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width, height }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: watchConsole(page) };
  }

  it('creates a session, two teams join by code and submit, the round closes by itself, a team negotiates, the session ends and a team verifies the log', { timeout: 360_000 }, async () => {
    // The facilitator: from the start page to the form, a mistake first, then the session.
    const { page: boss, errors: bossErrors } = await open('zh-CN', 1440, 900);
    await boss.goto(app.url);
    await boss.click('#run-workshop');
    expect(await screen(boss, 'create')).toBe('create');
    await boss.fill('#ws-team-count', '3');
    await boss.fill('#ws-team-0', '猎鹰队');
    await boss.fill('#ws-team-2', '猎鹰队');
    await boss.fill('#ws-minutes', '20分钟');
    await boss.click('#ws-create');
    await expect.poll(() => boss.textContent('.field-error[data-for="team-2"]')).toContain('猎鹰队');
    await expect.poll(() => boss.textContent('.field-error[data-for="minutes"]')).toContain('不是有效的分钟数');
    await screenshot(boss, 'workshop-create-errors');
    await boss.fill('#ws-team-count', '2');
    await boss.fill('#ws-team-0', '猎鹰队');
    await boss.fill('#ws-team-1', '熊猫队');
    await boss.fill('#ws-minutes', '20');
    await boss.fill('#ws-seed', 'e2e-workshop');
    expect(await boss.isChecked('#ws-fill-ai')).toBe(true);
    expect(await boss.textContent('#ws-ai-help')).toContain('6');
    await screenshot(boss, 'workshop-create');
    await boss.click('#ws-create');
    expect(await screen(boss, 'facilitator')).toBe('facilitator');
    const code = (await boss.textContent('#join-code'))!.replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(boss.url()).toMatch(/#\/facilitate\?s=[0-9a-f]{16}&t=/);
    const joinLink = (await boss.getAttribute('#join-link', 'href'))!;
    expect(joinLink).toBe(`${app.url}#/join?code=${code}`);
    const projectorLink = (await boss.getAttribute('#projector-link', 'href'))!;
    expect(projectorLink).toMatch(/#\/projector\?s=[0-9a-f]{16}&t=/);
    // Two people, six AI teams.
    await expect.poll(() => boss.locator('#teams tbody tr').count()).toBe(8);
    expect(await boss.locator('#teams tbody tr.ai').count()).toBe(6);

    // The projector, read-only.
    const { page: wall, errors: wallErrors } = await open('zh-CN', 1600, 900);
    await wall.goto(projectorLink);
    expect(await screen(wall, 'projector')).toBe('projector');

    // Team one joins with the link; team two types the code as people do, after a slip.
    const { page: falcon, errors: falconErrors } = await open('zh-CN');
    await falcon.goto(joinLink);
    expect(await screen(falcon, 'join')).toBe('join');
    expect(await falcon.inputValue('#join-code-input')).toBe(code);
    await falcon.fill('#join-name', '李雷');
    await falcon.fill('#join-team', '1');
    await falcon.click('#join-submit');
    expect(await screen(falcon, 'lobby')).toBe('lobby');
    await expect.poll(() => falcon.textContent('#team-name')).toBe('猎鹰队');
    await screenshot(falcon, 'workshop-team-lobby');

    // A second member of team one, reading in traditional Chinese.
    const { page: falcon2, errors: falcon2Errors } = await open('zh-TW');
    await falcon2.goto(joinLink);
    await falcon2.fill('#join-name', '韓梅');
    await falcon2.fill('#join-team', '1');
    await falcon2.click('#join-submit');
    expect(await screen(falcon2, 'lobby')).toBe('lobby');
    await expect.poll(() => falcon2.textContent('#team-members')).toContain('李雷、韓梅');

    const { page: panda, errors: pandaErrors } = await open('en');
    await panda.goto(app.url);
    await panda.click('#join-workshop');
    expect(await screen(panda, 'join')).toBe('join');
    await panda.fill('#join-code-input', 'OOPS');
    await panda.click('#join-submit');
    await expect.poll(() => panda.textContent('.field-error[data-for="code"]')).toContain('not a join code');
    await expect.poll(() => panda.textContent('.field-error[data-for="name"]')).toContain('Enter your name');
    await panda.fill('#join-team', '3');
    await panda.fill('#join-code-input', `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
    await panda.fill('#join-name', 'Han Mei');
    await panda.click('#join-submit');
    // Team 3 is an AI team: the server's refusal is said at the field.
    await expect.poll(() => panda.textContent('.field-error[data-for="team"]')).toContain('bot');
    await screenshot(panda, 'workshop-join-errors');
    await panda.fill('#join-team', '');
    await panda.click('#join-submit');
    expect(await screen(panda, 'lobby')).toBe('lobby');
    await expect.poll(() => panda.textContent('#team-name')).toBe('熊猫队');

    await expect.poll(() => boss.textContent('#teams tr[data-team="team-1"]')).toContain('李雷');
    await expect.poll(() => boss.textContent('#teams tr[data-team="team-2"]')).toContain('Han Mei');
    await screenshot(boss, 'workshop-facilitator-lobby');
    await expect.poll(() => wall.textContent('#projector-join-code')).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
    await expect.poll(() => wall.textContent('#projector-teams')).toContain('Han Mei');
    await wall.waitForTimeout(500);
    await screenshot(wall, 'workshop-projector-lobby');

    // Round 1.
    await boss.click('#open-round');
    await expect.poll(() => boss.textContent('#round-heading')).toContain('第 1 轮进行中');
    await expect.poll(() => boss.getAttribute('#console-clock', 'data-kind')).toBe('running');
    // The clock: five more minutes, a pause and on again.
    await boss.click('#extend-5');
    await expect.poll(() => boss.textContent('#console-clock')).toMatch(/^2[45]:\d\d$/);
    await boss.click('#pause-timer');
    await expect.poll(() => boss.getAttribute('#console-clock', 'data-kind')).toBe('paused');
    await expect.poll(() => boss.isHidden('#pause-timer')).toBe(true);
    await boss.click('#resume-timer');
    await expect.poll(() => boss.getAttribute('#console-clock', 'data-kind')).toBe('running');
    await expect.poll(() => boss.isHidden('#resume-timer')).toBe(true);
    for (const p of [falcon, panda]) expect(await screen(p, 'decide')).toBe('decide');
    expect(await falcon.getAttribute('#submitted-note', 'data-submitted')).toBe('false');
    await expect.poll(() => falcon.locator('.region canvas').count()).toBe(1);
    await falcon.waitForTimeout(500);
    await screenshot(falcon, 'workshop-team-decide');
    await falcon.click('#submit-decisions');
    await expect.poll(() => falcon.getAttribute('#submitted-note', 'data-submitted')).toBe('true');
    expect(await falcon.textContent('#submitted-note')).toContain('李雷已于');
    expect(await falcon.textContent('#submit-decisions')).toContain('再次提交');
    await screenshot(falcon, 'workshop-team-submitted');

    // The teammate sees that submission, changes the plan and submits it again: the form on the
    // first member's page now shows that plan, and says whose it is.
    await expect.poll(() => falcon2.getAttribute('#submitted-note', 'data-submitted')).toBe('true');
    expect(await falcon2.textContent('#submitted-note')).toContain('李雷已於');
    const hours = falcon2.locator('input[data-path="reps[0].prospecting"]');
    await hours.fill('');
    await hours.pressSequentially('22');
    await expect.poll(() => falcon2.isDisabled('#submit-decisions')).toBe(false);
    await falcon2.click('#submit-decisions');
    await expect.poll(() => falcon.textContent('#plan-replaced')).toContain('韓梅');
    expect(await falcon.inputValue('input[data-path="reps[0].prospecting"]')).toBe('22');
    expect(await falcon.textContent('#submitted-note')).toContain('韓梅已于');
    await screenshot(falcon2, 'workshop-team-resubmitted-zh-TW');

    // Everyone sees that team one submitted (not what); the facilitator also sees who.
    await expect.poll(() => boss.getAttribute('#teams tr[data-team="team-1"]', 'data-submitted')).toBe('true');
    await expect.poll(() => boss.textContent('#teams tr[data-team="team-1"] td:last-child')).toContain('韓梅');
    await expect.poll(() => wall.getAttribute('#projector-teams tr[data-team="team-1"]', 'data-submitted')).toBe('true');
    expect(await wall.textContent('#projector-teams')).toContain('1 / 2');

    // A shock: a custom one with a mistake first, then one of the scenario's own.
    await boss.selectOption('#shock-kind', 'downturn');
    await boss.fill('#shock-magnitude', '1500');
    await boss.click('#inject-shock');
    await expect.poll(() => boss.textContent('.field-error[data-for="magnitude"]')).toContain('1000');
    expect(await boss.textContent('.field-error[data-for="title-en"]')).not.toBe('');
    await boss.selectOption('#shock-template', 'chip-shortage');
    expect(await boss.inputValue('#shock-title-en')).toBe('Chip shortage');
    await boss.click('#inject-shock');
    await expect.poll(() => boss.textContent('#shock-done')).toContain('芯片供应紧张');
    await expect.poll(() => boss.locator('#injected-shocks li').count()).toBe(1);
    await screenshot(boss, 'workshop-facilitator-round');
    await wall.waitForTimeout(500);
    await screenshot(wall, 'workshop-projector-round');

    // Team two submits: every team with people has, so the round closes by itself.
    await panda.click('#submit-decisions');
    for (const p of [falcon, falcon2, panda]) expect(await screen(p, 'results')).toBe('results');
    await expect.poll(() => falcon.locator('.light').count()).toBeGreaterThan(0);
    expect(await falcon.textContent('.waiting-note')).toContain('第 2 轮');
    await expect.poll(() => boss.textContent('#round-heading')).toContain('第 1 轮已结算');
    await expect.poll(() => boss.locator('#leaderboard-table tbody tr').count()).toBeGreaterThan(8);
    const board = (await boss.textContent('#leaderboard-table'))!;
    expect(board).toContain('猎鹰队');
    expect(board).toContain('熊猫队');
    await expect.poll(() => wall.locator('#leaderboard-table tbody tr').count()).toBeGreaterThan(8);
    await falcon.waitForTimeout(1600); // the map's switching animation
    await screenshot(falcon, 'workshop-team-results');
    await screenshot(panda, 'workshop-team-results-en');
    await screenshot(boss, 'workshop-facilitator-results');
    await wall.waitForTimeout(1600);
    await screenshot(wall, 'workshop-projector-results');

    // Round 2 is closed by the facilitator before anyone submits: the teams' plans carry over.
    await boss.click('#open-round');
    expect(await screen(panda, 'decide')).toBe('decide');
    await boss.click('#close-round');
    for (const p of [falcon, panda]) await expect.poll(() => p.textContent('.side-head h2')).toMatch(/第 2 轮结果|Results of round 2/);

    // Team two talks to the buyer of the first key account up for renewal in its territories.
    // Which round that is depends on the market: a neglected account may be contested, and
    // change hands for twelve rounds, before its contract ends. Until then the negotiation
    // section says there is nobody to talk to, and the facilitator closes the round.
    const up = panda.locator('button[data-account]');
    const noneUp = panda.getByText('No key account is up for renewal in your territories this round.');
    let round = 2;
    for (;;) {
      round++;
      expect(round, 'no key account came up for renewal in team two’s territories by round 6').toBeLessThanOrEqual(6);
      await boss.click('#open-round');
      expect(await screen(panda, 'decide')).toBe('decide');
      await panda.click('[data-section="negotiation"]');
      await up.or(noneUp).first().waitFor();
      if ((await up.count()) > 0) break;
      expect(await panda.locator('[data-section="negotiation"] .badge').count()).toBe(0);
      await boss.click('#close-round');
      await expect.poll(() => boss.textContent('#round-heading')).toContain(`第 ${round} 轮已结算`);
      expect(await screen(panda, 'results')).toBe('results');
    }
    // The tab counts the accounts up; each is listed by its name, not the engine's id.
    expect(await panda.textContent('[data-section="negotiation"] .badge')).toBe(String(await up.count()));
    const listed = panda.locator('ul.accounts li');
    for (let i = 0; i < (await listed.count()); i++) {
      const name = (await listed.nth(i).locator('strong').textContent())!;
      expect(name).not.toBe(await listed.nth(i).locator('button[data-account]').getAttribute('data-account'));
    }
    await up.first().click();
    await panda.waitForSelector('[data-screen="negotiation"] [data-move]');
    const lines = () => panda.locator('ol.conversation li').count();
    const before = await lines();
    await panda.click('[data-move="situation"]');
    await expect.poll(lines).toBeGreaterThan(before);
    await screenshot(panda, 'workshop-team-negotiation');
    await panda.click('#back-to-decisions');
    expect(await screen(panda, 'decide')).toBe('decide');
    expect(await panda.textContent('[data-section="negotiation"]')).toBeTruthy();
    await boss.click('#close-round');
    await expect.poll(() => boss.textContent('#round-heading')).toContain(`第 ${round} 轮已结算`);
    expect(await screen(panda, 'results')).toBe('results');

    // The end: two clicks, so a slip does not end it.
    await boss.click('#end-session');
    await boss.click('#end-session-yes');
    await expect.poll(() => boss.textContent('#round-heading')).toContain('会话已结束');
    for (const p of [falcon, panda]) expect(await screen(p, 'end')).toBe('end');
    await expect.poll(() => wall.textContent('#projector-round')).toContain('最终排名');

    // A team verifies the whole log in its browser: every round replays to the head it held.
    const held = await falcon.textContent('#held-head');
    expect(held).toMatch(/^[0-9a-f]{64}$/);
    expect(await falcon.getAttribute('#log-head', 'data-head')).toBe(held);
    await falcon.click('#verify-log');
    await expect.poll(() => falcon.getAttribute('.verify-card .result', 'data-state'), { timeout: 60_000 }).toBe('ok');
    expect(await falcon.textContent('#verified-head')).toBe(held);
    await screenshot(falcon, 'workshop-team-end');
    await screenshot(wall, 'workshop-projector-end');

    // The facilitator's download is the same log, and the command line agrees.
    const dir = await mkdtemp(join(tmpdir(), 'shapan-e2e-'));
    const file = join(dir, 'workshop.jsonl');
    const [download] = await Promise.all([boss.waitForEvent('download'), boss.click('#download-log')]);
    await download.saveAs(file);
    const verified = await exec('node', ['--import', 'tsx', 'cli/replay.ts', 'verify', file]);
    expect(verified.stdout).toContain(`head ${held}`);
    await screenshot(boss, 'workshop-facilitator-end');

    // A reload keeps every seat: the console from its link, the team from localStorage.
    await falcon.reload();
    expect(await screen(falcon, 'end')).toBe('end');
    await boss.reload();
    expect(await screen(boss, 'facilitator')).toBe('facilitator');

    // The debrief starts from the console: the replay viewer fetches the session from the server
    // with the token this browser holds, verifies it and re-runs its rounds.
    await boss.click('#replay-session');
    await boss.waitForSelector('#replay-opened', { timeout: 60_000 });
    expect(await boss.textContent('#replay-opened')).toContain(held!.slice(0, 12));
    await screenshot(boss, 'workshop-replay-from-server');
    // A team member's browser holds its own token, good once the session has ended.
    await falcon.click('#replay-session');
    await falcon.waitForSelector('#replay-opened', { timeout: 60_000 });
    // A browser without a token for the session is told so instead of being shown anything.
    expect(boss.url()).toMatch(/#\/replay\?s=[0-9a-f]{16}$/);
    await wall.goto(boss.url());
    await expect.poll(() => wall.textContent('#replay-message')).toContain('令牌');

    expect({ boss: bossErrors, wall: wallErrors, falcon: falconErrors, falcon2: falcon2Errors, panda: pandaErrors }).toEqual({ boss: [], wall: [], falcon: [], falcon2: [], panda: [] });
  });
});
