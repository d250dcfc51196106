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
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'property', include: ['tests/property/**/*.test.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'golden', include: ['tests/golden/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 60_000 },
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
    ],
  },
});
