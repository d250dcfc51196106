import { useNativeSha256 } from './nativeHash.ts';

/** Bad command-line input: the message is printed with the usage text, exit 2. */
export class UsageError extends Error {}

/** A whole number option within bounds, or its fallback when absent. */
export function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/**
 * Runs a CLI's main and sets the exit code. An exception that escapes is a bug, not bad input:
 * it is reported in one line (exit 3) rather than as a stack trace.
 */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  useNativeSha256();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`internal error: ${(error as Error)?.message ?? String(error)}`);
      process.exitCode = 3;
    },
  );
}
