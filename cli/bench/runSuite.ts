/** Child process: runs one suite and writes its results as JSON to the file named in argv. */
import { writeFile } from 'node:fs/promises';
import { suites } from './suites.ts';

const [name, out] = process.argv.slice(2);
const suite = suites.find((s) => s.name === name);
if (!suite || !out) {
  console.error(`unknown suite ${name}`);
  process.exit(2);
}
const results = await suite.run();
await writeFile(out, JSON.stringify(results));
