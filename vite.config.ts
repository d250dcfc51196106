import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One config for the app build (ui/) and every test project, so the browser bundle and the
// tests resolve modules the same way.
export default defineConfig({
  root: 'ui',
  base: './',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // The map's chunk (Pixi) is ~0.7 MB before gzip, loaded once and cached for offline play;
    // splitting it further would only add requests, so the 500 kB advice is noise on `npm start`.
    chunkSizeWarningLimit: 2048,
    // Two pages: the app, and the region view's benchmark page (npm run bench -- ui).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./ui/index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./ui/bench.html', import.meta.url)),
      },
    },
  },
  test: {
    root: '.',
    setupFiles: ['tests/support/fastCheckSeed.ts'],
    // `npm test` runs unit, property, golden and integration; e2e and balance run on their own
    // (`npm run test:e2e`, `npm run test:balance`). On a 2-core machine vitest runs one file at a
    // time, so a test's time is wall time: anything that takes seconds when the machine is idle
    // gets an explicit timeout sized for a busy one, and whole-tournament experiments go to
    // balance.
    projects: [
      {
        extends: true,
        // Unit and property files share one worker and its module graph: no process and no
        // re-import per file (unit: about 60 s down to 25 s on an idle 2-core machine). A test that
        // changes module state (useSha256, a spy on a shared object) restores it; one that needs
        // vi.mock belongs in an isolated project.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false, testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'property', include: ['tests/property/**/*.test.ts'], isolate: false, testTimeout: 60_000 },
      },
      { extends: true, test: { name: 'golden', include: ['tests/golden/**/*.test.ts'], testTimeout: 60_000 } },
      {
        extends: true,
        // Each test runs the CLIs or the server as their own processes (about 0.6 s to start each
        // on an idle machine); a beforeAll that starts one gets the same minute as a test.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // Experiments that play hundreds of whole games (the 30-seed balance check of every
        // teaching scenario): minutes, not seconds, so not in `npm test`.
        test: {
          name: 'balance',
          include: ['tests/balance/**/*.test.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
