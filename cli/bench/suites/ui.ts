/**
 * ui.region_frame_vs_bare_pixi: the frame time of the region view (RegionScene of the benchmark
 * scenario, 10,000 customers) against a bare Pixi scene with the same particles and nothing else,
 * both rendered in the same page of headless Chromium (WebGL through SwiftShader), in alternating
 * blocks so that noise hits both. The page is ui/bench.html, built into a temporary folder (dist/
 * is left alone) and served on 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../../../server/app.ts';
import type { BenchOutput } from '../../../ui/bench/main.ts';
import type { BenchSuite } from '../entry.ts';
import { median, round3 } from '../measure.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../io/chromium.ts';


/**
 * Builds the UI into a temporary folder, serves it, opens `page` (e.g. "bench.html?mode=view")
 * in a fresh headless Chromium of the given viewport, and runs `use` on it; cleans everything up.
 */
export async function withBuiltPage<T>(
  path: string,
  viewport: { width: number; height: number },
  use: (page: Page) => Promise<T>,
): Promise<T> {
  // Loaded here, not at the top, so the other suites do not pay for them.
  const { build } = await import('vite');
  const { chromium } = await import('playwright-core');
  const outDir = await mkdtemp(join(tmpdir(), 'shapan-ui-build-'));
  const profile = await mkdtemp(join(tmpdir(), 'shapan-ui-profile-'));
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await startServer({ port: 0, host: '127.0.0.1', distDir: outDir });
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [...CHROMIUM_ARGS],
        viewport,
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('response', (r) => {
          if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
        });
        await page.goto(`${server.url}${path}`);
        const result = await use(page);
        if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
        return result;
      } finally {
        await context.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

const FRAMES = 15;
const BLOCKS = 24;
const WIDTH = 1366;
const HEIGHT = 768;

export const suite: BenchSuite = {
  name: 'ui',
  async run() {
    const out = await withBuiltPage(
      `bench.html?mode=bench&scenario=benchmark&frames=${FRAMES}&blocks=${BLOCKS}&width=${WIDTH}&height=${HEIGHT}`,
      { width: WIDTH, height: HEIGHT },
      async (page) => {
        await page.waitForFunction(() => window.__bench !== undefined || window.__benchError !== undefined, null, {
          timeout: 600_000,
          polling: 500,
        });
        const error = await page.evaluate(() => window.__benchError);
        if (error) throw new Error(`bench page failed: ${error}`);
        return (await page.evaluate(() => window.__bench)) as BenchOutput;
      },
    );
    const regionMs = median(out.region);
    const bareMs = median(out.bare);
    // Each region block against the bare block run just before it (the same conditions).
    const pairs: number[] = [];
    for (let i = 1; i < out.blockMedians.length; i += 2) pairs.push(out.blockMedians[i]!.ms / out.blockMedians[i - 1]!.ms);
    return {
      'ui.region_frame_vs_bare_pixi': {
        ratio: round3(regionMs / bareMs),
        target: 1.25,
        better: 'lower',
        baseline: `bare Pixi scene, same particle count (${out.particles.toLocaleString('en')}), same page`,
        runs: out.blocks,
        details: {
          region_frame_ms: round3(regionMs),
          bare_frame_ms: round3(bareMs),
          median_block_ratio: round3(median(pairs)),
          frames_per_block: out.frames,
          market: `benchmark scenario at the start, solo (1 team slot), ${out.firms} firms in play`,
          canvas: `${out.width}x${out.height}`,
          renderer: out.renderer,
        },
      },
    };
  },
};
