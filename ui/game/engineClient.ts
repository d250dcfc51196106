import { EngineCore } from './engineCore.ts';
import type { EngineMessage, EngineReply, EngineRequest, ImportProgress } from './protocol.ts';

type Progress = (progress: ImportProgress) => void;

/**
 * The page's handle on the engine: requests go to a module worker, one at a time in order; where
 * workers cannot start (an old browser, a file:// page) the same core runs on the page.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private local: EngineCore | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (reply: EngineReply) => void; progress?: Progress | undefined }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    try {
      this.worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (m: MessageEvent<EngineMessage>) => {
        const waiting = this.waiting.get(m.data.id);
        if ('progress' in m.data) return waiting?.progress?.(m.data.progress);
        waiting?.resolve(m.data.reply);
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

  /** Requests are answered in the order they are made; `progress` hears how an import goes. */
  request(request: EngineRequest, progress?: Progress): Promise<EngineReply> {
    const run = () => this.dispatch(request, progress);
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  private dispatch(request: EngineRequest, progress?: Progress): Promise<EngineReply> {
    if (this.local || !this.worker) return (this.local ??= new EngineCore()).handle(request, progress);
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, progress });
      this.worker!.postMessage({ id, request });
    });
  }

  private fallBack(reason: string): void {
    for (const { resolve } of this.waiting.values()) resolve({ ok: false, error: reason, workerLost: true });
    this.waiting.clear();
    this.worker?.terminate();
    this.worker = null;
    this.local = new EngineCore();
  }

  dispose(): void {
    this.worker?.terminate();
  }
}
