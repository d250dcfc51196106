import { EngineCore } from './engineCore.ts';
import type { EngineReply, EngineRequest } from './protocol.ts';

/**
 * The page's handle on the engine: requests go to a module worker, one at a time in order; where
 * workers cannot start (an old browser, a file:// page) the same core runs on the page.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private local: EngineCore | null = null;
  private next = 1;
  private readonly waiting = new Map<number, (reply: EngineReply) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    try {
      this.worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (m: MessageEvent<{ id: number; reply: EngineReply }>) => {
        this.waiting.get(m.data.id)?.(m.data.reply);
        this.waiting.delete(m.data.id);
      };
      this.worker.onerror = (e) => {
        e.preventDefault();
        this.fallBack(e.message || 'the engine worker failed');
      };
    } catch {
      this.local = new EngineCore();
    }
  }

  /** Requests are answered in the order they are made. */
  request(request: EngineRequest): Promise<EngineReply> {
    const run = () => this.dispatch(request);
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  private dispatch(request: EngineRequest): Promise<EngineReply> {
    if (this.local || !this.worker) return Promise.resolve((this.local ??= new EngineCore()).handle(request));
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker!.postMessage({ id, request });
    });
  }

  private fallBack(reason: string): void {
    for (const resolve of this.waiting.values()) resolve({ ok: false, error: reason });
    this.waiting.clear();
    this.worker?.terminate();
    this.worker = null;
    this.local = new EngineCore();
  }

  dispose(): void {
    this.worker?.terminate();
  }
}
