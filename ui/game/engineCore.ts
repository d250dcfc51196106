/**
 * The engine side of the page/worker split: one solo session and the requests it answers. Kept
 * free of worker plumbing so it runs the same in the worker, on the page (fallback) and in tests.
 */
import { sessionDecider } from '../../engine/session/decider.ts';
import { fileChunks } from './fileChunks.ts';
import { importSoloLog } from './logImport.ts';
import type { EngineReply, EngineRequest, ImportProgress } from './protocol.ts';
import { SoloSession } from './soloSession.ts';
import type { SessionDecider } from './soloSession.ts';

export class EngineCore {
  private session: SoloSession | null = null;

  /** `decider` builds the session decider from a seed; a test passes one that counts rounds. */
  constructor(private readonly decider: (seed: string) => SessionDecider = sessionDecider) {}

  /** Answers one request; an import also reports each round it checks through `progress`. */
  async handle(request: EngineRequest, progress?: (p: ImportProgress) => void): Promise<EngineReply> {
    try {
      if (request.op === 'create') {
        this.session = SoloSession.create(request.options);
        return this.reply(this.session.events);
      }
      if (request.op === 'restore') {
        this.session = SoloSession.restore(request.header, request.events, this.decider);
        return this.reply(this.session.events);
      }
      if (request.op === 'import') {
        const opened = await importSoloLog(fileChunks(request.file), { decider: this.decider, ...(progress ? { onRound: progress } : {}) });
        if (!opened.ok) return 'problem' in opened ? { ok: false, problem: opened.problem } : { ok: false, notSolo: true };
        this.session = opened.session;
        return this.reply(this.session.events);
      }
      if (!this.session) return { ok: false, error: 'no session is open' };
      const sent = this.session.send(request.command, request.now);
      if (!sent.ok) return { ok: false, rejection: sent.rejection };
      return this.reply(sent.events);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private reply(events: SoloSession['events']): EngineReply {
    const s = this.session!;
    return { ok: true, snapshot: { header: s.header, state: s.state, head: s.head, events } };
  }
}
