/**
 * A small pool of `node:worker_threads` workers that run TypeScript modules, with a work queue:
 * the main thread hands one job at a time to each idle worker and gathers the results in job
 * order. Used by `npm run tournament` and by the tournament benchmark.
 *
 * Starting a worker on a `.ts` file: on Node 20, `new Worker(url, { execArgv: ['--import', 'tsx'] })`
 * does not work. tsx 4 registers its loader hooks only on the main thread there (it needs
 * `worker_threads.isInternalThread`, which Node 20 lacks), so the worker fails with
 * ERR_UNKNOWN_FILE_EXTENSION. Instead each worker boots from a line of JavaScript that registers
 * tsx through its API (`tsx/esm/api` `register()`) and then imports the entry module. This works
 * the same on newer Node versions; `execArgv: []` keeps the parent's `--import tsx` from loading
 * a second copy of the hooks where it would register.
 */
import { parentPort, Worker } from 'node:worker_threads';

/** Worker → main. */
type Reply<R> =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly result: R }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };

/** Main → worker. */
interface Request<J> {
  readonly id: number;
  readonly job: J;
}

/** A worker died, or a job threw: the run cannot give complete results. */
export class PoolError extends Error {
  override name = 'PoolError';
}

export interface PoolOptions<D> {
  /** Number of workers (at least 1). */
  readonly size: number;
  /** The worker's module: it calls `serveJobs`. A `.ts` file, a `.js` file or a `data:` URL. */
  readonly entry: URL;
  /** Given to every worker as `workerData` (structured-cloned). */
  readonly workerData: D;
}

export interface WorkerPool<J, R> {
  readonly size: number;
  /**
   * Runs the jobs, one at a time per worker, and resolves with their results in job order.
   * Rejects with a `PoolError` as soon as a worker dies or a job throws; the pool is then
   * broken and should be closed. One run at a time.
   */
  run(jobs: readonly J[], onResult?: (result: R, done: number, total: number) => void): Promise<R[]>;
  /** Stops every worker. */
  close(): Promise<void>;
}

const TSX_API = import.meta.resolve('tsx/esm/api');

function startWorker(entry: URL, workerData: unknown): Worker {
  const boot = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, execArgv: [], workerData });
}

interface Slot<J> {
  readonly index: number;
  readonly worker: Worker;
  ready: boolean;
  /** The request it is working on. */
  busy: Request<J> | null;
}

/** Starts the workers and waits until each has loaded its entry module. */
export async function startPool<J, R, D = unknown>(o: PoolOptions<D>): Promise<WorkerPool<J, R>> {
  if (!Number.isSafeInteger(o.size) || o.size < 1) throw new RangeError(`pool size must be a positive integer, got ${o.size}`);
  const slots: Slot<J>[] = [];
  let closing = false;
  let broken: PoolError | null = null;
  /** Whoever waits on the pool now: startup, then each run in turn. */
  let fail: (error: PoolError) => void = () => {};
  let onReply: (slot: Slot<J>, reply: Reply<R>) => void = () => {};

  const breakPool = (error: PoolError) => {
    if (broken || closing) return;
    broken = error;
    fail(error);
  };

  let readyCount = 0;
  const started = new Promise<void>((resolve, reject) => {
    fail = reject;
    onReply = (slot, reply) => {
      if (reply.kind !== 'ready') return;
      slot.ready = true;
      if (++readyCount === o.size) resolve();
    };
  });

  for (let index = 0; index < o.size; index++) {
    const worker = startWorker(o.entry, o.workerData);
    const slot: Slot<J> = { index, worker, ready: false, busy: null };
    slots.push(slot);
    let lastError: Error | null = null;
    worker.on('message', (reply: Reply<R>) => onReply(slot, reply));
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('messageerror', (error) => breakPool(new PoolError(`worker ${index + 1} sent a message that could not be read: ${error.message}`)));
    worker.on('exit', (code) => {
      if (closing) return;
      const doing = slot.busy ? ` while on job ${slot.busy.id + 1} (${JSON.stringify(slot.busy.job)})` : slot.ready ? '' : ' while starting';
      const why = lastError ? `: ${lastError.message}` : '';
      breakPool(new PoolError(`worker ${index + 1} exited with code ${code}${doing}${why}`));
    });
  }

  const close = async () => {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };

  try {
    await started;
  } catch (error) {
    await close();
    throw error;
  }

  let running = false;
  const run = (jobs: readonly J[], onResult?: (result: R, done: number, total: number) => void): Promise<R[]> => {
    if (broken) return Promise.reject(broken);
    if (closing) return Promise.reject(new PoolError('the pool is closed'));
    if (running) return Promise.reject(new PoolError('the pool is already running jobs'));
    running = true;
    return new Promise<R[]>((resolve, reject) => {
      const results: R[] = new Array<R>(jobs.length);
      let next = 0;
      let done = 0;
      const finish = (error: PoolError | null) => {
        running = false;
        fail = () => {};
        onReply = () => {};
        if (error) reject(error);
        else resolve(results);
      };
      const feed = (slot: Slot<J>) => {
        if (next >= jobs.length) return;
        const request: Request<J> = { id: next, job: jobs[next]! };
        next++;
        slot.busy = request;
        slot.worker.postMessage(request);
      };
      fail = finish;
      onReply = (slot, reply) => {
        if (reply.kind === 'ready') return;
        slot.busy = null;
        if (reply.kind === 'failed') {
          breakPool(new PoolError(`job ${reply.id + 1} (${JSON.stringify(jobs[reply.id])}) failed on worker ${slot.index + 1}: ${reply.error}`));
          return;
        }
        results[reply.id] = reply.result;
        done++;
        onResult?.(reply.result, done, jobs.length);
        if (done === jobs.length) finish(null);
        else feed(slot);
      };
      if (jobs.length === 0) finish(null);
      else for (const slot of slots) feed(slot);
    });
  };

  return { size: o.size, run, close };
}

/**
 * The worker side: answers each job with `handle(job, workerData)`'s result. A job that throws
 * is reported back as failed; the worker keeps serving.
 */
export function serveJobs<J, R>(handle: (job: J) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must be called in a worker thread');
  port.on('message', async (request: Request<J>) => {
    let reply: Reply<R>;
    try {
      reply = { kind: 'done', id: request.id, result: await handle(request.job) };
    } catch (error) {
      reply = { kind: 'failed', id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ kind: 'ready' } satisfies Reply<R>);
}
