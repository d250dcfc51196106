import { build } from 'vite';

/** Bundles the probe into one IIFE script, the way vite bundles the app, and returns its code. */
export async function buildProbe(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    // Library mode leaves process.env alone; the app build replaces it, so the probe must too.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: 'tests/e2e/probe/probe.ts', formats: ['iife'], name: 'shapanProbeBundle', fileName: 'probe' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    for (const chunk of result.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('the probe bundle produced no code');
}
