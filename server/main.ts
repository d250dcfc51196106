/**
 * `npm start`: serves the built UI and hosts team sessions on PORT (default 8080), storing them
 * in SQLite at SHAPAN_DATA (default ./data/shapan.db).
 */
import { existsSync } from 'node:fs';
import { startServer } from './app.ts';
import { KeyedRateLimit } from './security/rateLimit.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(2);
}
const host = process.env.HOST ?? '127.0.0.1';
const distDir = process.env.SHAPAN_DIST ?? 'dist';
const dataFile = process.env.SHAPAN_DATA ?? 'data/shapan.db';
if (!existsSync(`${distDir}/index.html`)) {
  console.error(`no built UI in ${distDir}/: run "npm run build" first (npm start does it for you)`);
  process.exit(2);
}

// Per-connection message rate; tests and benchmarks that hammer one server raise it.
const perSecond = Number(process.env.SHAPAN_MESSAGES_PER_SECOND ?? 20);
if (!Number.isFinite(perSecond) || perSecond <= 0) {
  console.error(`SHAPAN_MESSAGES_PER_SECOND must be a positive number, got "${process.env.SHAPAN_MESSAGES_PER_SECOND}"`);
  process.exit(2);
}
const joinsPerMinute = Number(process.env.SHAPAN_JOINS_PER_MINUTE ?? 10);
const limits = {
  messagesPerSecond: perSecond,
  burst: Math.max(60, perSecond * 3),
  joins: new KeyedRateLimit(Math.max(10, joinsPerMinute), Math.max(10, joinsPerMinute) / 60),
  creations: new KeyedRateLimit(Math.max(5, joinsPerMinute / 2), Math.max(5, joinsPerMinute / 2) / 60),
};

try {
  const running = await startServer({ port, host, distDir, dataFile, limits });
  console.log(`Shapan is running at ${running.url}`);
  console.log(`  play alone:        ${running.url}`);
  console.log(`  run a workshop:    ${running.url}#/facilitate`);
  console.log(`  teams join at:     ${running.url}#/join`);
  console.log(`  sessions stored in ${dataFile}${running.resumed > 0 ? ` (${running.resumed} with a running round clock reopened)` : ''}`);
  if (host === '127.0.0.1') console.log('  (only this computer can connect; set HOST=0.0.0.0 to let the room join over the network)');
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`port ${port} is in use: set PORT to another one`);
  else if (code === 'SQLITE_BUSY') console.error(`the session store ${dataFile} is in use by another Shapan server: stop it, or set SHAPAN_DATA to another file`);
  else console.error(`cannot start: ${(error as Error).message}`);
  process.exit(1);
}
