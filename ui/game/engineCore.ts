/**
 * The engine side of the page/worker split: one solo session and the requests it answers. Kept
 * free of worker plumbing so it runs the same in the worker, on the page (fallback) and in tests.
 */
import type { EngineReply, EngineRequest } from './protocol.ts';
import { SoloSession } from './soloSession.ts';

export class EngineCore {
  private session: SoloSession | null = null;

  handle(request: EngineRequest): EngineReply {
    try {
      if (request.op === 'create') {
        this.session = SoloSession.create(request.options);
        return this.reply(this.session.events);
      }
      if (request.op === 'restore') {
        this.session = SoloSession.restore(request.header, request.events);
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
