import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../engine/core/canonicalJson.ts';
import { exp, ln, pow } from '../../engine/core/detMath.ts';
import { hashOf } from '../../engine/core/hash.ts';
import { logLines } from '../../engine/core/jsonl.ts';
import { stream } from '../../engine/core/rng.ts';
import { playLedger } from '../../engine/core/demo/ledgerScript.ts';
import { playBotSession } from '../../engine/session/botSession.ts';
import { loadBuiltIn } from '../../scenarios/library.ts';
import { serveBuiltApp } from './support/app.ts';
import { launchChromium, screenshot, watchConsole } from './support/browser.ts';
import { buildProbe } from './support/probeBundle.ts';

/** Values whose serialisation engines could plausibly disagree on. */
const FIXTURE = {
  z: [0, -0, 1, -1, 0.1, 0.2 + 0.1, 1e21, 1e-7, 123456789012345, 2 ** 53 - 1, 5e-324, 1.7976931348623157e308, -2.5e-8],
  cjk: '区域销售经理：目标分解、團隊激勵、客戶談判',
  escapes: 'quote " backslash \\ tab \t newline \n nul \u0000 bell \u0007 del \u007f',
  emoji: '🧭📈',
  surrogate: '\ud800 lone',
  nested: { b: [true, false, null, { y: 1, x: [] }], a: {}, 'ä': 1, A: 2, '10': 3, '9': 4 },
};

describe('the kernel gives the same bytes in Node and Chromium', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveBuiltApp>>;
  let probe: string;

  beforeAll(async () => {
    [app, probe] = await Promise.all([serveBuiltApp(), buildProbe()]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('canonical JSON, SHA-256, math and random streams match', async () => {
    const page = await browser.newPage();
    const errors = watchConsole(page);
    await page.goto('about:blank');
    await page.addScriptTag({ content: probe });
    const xs = Array.from({ length: 200 }, (_, i) => (i - 100) * 3.7123);
    const fromBrowser = await page.evaluate(
      ([fixture, xs]) => {
        const p = (globalThis as any).shapanProbe;
        return { json: p.canonicalJson(fixture), hash: p.hashOf(fixture), math: p.math(xs), draws: p.draws('seed-42', 50) };
      },
      [FIXTURE, xs] as const,
    );
    expect(fromBrowser.json).toBe(canonicalJson(FIXTURE));
    expect(fromBrowser.hash).toBe(hashOf(FIXTURE));
    expect(fromBrowser.math).toEqual(xs.map((x) => [exp(x), ln(Math.abs(x) + 1e-9), pow(Math.abs(x) + 0.5, 1.37)]));
    const s = stream('seed-42', 'market', 3);
    expect(fromBrowser.draws).toEqual(Array.from({ length: 50 }, () => s.next()));
    expect(errors).toEqual([]);
  });

  it('a log verifies to the same head in the browser bundle', async () => {
    const session = playLedger('cross-engine', 500);
    const text = [...logLines(session.header, session.log.events)].join('\n');
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: probe });
    const verdict = await page.evaluate((t) => (globalThis as any).shapanProbe.verifyText(t), text);
    expect(verdict).toEqual({ ok: true, count: 500, head: session.log.headHash });
  });

  it('the built app checks a log file the user picks, in Chinese', async () => {
    const session = playLedger('upload', 300);
    const dir = await mkdtemp(join(tmpdir(), 'shapan-e2e-'));
    const good = join(dir, 'session.jsonl');
    const bad = join(dir, 'tampered.jsonl');
    const lines = [...logLines(session.header, session.log.events)];
    await writeFile(good, lines.join('\n') + '\n');
    lines[42] = lines[42]!.replace(/"units":\d+/, '"units":999');
    await writeFile(bad, lines.join('\n') + '\n');

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(app.url);
    await expect.poll(() => page.textContent('h1')).toContain('沙盘');
    await screenshot(page, 'start-zh-CN');

    await page.setInputFiles('#log-file', good);
    const result = page.locator('.result');
    await expect.poll(() => result.getAttribute('data-state')).toBe('ok');
    expect(await result.getAttribute('data-head')).toBe(session.log.headHash);
    expect(await result.textContent()).toContain('已校验 300 个事件');
    await screenshot(page, 'verify-ok');

    await page.setInputFiles('#log-file', bad);
    await expect.poll(() => result.getAttribute('data-state')).toBe('bad');
    expect(await result.textContent()).toContain('seq 42');
    await screenshot(page, 'verify-tampered');

    // A whole bot session: the browser recomputes every round and must reach the same state hashes.
    const loaded = loadBuiltIn('workshop');
    if (!loaded.ok) throw new Error('workshop does not load');
    const sim = playBotSession({ scenario: loaded.scenario, scenarioHash: loaded.hash, seed: 'cross', bots: ['balanced', 'random'], rounds: 3 });
    const simFile = join(dir, 'session.jsonl');
    await writeFile(simFile, [...logLines(sim.header, sim.log.events)].join('\n') + '\n');
    await page.setInputFiles('#log-file', simFile);
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/ok|bad/);
    expect(await result.textContent()).toContain(`已校验 ${sim.log.lastSeq} 个事件`);
    expect(await result.getAttribute('data-head')).toBe(sim.log.headHash);

    await page.selectOption('#locale', 'zh-TW');
    await expect.poll(() => page.textContent('h1')).toContain('沙盤');
    expect(errors).toEqual([]);
    await context.close();
  });
});
