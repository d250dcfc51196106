/** `npm start`: serves the built UI on PORT (default 8080). */
import { existsSync } from 'node:fs';
import { startServer } from './app.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(2);
}
const host = process.env.HOST ?? '127.0.0.1';
const distDir = process.env.SHAPAN_DIST ?? 'dist';
if (!existsSync(`${distDir}/index.html`)) {
  console.error(`no built UI in ${distDir}/: run "npm run build" first (npm start does it for you)`);
  process.exit(2);
}

try {
  const running = await startServer({ port, host, distDir });
  console.log(`Shapan is running at ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `port ${port} is in use: set PORT to another one` : `cannot start: ${(error as Error).message}`);
  process.exit(1);
}
