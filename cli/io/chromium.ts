/**
 * Debian's Chromium as the tests and benchmarks drive it: headless, with nothing that reaches
 * for the network (this machine's network is closed, and Chromium's background services would
 * otherwise retry their connections at every start).
 */
export const CHROMIUM = process.env.SHAPAN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
