import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { EventEnvelope } from '../../../engine/core/envelope.ts';
import type { LogHeader } from '../../../engine/core/header.ts';
import { logLines } from '../../../engine/core/jsonl.ts';
import { serveBuiltApp } from './app.ts';
import { launchChromium, watchConsole } from './browser.ts';

/** Anything that holds a log: an aggregate, or a header with its events. */
type HasLog = { readonly log: { readonly header: LogHeader; readonly events: readonly EventEnvelope[] } };

/**
 * The replay viewer's tests share this: the built app served, one Chromium, a temp folder for the
 * log files they hand the viewer, all released after the file's tests. Call it in the describe
 * block; its beforeAll runs before the test file's own.
 */
export function viewerHarness(prefix: string) {
  let browser: Browser | null = null;
  let app: Awaited<ReturnType<typeof serveBuiltApp>> | null = null;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `shapan-${prefix}-`));
    app = await serveBuiltApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    /** Writes lines (or a session's whole log) to a file in the temp folder and gives its path. */
    async writeLog(name: string, log: HasLog | readonly string[]): Promise<string> {
      const lines = 'log' in log ? [...logLines(log.log.header, log.log.events)] : log;
      const file = join(dir, name);
      await writeFile(file, `${lines.join('\n')}\n`);
      return file;
    },
    /** A fresh page on the start page in English. */
    async newPage(options: { acceptDownloads?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
      const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
      const page = await context.newPage();
      const errors = watchConsole(page);
      await page.goto(app!.url);
      await page.selectOption('#locale', 'en');
      return { page, errors };
    },
    /** A fresh page on the viewer, with `file` chosen in its file picker. */
    async openViewer(file: string, options: { acceptDownloads?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
      const opened = await this.newPage(options);
      await opened.page.click('#open-replay');
      await opened.page.waitForSelector('#replay-file');
      await opened.page.setInputFiles('#replay-file', file);
      return opened;
    },
  };
}
