import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a CLI script as a user would (tsx, LANG=C), returning its exit code and output instead of throwing. */
export async function runScript(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', script, ...args], { env: { ...process.env, LANG: 'C' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export const replay = (...args: string[]) => runScript('cli/replay.ts', ...args);
