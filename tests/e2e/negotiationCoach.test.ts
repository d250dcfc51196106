import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import { ANSWERS, PAIN_ATTRIBUTES } from '../../engine/negotiation/applyMove.ts';
import { INDUSTRY_PAINS } from '../../engine/negotiation/industry.ts';
import { OBJECTIONS, type Objection, type Pain } from '../../engine/negotiation/types.ts';
import { loadBuiltIn } from '../../scenarios/library.ts';
import { serveBuiltApp } from './support/app.ts';
import { launchChromium, screenshot, watchConsole } from './support/browser.ts';

const loaded = loadBuiltIn('tutorial');
if (!loaded.ok) throw new Error('the tutorial does not load');
const tutorial = loaded.scenario;
/** The account whose contract comes up in the tutorial: the one the room opens with. */
const account = [...tutorial.keyAccounts].filter((a) => a.contractEnd <= tutorial.rounds).sort((a, b) => a.contractEnd - b.contractEnd)[0]!;
const industry = account.industry ?? 'general';

/** What an attentive seller hears in a buyer's answer: the pain its story is about (none if it told no story). */
function painHeardIn(text: string, locale: Locale): Pain | undefined {
  return INDUSTRY_PAINS[industry].find((p) => text.includes(t(locale, `clue.${industry}.${p}`)));
}

async function screen(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`[data-screen="${name}"]`, { timeout: 60_000 });
}

/**
 * A trainee negotiates the tutorial's renewal with the coach on: listens to two stories, names
 * both pains without a wrong guess, composes a FABE the buyer answers to, answers an objection,
 * and reads the review after the deal. Run in each language, with screenshots.
 */
async function negotiateWithCoach(browser: Browser, url: string, locale: Locale): Promise<void> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(url);
  await page.selectOption('#scenario', 'tutorial');
  await page.fill('#seed', '');
  await page.locator('#seed').pressSequentially(`coach-${locale}`);
  await page.click('#start-game');
  await screen(page, 'briefing');
  await page.click('#begin');
  // Play the default plan until the renewal's round, preparing the renewal as the guide advises:
  // four hours of executive contact in each of the rounds before it.
  for (let round = 1; round < account.contractEnd; round++) {
    await screen(page, 'decide');
    await page.click('[data-section="accounts"]');
    const exec = page.locator(`input[data-path="executive:${account.id}"]`);
    await exec.fill('');
    await exec.pressSequentially('4');
    await expect.poll(() => page.isDisabled('#submit-decisions')).toBe(false);
    await page.click('#submit-decisions');
    await screen(page, 'results');
    await page.click('#next-round');
  }
  await screen(page, 'decide');
  await page.click('[data-section="negotiation"]');
  await page.click(`button[data-account="${account.id}"]`);
  await page.waitForSelector('[data-screen="negotiation"] [data-move]');
  // The tutorial's coach is on without being asked.
  expect(await page.isChecked('#coach-toggle')).toBe(true);

  const buyerLines = page.locator('ol.conversation li.buyer .said');
  const coachLines = page.locator('ol.conversation li.coach');
  const say = async (kind: string, fill?: () => Promise<void>) => {
    const before = await coachLines.count();
    await page.click(`[data-move="${kind}"]`);
    if (fill) {
      await fill();
      await page.click('[data-move-form] button[type="submit"]');
    }
    await expect.poll(() => coachLines.count()).toBeGreaterThan(before);
    return { buyer: (await buyerLines.last().textContent()) ?? '', coach: coachLines.last() };
  };

  // Two situation questions: each answer is a story that points at one pain.
  const heard: Pain[] = [];
  for (let i = 0; i < 2; i++) {
    const { buyer, coach } = await say('situation');
    const pain = painHeardIn(buyer, locale);
    expect(pain, `no pain heard in "${buyer}"`).toBeDefined();
    heard.push(pain!);
    expect(await coach.getAttribute('data-coach')).toBe('good');
  }
  expect(new Set(heard).size).toBe(2);
  await screenshot(page, `negotiation-clues-${locale}`);
  // Both pains named from the clues, neither a guess: the coach calls both good.
  for (const pain of heard) {
    const { coach } = await say('problem', async () => {
      await page.selectOption('[data-move-form] select[name="pain"]', pain);
    });
    expect(await coach.getAttribute('data-coach')).toBe('good');
  }
  expect(await page.locator('.revealed li').count()).toBeGreaterThanOrEqual(2);
  // A composed FABE: a feature that speaks to the first pain, its benefit, and a trial as proof.
  const [pain] = heard as [Pain];
  const feature = PAIN_ATTRIBUTES[pain][0]!;
  await page.click('[data-move="fabe"]');
  await page.selectOption('[data-move-form] select[name="feature"]', feature);
  await page.selectOption('[data-move-form] select[name="benefit"]', pain);
  await page.selectOption('[data-move-form] select[name="evidence"]', 'trial');
  const preview = (await page.textContent('#fabe-preview')) ?? '';
  expect(preview).toContain(t(locale, `fabe.feature.${feature}`));
  expect(preview).toContain(t(locale, `fabe.benefit.${pain}`));
  await screenshot(page, `negotiation-fabe-${locale}`);
  const before = await coachLines.count();
  await page.click('[data-move-form] button[type="submit"]');
  await expect.poll(() => coachLines.count()).toBeGreaterThan(before);
  expect(await coachLines.last().getAttribute('data-coach')).toBe('good');
  expect((await page.locator('ol.conversation li.seller .said').last().textContent()) ?? '').toBe(preview);

  // A price, then objections answered by affirming and redirecting, until the buyer decides.
  await say('quote', async () => {
    const price = page.locator('[data-move-form] input[name="price"]');
    await price.fill('');
    await price.pressSequentially(String(Math.round(tutorial.product.listPrice * 0.98)));
  });
  const redirected = new Set<string>();
  for (let i = 0; i < 14 && (await page.locator('.outcome').count()) === 0; i++) {
    if ((await page.locator('[data-move="accept-counter"]').count()) > 0) {
      await say('accept-counter');
      break;
    }
    const text = (await coachLines.last().textContent()) ?? '';
    const objection = OBJECTIONS.find((o) => text.includes(t(locale, `objection.${o}`))) as Objection | undefined;
    const answer = objection ? ANSWERS[objection].find((a) => !redirected.has(a)) : undefined;
    if (answer && (await page.locator('[data-move="redirect"]').count()) > 0) {
      redirected.add(answer);
      await say('redirect', async () => {
        await page.selectOption('[data-move-form] select[name="attribute"]', answer);
      });
      if (i === 0) await screenshot(page, `negotiation-coach-${locale}`);
    } else {
      await say('trade', async () => {
        await page.selectOption('[data-move-form] select[name="ask"]', 'volume');
      });
    }
  }
  await expect.poll(() => page.locator('.outcome').count()).toBe(1);
  // The review: the score part by part, what was given and got, and (in a running game) money left hidden until the end.
  const review = page.locator('#deal-review');
  await expect.poll(() => review.count()).toBe(1);
  expect(await review.locator('dt').count()).toBeGreaterThanOrEqual(4);
  expect(await review.textContent()).toContain(t(locale, 'review.discovery'));
  await review.scrollIntoViewIfNeeded();
  await screenshot(page, `negotiation-review-${locale}`);
  // Switching the coach off hides its lines.
  await page.click('#coach-toggle');
  await expect.poll(() => coachLines.count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
}

describe('the negotiation room coaches a trainee through discovery, FABE and the review', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveBuiltApp>>;

  beforeAll(async () => {
    app = await serveBuiltApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('in Chinese', async () => {
    await negotiateWithCoach(browser, app.url, 'zh-CN');
  }, 240_000);

  it('in English', async () => {
    await negotiateWithCoach(browser, app.url, 'en');
  }, 240_000);

  it('in traditional Chinese', async () => {
    await negotiateWithCoach(browser, app.url, 'zh-TW');
  }, 240_000);
});
