/**
 * The session server against hostile clients: thousands of generated messages no honest client
 * sends (broken frames, wrong shapes, forged roles, stale views, poisoned keys), and forged or
 * guessed credentials. Properties: the process stays up, every message that is not cut off at the
 * frame layer gets exactly one answer, a refusal, and a refused message leaves the log as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../../engine/core/verify.ts';
import { catalogFor } from '../../../engine/kinds.ts';
import { MANAGER_HOURS, type Decisions } from '../../../engine/model/decisions.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { SHOCK_KINDS, type ShockSpec } from '../../../engine/model/scenario.ts';
import { validateDecisions } from '../../../engine/model/validateDecisions.ts';
import { clientMessage, MAX_MESSAGE_BYTES } from '../../../engine/protocol/messages.ts';
import { negotiableAccounts } from '../../../engine/session/negotiations.ts';
import type { ViewEnvelope } from '../../../engine/session/playerView.ts';
import { validateShock } from '../../../engine/session/shockValidation.ts';
import type { SessionState } from '../../../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../../../engine/session/teams.ts';
import { MAX_NESTING } from '../../../server/ws/connection.ts';
import { helloSocket, RawSocket, type Answer } from '../../support/rawSocket.ts';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess.ts';

/** High enough that the rate limit never answers for the parser. */
const ENV = { SHAPAN_MESSAGES_PER_SECOND: '100000' };
const FUZZ_RUNS = 40;
const PER_RUN = { minLength: 100, maxLength: 120 };
/** Messages sent before a sentinel; the server closes a connection after 200 refusals in a row. */
const CHUNK = 120;
const ACCOUNT = 'linchuan-coop';
const TYPES = ['hello', 'create', 'join', 'command', 'timer', 'sync'];
const MOVE_KINDS = [
  'situation', 'problem', 'implication', 'need-payoff', 'fabe', 'redirect', 'quote', 'discount', 'tiered',
  'bundle', 'warranty', 'staged-delivery', 'trade', 'accept-counter', 'walk-away',
];
/** Kinds the discovery stage refuses (or refuses with no pain revealed), whatever their figures. */
const REFUSED_IN_DISCOVERY = ['redirect', 'discount', 'tiered', 'bundle', 'warranty', 'staged-delivery', 'trade', 'accept-counter', 'walk-away', 'implication', 'need-payoff'];
const POISON_KEYS = ['__proto__', 'constructor', 'prototype'];
const ID_SLOT = '@@ID@@';

type Target = 'anon' | 'fac' | 'teamA' | 'teamB' | 'obs';

/** One generated message: the frame (with ID_SLOT where its id goes), where it is sent, what answer it must get. */
interface Spec {
  readonly category: string;
  readonly target: Target;
  readonly frame: string | Uint8Array;
  readonly binary: boolean;
  /** The refusal code it must get; omitted when several are right. */
  readonly code?: RegExp;
  /** May be acknowledged (a random but well-formed negotiation move); everything else must be refused. */
  readonly mayAck?: boolean;
}

interface Setup {
  readonly server: ServerProcess;
  readonly session: string;
  readonly session2: string;
  readonly joinCode: string;
  readonly tokens: { fac: string; obs: string; teamA: string; teamB: string; teamC: string; fac2: string; team2: string };
  /** Public token ids (the prefix of each event's `cmd`), learnt from the setup's own events. */
  readonly pid: { teamA: string; teamB: string };
  readonly sockets: Record<Target, RawSocket>;
  readonly decisions: { A: Decisions; B: Decisions; C: Decisions };
  readonly shock: ShockSpec;
  readonly round: number;
  /** The log's length once set up; every seq below it is stale for good. */
  readonly initialLastSeq: number;
}

let ctx: Setup;
let nextId = 0;
const newId = () => `h-${++nextId}`;

function must<T extends Answer['type']>(answer: Answer, type: T): Extract<Answer, { type: T }> {
  if (answer.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(answer).slice(0, 400)}`);
  return answer as Extract<Answer, { type: T }>;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The id the server puts in its answer to these bytes (the rule in server/ws/connection.ts). */
function expectedId(data: string | Uint8Array): string | null {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (bytes > MAX_MESSAGE_BYTES) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
  } catch {
    return null;
  }
  const parsed = clientMessage.safeParse(raw);
  if (parsed.success) return parsed.data.id;
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

function frameWithId(spec: Spec, id: string): string | Uint8Array {
  if (typeof spec.frame !== 'string') return spec.frame;
  const text = spec.frame.split(ID_SLOT).join(id);
  return spec.binary ? Buffer.from(text, 'utf8') : text;
}

function isValidMessage(text: string): boolean {
  try {
    return clientMessage.safeParse(JSON.parse(text.split(ID_SLOT).join('x'))).success;
  } catch {
    return false;
  }
}

const body = (message: Record<string, unknown>) => JSON.stringify({ ...message, id: ID_SLOT });
const command = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => body({ type: 'command', command: c, ...extra });

function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}
function deepObject(depth: number, key = 'a'): string {
  return `{"${key}":`.repeat(depth) + '0' + '}'.repeat(depth);
}

/** Mutations of valid decisions, each one certain to make them invalid. */
const DECISION_MUTATIONS: readonly ((d: Record<string, unknown>, budget: number) => void)[] = [
  (d) => delete d.reps,
  (d) => delete d.pricePm,
  (d) => delete d.marketIntelligence,
  (d) => (d.extra = 1),
  (d) => (d.reps = 'all of them'),
  (d) => (d.territories = {}),
  (d) => (d.travel = -1),
  (d) => (d.travel = 1.5),
  (d) => (d.travel = '1000'),
  (d) => (d.travel = null),
  (d) => (d.contingency = 1e12),
  (d) => (d.maxDiscountBp = 3001),
  (d) => (d.meetingHours = MANAGER_HOURS + 1),
  (d) => (d.mediation = 'no'),
  (d) => (d.toolkit = 0),
  (d) => (d.pricePm = [1000, 1000]),
  (d) => (d.pricePm = [499, 1000, 1000]),
  (d) => (d.pricePm = [1000, 2001, 1000]),
  (d) => (d.pricePm = [1000, 1000, 1000.5]),
  (d) => ((d.reps as unknown[])[0] = null),
  (d) => ((d.reps as Record<string, unknown>[])[0]!.rep = 'nobody'),
  (d) => ((d.reps as Record<string, unknown>[])[0]!.prospecting = -5),
  (d) => ((d.reps as Record<string, unknown>[])[0]!.longTail = 10_000),
  (d) => (d.reps as unknown[]).push(structuredClone((d.reps as unknown[])[0])),
  (d) => ((d.territories as Record<string, unknown>[])[0]!.territory = 'atlantis'),
  (d) => ((d.territories as Record<string, unknown>[])[0]!.automation = 1),
  (d) => (d.training = [{ rep: 'nobody', skill: 'juggling', coaching: true }]),
  (d) => (d.incentives = [{ rep: '*', kind: 'free-lunch' }]),
  (d) => (d.operations = [{ account: 'no-such-account', priority: 'P1' }]),
  (d) => (d.executive = [{ account: ACCOUNT, hours: MANAGER_HOURS + 1 }]),
  (d, budget) => (d.contingency = budget + 1),
];

/** Mutations of a valid shock, each one certain to make it invalid. */
const SHOCK_MUTATIONS: readonly ((s: Record<string, unknown>) => void)[] = [
  (s) => (s.id = 'Bad Id'),
  (s) => (s.id = ''),
  (s) => (s.id = 'chip-shortage'),
  (s) => (s.kind = 'alien-invasion'),
  (s) => (s.duration = 0),
  (s) => (s.duration = 13),
  (s) => (s.duration = 1.5),
  (s) => (s.magnitudePm = -1),
  (s) => (s.magnitudePm = 1001),
  (s) => (s.territory = 'atlantis'),
  (s) => (s.signalled = 'yes'),
  (s) => (s.title = { en: 'only English' }),
  (s) => (s.title = { 'zh-CN': 'x', 'zh-TW': 'x', en: 'x'.repeat(201) }),
  (s) => (s.extra = true),
  (s) => delete s.kind,
];

function hostile(c: Setup): fc.Arbitrary<Spec> {
  const any = fc.constantFrom<Target>('anon', 'fac', 'teamA', 'teamB', 'obs');
  const bound = fc.constantFrom<Target>('fac', 'teamA', 'teamB', 'obs');
  const binary = fc.nat({ max: 9 }).map((n) => n < 2);
  const json = fc.jsonValue({ maxDepth: 3 });
  const { A, B, C } = c.decisions;
  const shock = c.shock as unknown as Record<string, unknown>;
  const stale = fc.oneof(fc.integer({ min: 0, max: c.initialLastSeq - 1 }), fc.integer({ min: c.initialLastSeq + 1_000_000, max: 2 ** 31 }));
  /** Commands some role may send, each well-formed. */
  const wellFormed: readonly Record<string, unknown>[] = [
    { type: 'OpenRound' },
    { type: 'CloseRound' },
    { type: 'EndSession' },
    { type: 'InjectShock', shock },
    { type: 'SubmitDecisions', decisions: A },
    { type: 'SubmitDecisions', team: 'team-1', decisions: A },
    { type: 'SubmitDecisions', team: 'team-2', decisions: B },
    { type: 'StartNegotiation', account: ACCOUNT },
    { type: 'NegotiationMove', account: ACCOUNT, move: { kind: 'situation' } },
  ];
  const anyCommand = fc.constantFrom(...wellFormed);
  const spec = (category: string, target: Target, frame: string | Uint8Array, extra: Partial<Spec> = {}): Spec => ({
    category,
    target,
    frame,
    binary: typeof frame !== 'string',
    ...extra,
  });
  const withBinary = (s: fc.Arbitrary<Spec>) => fc.tuple(s, binary).map(([x, b]) => (b && typeof x.frame === 'string' ? { ...x, binary: true } : x));
  const otherTeam = (own: string) =>
    fc
      .oneof(fc.constantFrom('team-1', 'team-2', 'team-3', 'team-4', 'team-0', '', 'TEAM-1', 'team-1 ', ' team-2', '__proto__', 'constructor'), fc.string({ maxLength: 40 }))
      .filter((t) => t !== own);

  const notJson = fc
    .record({
      target: any,
      text: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('', '{', '}', '[', '{"type":"hello"', 'undefined', 'NaN', "{'type':'hello'}", '{"a":1,}', '\u0000', '{"type":"sync","id":"x",}', '\ufeff{}', 'nul', '01', '{"type":"hello","id":"x"'),
      ),
    })
    .filter(({ text }) => !parses(text))
    .map(({ target, text }) => spec('not-json', target, text, { code: /^protocol\.not-json$/ }));

  const bytes = fc
    .record({ target: any, data: fc.uint8Array({ maxLength: 400 }) })
    .map(({ target, data }) => spec('binary', target, data, { code: /^protocol\.(not-json|bad-message)$/ }));

  const huge = fc
    .record({ target: any, size: fc.oneof(fc.integer({ min: MAX_MESSAGE_BYTES + 1, max: 400_000 }), fc.constantFrom(MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES + 1, 1_000_000)), fill: fc.constantFrom('json', 'ascii', 'cjk'), bin: fc.boolean() })
    .map(({ target, size, fill, bin }) => {
      let text: string;
      if (fill === 'json') {
        const head = `{"type":"hello","id":"${ID_SLOT}","token":"`;
        text = head + 'x'.repeat(Math.max(0, size - head.length - 2)) + '"}';
      } else if (fill === 'ascii') text = 'a'.repeat(size);
      else text = '沙'.repeat(Math.ceil(size / 3));
      return spec('huge', target, text, { binary: bin, code: /^protocol\.(too-large|not-json|bad-message)$/ });
    });

  const wrongShape = fc.oneof(
    fc
      .record({ target: any, value: json })
      .map(({ target, value }) => JSON.stringify(value) ?? 'null')
      .filter((t) => !isValidMessage(t))
      .chain((text) => any.map((target) => spec('wrong-shape', target, text, { code: /^protocol\.bad-message$/ }))),
    fc
      .record({
        target: any,
        type: fc.constantFrom(...TYPES),
        fields: fc.dictionary(fc.oneof(fc.constantFrom('token', 'after', 'command', 'code', 'name', 'action', 'seconds', 'teams', 'mode', 'expectedSeq', 'locale'), fc.string({ maxLength: 10 })), json, { maxKeys: 4 }),
      })
      .map(({ target, type, fields }) => spec('wrong-shape', target, body({ ...fields, type })))
      .filter((s) => !isValidMessage(s.frame as string))
      .map((s) => ({ ...s, code: /^protocol\.bad-message$/ })),
    fc
      .record({ target: any, id: fc.oneof(fc.constant(''), fc.string({ minLength: 65, maxLength: 80 }), fc.integer(), fc.constant(null), fc.constant(undefined)) })
      .map(({ target, id }) => spec('bad-id', target, JSON.stringify({ type: 'sync', after: 0, id }), { code: /^protocol\.bad-message$/ })),
  );

  const unknownType = fc
    .record({
      target: any,
      type: fc.oneof(fc.string({ maxLength: 20 }).filter((t) => !TYPES.includes(t)), fc.integer(), fc.constant(null), fc.boolean(), fc.constantFrom('Hello', 'HELLO', 'command ', '__proto__', 'constructor', 'toString')),
      fields: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 3 }),
    })
    .map(({ target, type, fields }) => spec('unknown-type', target, body({ ...fields, type }), { code: /^protocol\.bad-message$/ }));

  const hello = fc
    .record({ target: any, token: fc.oneof(fc.string({ minLength: 16, maxLength: 128 }), fc.base64String({ minLength: 32, maxLength: 32 })) })
    .filter(({ token }) => !Object.values(c.tokens).includes(token))
    .map(({ target, token }) => spec('hello', target, body({ type: 'hello', token }), { code: /^protocol\.(bad-token|already-hello|bad-message)$/ }));

  const create = fc
    .record({
      target: any,
      breakIt: fc.constantFrom<[string, unknown]>(
        ['scenario', 'no-such-scenario'],
        ['scenario', '__proto__'],
        ['mode', 'solo'],
        ['teams', []],
        ['teams', Array.from({ length: 13 }, (_, i) => ({ name: `t${i}` }))],
        ['teams', Array.from({ length: 9 }, (_, i) => ({ name: `t${i}` }))],
        ['teams', [{ name: 'x', bot: 'not-a-bot' }]],
        ['teams', [{ name: '' }]],
        ['roundSeconds', -1],
        ['roundSeconds', 1.5],
        ['roundSeconds', 14_401],
        ['locale', 'fr'],
        ['seed', ''],
        ['seed', 'x'.repeat(61)],
        ['owner', 'me'],
      ),
    })
    .map(({ target, breakIt }) =>
      spec('create', target, body({ type: 'create', scenario: 'workshop', mode: 'shared', teams: [{ name: 'X' }], roundSeconds: 0, locale: 'en', [breakIt[0]]: breakIt[1] }), {
        code: /^(protocol\.bad-message|server\.(unknown-scenario|create-rate)|session\.(team-slots|unknown-bot|team-count))$/,
      }),
    );

  const normalise = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '');
  const join = fc
    .record({
      target: any,
      code: fc.oneof(fc.stringMatching(/^[A-Z2-9]{6}$/), fc.string({ minLength: 1, maxLength: 20 })),
      name: fc.oneof(fc.constant('Mallory'), fc.constant(''), fc.string({ minLength: 41, maxLength: 50 })),
      team: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    })
    .filter(({ code }) => normalise(code) !== c.joinCode)
    .map(({ target, code, name, team }) =>
      spec('join', target, body({ type: 'join', code, name, ...(team !== undefined ? { team } : {}) }), {
        code: /^(protocol\.bad-message|server\.(bad-code|join-rate))$/,
      }),
    );

  const staleSeq = fc.oneof(
    stale.map((expectedSeq) => spec('stale-seq', 'teamA', command({ type: 'SubmitDecisions', decisions: A }, { expectedSeq }), { code: /^protocol\.stale-seq$/ })),
    stale.map((expectedSeq) => spec('stale-seq', 'teamB', command({ type: 'SubmitDecisions', decisions: B }, { expectedSeq }), { code: /^protocol\.stale-seq$/ })),
    fc
      .tuple(stale, fc.constantFrom<Record<string, unknown>>({ type: 'CloseRound' }, { type: 'InjectShock', shock }))
      .map(([expectedSeq, cmd]) => spec('stale-seq', 'fac', command(cmd, { expectedSeq }), { code: /^protocol\.stale-seq$/ })),
    fc
      .tuple(fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.string()), fc.constantFrom<Target>('fac', 'teamA'))
      .map(([expectedSeq, target]) => spec('stale-seq', target, command(target === 'fac' ? { type: 'CloseRound' } : { type: 'SubmitDecisions', decisions: A }, { expectedSeq }), { code: /^protocol\.bad-message$/ })),
  );

  const wrongRound = fc
    .oneof(fc.integer({ min: -5, max: 20 }).filter((r) => r !== c.round), fc.double({ noInteger: true, noNaN: true }), fc.constantFrom('3', null, true))
    .map((round) => spec('wrong-round', 'fac', command({ type: 'InjectShock', shock: { ...shock, round } }), { code: /^shock\.round$/ }));

  const beforeHello = fc
    .oneof(
      anyCommand.map((cmd) => command(cmd)),
      fc.constantFrom('pause', 'resume', 'extend').map((action) => body({ type: 'timer', action })),
      fc.nat().map((after) => body({ type: 'sync', after })),
    )
    .map((frame) => spec('before-hello', 'anon', frame, { code: /^protocol\.hello-first$/ }));

  const forTeam = (sender: 'teamA' | 'teamB', own: string) =>
    fc
      .tuple(otherTeam(own), fc.constantFrom<'submitA' | 'submitB' | 'submitC' | 'start' | 'move'>('submitA', 'submitB', 'submitC', 'start', 'move'))
      .map(([team, what]) => {
        const cmd =
          what === 'start'
            ? { type: 'StartNegotiation', team, account: ACCOUNT }
            : what === 'move'
              ? { type: 'NegotiationMove', team, account: ACCOUNT, move: { kind: 'situation' } }
              : { type: 'SubmitDecisions', team, decisions: what === 'submitA' ? A : what === 'submitB' ? B : C };
        return spec('other-team', sender, command(cmd), { code: /^session\.(not-your-team|unknown-team)$/ });
      });

  const observer = fc.oneof(
    fc.tuple(anyCommand, fc.option(fc.nat(), { nil: undefined })).map(([cmd, expectedSeq]) => spec('observer', 'obs', command(cmd, expectedSeq !== undefined ? { expectedSeq } : {}), { code: /^protocol\.observer$/ })),
    fc.constantFrom('pause', 'resume', 'extend').map((action) => spec('observer', 'obs', body({ type: 'timer', action }), { code: /^protocol\.not-facilitator$/ })),
  );

  const facilitatorOnly = fc.oneof(
    fc
      .tuple(
        fc.constantFrom<'teamA' | 'teamB'>('teamA', 'teamB'),
        fc.constantFrom<Record<string, unknown>>({ type: 'OpenRound' }, { type: 'CloseRound' }, { type: 'EndSession' }, { type: 'InjectShock', shock }),
        fc.option(fc.nat({ max: c.initialLastSeq + 50 }), { nil: undefined }),
      )
      .map(([target, cmd, expectedSeq]) => spec('facilitator-only', target, command(cmd, expectedSeq !== undefined ? { expectedSeq } : {}), { code: /^protocol\.not-facilitator$/ })),
    fc
      .tuple(fc.constantFrom<'teamA' | 'teamB'>('teamA', 'teamB'), fc.constantFrom('pause', 'resume', 'extend'))
      .map(([target, action]) => spec('facilitator-only', target, body({ type: 'timer', action }), { code: /^protocol\.not-facilitator$/ })),
  );

  const decisionsCode = /^(field|decisions)\./;
  const randomDecisions = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 20 }), json, { maxKeys: 20 }).map((d) => spec('random-decisions', 'teamA', command({ type: 'SubmitDecisions', decisions: d }), { code: decisionsCode })),
    fc
      .tuple(fc.nat({ max: DECISION_MUTATIONS.length - 1 }), fc.constantFrom<'teamA' | 'teamB'>('teamA', 'teamB'))
      .map(([k, target]) => {
        const base = target === 'teamA' ? A : B;
        const d = structuredClone(base) as unknown as Record<string, unknown>;
        DECISION_MUTATIONS[k]!(d, 10_000_000_000);
        return spec('mutated-decisions', target, command({ type: 'SubmitDecisions', decisions: d }), { code: decisionsCode });
      }),
  );

  const moveFields = fc.record(
    {
      pain: fc.oneof(fc.constantFrom('downtime', 'stockouts', 'slow-service', 'cash-flow', 'staff-turnover', 'integration', 'bogus', '__proto__', 'constructor'), fc.string({ maxLength: 10 })),
      attribute: fc.oneof(fc.constantFrom('price', 'delivery', 'service', 'payment', 'innovation', 'bogus', 'constructor', 'toString'), fc.string({ maxLength: 10 })),
      ask: fc.constantFrom('term', 'volume', 'prepayment', 'bogus'),
      pricePm: fc.oneof(fc.integer({ min: -10, max: 3000 }), fc.double(), fc.string({ maxLength: 5 })),
      bp: fc.oneof(fc.integer({ min: -10, max: 4000 }), fc.double()),
      costYuan: fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), fc.double()),
      junk: json,
    },
    { requiredKeys: [] },
  );
  const movesRefused = fc.oneof(
    // Kinds no stage knows, or that a conversation still in discovery with no pain revealed refuses.
    fc
      .tuple(fc.oneof(fc.string({ maxLength: 20 }).filter((k) => !MOVE_KINDS.includes(k)), fc.constantFrom(...REFUSED_IN_DISCOVERY, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf')), moveFields)
      .map(([kind, fields]) => ({ ...fields, kind })),
    // A quote whose price is out of range or not an integer.
    fc.oneof(fc.integer({ max: 499 }), fc.integer({ min: 2001 }), fc.double({ noInteger: true }), fc.string(), fc.constant(null)).map((pricePm) => ({ kind: 'quote', pricePm })),
    // A kind that is not a string at all.
    fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 2 })).map((kind) => ({ kind })),
    fc.constant({}),
  );
  const moves = fc.oneof(
    movesRefused.map((move) => spec('moves', 'teamA', command({ type: 'NegotiationMove', account: ACCOUNT, move }), { code: /^(negotiation|field)\./ })),
    // Any move, on an account with no conversation open.
    fc
      .tuple(fc.oneof(fc.constantFrom('xinchao-coffee', 'golden-grain', 'nobody', ACCOUNT.toUpperCase(), `${ACCOUNT} `), fc.string({ minLength: 1, maxLength: 80 }).filter((a) => a !== ACCOUNT)), fc.constantFrom(...MOVE_KINDS), moveFields, fc.constantFrom<'teamA' | 'teamB'>('teamA', 'teamB'))
      .map(([account, kind, fields, target]) => spec('moves', target, command({ type: 'NegotiationMove', account, move: { ...fields, kind } }), { code: /^negotiation\.none$/ })),
    // A second conversation with the same account, or one with an account not up for renewal.
    fc
      .tuple(fc.oneof(fc.constantFrom(ACCOUNT, 'xinchao-coffee', 'golden-grain', 'harbour-hotels'), fc.string({ minLength: 1, maxLength: 80 })), fc.constantFrom<'teamA' | 'teamB'>('teamA', 'teamB'))
      .map(([account, target]) => spec('moves', target, command({ type: 'StartNegotiation', account }), { code: /^(negotiation|decisions)\./ })),
  );
  // Anything at all on team B's open conversation: some of these are sound moves and are taken.
  const movesWild = fc
    .tuple(fc.oneof(fc.constantFrom(...MOVE_KINDS), fc.string({ maxLength: 12 })), moveFields, fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }))
    .map(([kind, fields, d]) => {
      const frame = command({ type: 'NegotiationMove', account: ACCOUNT, move: { ...fields, kind, ...(d !== undefined ? { deep: '@@DEEP@@' } : {}) } });
      return spec('moves-wild', 'teamB', d !== undefined ? frame.replace('"@@DEEP@@"', deepObject(d)) : frame, { mayAck: true });
    });

  const shockCode = /^(field|shock|decisions)\./;
  const shocks = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 10 }).map((s) => spec('random-shock', 'fac', command({ type: 'InjectShock', shock: s }), { code: shockCode })),
    fc.nat({ max: SHOCK_MUTATIONS.length - 1 }).map((k) => {
      const s = structuredClone(shock);
      SHOCK_MUTATIONS[k]!(s);
      return spec('mutated-shock', 'fac', command({ type: 'InjectShock', shock: s }), { code: shockCode });
    }),
  );

  // Nesting past MAX_NESTING is refused as a bad message before anything reads it (judge checks that);
  // shallower nesting reaches the rules, which refuse it for what it is.
  const depth = fc.oneof(fc.integer({ min: 1, max: MAX_NESTING + 2 }), fc.integer({ min: MAX_NESTING + 3, max: 10_000 }));
  const decisionsDeep = Object.keys(A).filter((k) => k !== 'reps');
  const deep = fc.oneof(
    fc
      .tuple(any, fc.oneof(depth, fc.integer({ min: 10_000, max: 30_000 })), fc.boolean())
      .map(([target, d, arrays]) => spec('deep', target, arrays ? deepArray(d) : deepObject(Math.min(d, 10_000)), { code: /^protocol\.bad-message$/ })),
    // From two levels: an empty list is a valid value for some of these fields.
    fc.tuple(depth.filter((d) => d >= 2), fc.constantFrom(...decisionsDeep)).map(([d, key]) => {
      const frame = command({ type: 'SubmitDecisions', decisions: { ...A, [key]: '@@DEEP@@' } }).replace('"@@DEEP@@"', deepArray(d));
      return spec('deep', 'teamA', frame, { code: decisionsCode });
    }),
    fc.tuple(depth, fc.constantFrom('id', 'kind', 'round', 'duration', 'territory', 'magnitudePm', 'signalled', 'title')).map(([d, key]) => {
      const frame = command({ type: 'InjectShock', shock: { ...shock, [key]: '@@DEEP@@' } }).replace('"@@DEEP@@"', deepArray(d));
      return spec('deep', 'fac', frame, { code: /^(field|shock|decisions)\./ });
    }),
    depth.map((d) => spec('deep', 'teamA', `{"type":"command","id":"${ID_SLOT}","command":{"type":"NegotiationMove","account":"${ACCOUNT}","move":{"kind":"walk-away","why":${deepObject(d)}}}}`, { code: /^(negotiation|field)\./ })),
    depth.map((d) => spec('deep', 'obs', `{"type":"command","id":"${ID_SLOT}","command":{"type":"InjectShock","shock":{"x":${deepArray(d)}}}}`, { code: /^protocol\.observer$/ })),
  );

  const payloads = [JSON.stringify(A), JSON.stringify(shock), '{"kind":"situation"}', '{"role":"facilitator","team":"team-2","kind":"facilitator"}', '{"type":"CloseRound"}', 'null', '1'];
  const poison = fc
    .tuple(fc.constantFrom(...POISON_KEYS), fc.constantFrom(...payloads), fc.nat({ max: 9 }))
    .map(([key, payload, where]): Spec => {
      const k = JSON.stringify(key);
      switch (where) {
        case 0:
          return spec('poison', 'anon', `{${k}:{"type":"hello","token":"${'t'.repeat(32)}"},"id":"${ID_SLOT}"}`, { code: /^protocol\.bad-message$/ });
        case 1:
          return spec('poison', 'teamA', `{"type":"command","id":"${ID_SLOT}","command":{"type":"SubmitDecisions","decisions":{${k}:${payload}}}}`, { code: decisionsCode });
        case 2:
          return spec('poison', 'fac', `{"type":"command","id":"${ID_SLOT}","command":{"type":"InjectShock","shock":{${k}:${payload}}}}`, { code: shockCode });
        case 3:
          return spec('poison', 'teamA', `{"type":"command","id":"${ID_SLOT}","command":{"type":"NegotiationMove","account":"${ACCOUNT}","move":{${k}:${payload}}}}`, { code: /^(field|negotiation)\./ });
        case 4:
          return spec('poison', 'teamA', `{"type":"command","id":"${ID_SLOT}","command":{"type":"OpenRound",${k}:${payload}}}`, { code: /^protocol\.bad-message$/ });
        case 5:
          return spec('poison', 'fac', `{"type":"command","id":"${ID_SLOT}","command":{"type":"CloseRound",${k}:${payload}}}`, { code: /^protocol\.bad-message$/ });
        case 6:
          return spec('poison', 'obs', `{"type":"command","id":"${ID_SLOT}",${k}:${payload},"command":{"type":"CloseRound"}}`, { code: /^protocol\.bad-message$/ });
        case 7:
          return spec('poison', 'teamA', `{"type":"command","id":"${ID_SLOT}","command":{"type":"SubmitDecisions","team":${k},"decisions":${JSON.stringify(A)}}}`, { code: /^session\.unknown-team$/ });
        case 8:
          return spec('poison', 'teamB', `{"type":"hello","id":"${ID_SLOT}","token":"${'t'.repeat(32)}",${k}:${payload}}`, { code: /^protocol\.bad-message$/ });
        default:
          return spec('poison', 'teamA', `{"type":"command","id":"${ID_SLOT}","command":{"type":"SubmitDecisions","decisions":{${k}:${payload},"reps":[]}}}`, { code: decisionsCode });
      }
    });

  return fc.oneof(
    { arbitrary: notJson, weight: 3 },
    { arbitrary: bytes, weight: 2 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: withBinary(wrongShape), weight: 4 },
    { arbitrary: withBinary(unknownType), weight: 2 },
    { arbitrary: withBinary(hello), weight: 2 },
    { arbitrary: withBinary(create), weight: 1 },
    { arbitrary: withBinary(join), weight: 1 },
    { arbitrary: withBinary(staleSeq), weight: 3 },
    { arbitrary: withBinary(wrongRound), weight: 2 },
    { arbitrary: withBinary(beforeHello), weight: 2 },
    { arbitrary: fc.oneof(forTeam('teamA', 'team-1'), forTeam('teamB', 'team-2')), weight: 3 },
    { arbitrary: withBinary(observer), weight: 2 },
    { arbitrary: withBinary(facilitatorOnly), weight: 2 },
    { arbitrary: withBinary(randomDecisions), weight: 4 },
    { arbitrary: withBinary(moves), weight: 4 },
    { arbitrary: movesWild, weight: 2 },
    { arbitrary: withBinary(shocks), weight: 3 },
    { arbitrary: deep, weight: 2 },
    { arbitrary: poison, weight: 3 },
  );
}

/** How deeply arrays and objects nest in a frame (0 for a scalar or no JSON). */
function nesting(frame: string | Uint8Array): number {
  let value: unknown;
  try {
    value = JSON.parse(typeof frame === 'string' ? frame : Buffer.from(frame).toString('utf8'));
  } catch {
    return 0;
  }
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, d);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** What went wrong with one message's answer, or null. */
function judge(spec: Spec, sentId: string, frame: string | Uint8Array, answer: Answer | undefined): string | null {
  if (!answer) return 'no answer';
  const bytes = typeof frame === 'string' ? Buffer.byteLength(frame) : frame.length;
  const tooDeep = bytes <= MAX_MESSAGE_BYTES && nesting(frame) > MAX_NESTING;
  if (tooDeep && (answer.type !== 'refused' || answer.code !== 'protocol.bad-message')) {
    return `nested ${nesting(frame)} deep, answered ${answer.type === 'refused' ? answer.code : answer.type}`;
  }
  if (answer.type === 'ack' && !spec.mayAck) return `acknowledged (seq ${answer.seq})`;
  if (answer.type !== 'ack' && answer.type !== 'refused') return `answered ${answer.type}`;
  const want = expectedId(frame);
  if (answer.id !== want) return `answer id ${JSON.stringify(answer.id)}, expected ${JSON.stringify(want)} (sent ${sentId})`;
  if (answer.type === 'refused') {
    if (!spec.mayAck && answer.code === 'server.internal') return 'server.internal';
    if (spec.code && !spec.code.test(answer.code) && !tooDeep) return `code ${answer.code}, expected ${spec.code}`;
    if (typeof answer.message !== 'string' || answer.message.length === 0) return 'refusal without a message';
  }
  return null;
}

function describeSpec(spec: Spec, frame: string | Uint8Array): string {
  const shown = typeof frame === 'string' ? frame : `<${frame.length} bytes>`;
  return `[${spec.category} → ${spec.target}${spec.binary ? ', binary' : ''}] ${shown.length > 300 ? `${shown.slice(0, 300)}… (${shown.length} chars)` : shown}`;
}

let sentinels = 0;
/** A well-formed message every socket refuses (bad token, or already bound): it resets the refusals-in-a-row count. */
function sentinel(): { type: 'hello'; id: string; token: string } {
  return { type: 'hello', id: `sentinel-${++sentinels}`, token: 'sentinel-token-0000' };
}

interface Sent {
  readonly spec: Spec;
  readonly id: string;
  readonly frame: string | Uint8Array;
}

/** Sends one socket's share of a run in chunks, each closed by a sentinel; returns each message's answer. */
async function sendAll(socket: RawSocket, messages: readonly Spec[]): Promise<{ sent: Sent; answer: Answer | undefined }[]> {
  const out: { sent: Sent; answer: Answer | undefined }[] = [];
  for (let start = 0; start < messages.length; start += CHUNK) {
    const chunk = messages.slice(start, start + CHUNK).map((spec): Sent => {
      const id = newId();
      return { spec, id, frame: frameWithId(spec, id) };
    });
    const from = socket.answers.length;
    for (const s of chunk) socket.sendRaw(s.frame, s.spec.binary);
    const end = sentinel();
    socket.send(end);
    await socket.until(() => socket.answers.slice(from).some((a) => a.id === end.id), 30_000, `the answer to ${end.id}`);
    const answers = socket.answers.slice(from);
    const at = answers.findIndex((a) => a.id === end.id);
    if (at !== chunk.length) {
      throw new Error(`${chunk.length} messages got ${at} answers before the sentinel: ${JSON.stringify(answers.slice(0, at).map((a) => a.id)).slice(0, 500)}`);
    }
    const last = answers[at]!;
    if (last.type !== 'refused') throw new Error(`the sentinel was answered ${JSON.stringify(last)}`);
    chunk.forEach((sent, i) => out.push({ sent, answer: answers[i] }));
  }
  return out;
}

async function exportLog(server: ServerProcess, session: string, token: string): Promise<Response> {
  return fetch(`${server.url}api/sessions/${session}/log`, { headers: { authorization: `Bearer ${token}` } });
}

/** Waits until every event the server appended before now has reached the facilitator's socket. */
async function barrier(fac: RawSocket): Promise<void> {
  const answer = await fac.request(sentinel());
  if (answer.type !== 'refused') throw new Error(`barrier answered ${answer.type}`);
}

/** A new connection is welcomed and shown the log the facilitator's socket holds. */
async function stillServing(c: Setup): Promise<void> {
  expect(c.server.child.exitCode).toBeNull();
  expect(c.server.child.signalCode).toBeNull();
  const fresh = await helloSocket(c.server.wsUrl, c.tokens.obs, 'alive');
  const welcome = fresh.answers[0];
  fresh.close();
  if (welcome?.type !== 'welcome') throw new Error('no welcome');
  const held = c.sockets.fac.events;
  expect(welcome.events.length).toBe(held.length);
  expect(welcome.events.at(-1)?.hash).toBe(held.at(-1)?.hash);
}

async function setUp(): Promise<Setup> {
  const server = await startServerProcess(undefined, 0, ENV);
  const anon = await RawSocket.open(server.wsUrl);
  const created = must(
    await anon.request({ type: 'create', id: 'setup-create', scenario: 'workshop', seed: 'hostile-seed', mode: 'shared', teams: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], roundSeconds: 0, locale: 'en' }),
    'created',
  );
  const joined = async (code: string, name: string, team: string) => must(await anon.request({ type: 'join', id: `setup-join-${name}`, code, name, team }), 'joined');
  const a = await joined(created.joinCode, 'Ann', 'team-1');
  const b = await joined(created.joinCode, 'Bo', 'team-2');
  const cc = await joined(created.joinCode, 'Cai', 'team-3');
  const created2 = must(
    await anon.request({ type: 'create', id: 'setup-create-2', scenario: 'workshop', mode: 'shared', teams: [{ name: 'X' }, { name: 'Y' }], roundSeconds: 0, locale: 'en' }),
    'created',
  );
  const x = await joined(created2.joinCode, 'Xu', 'team-1');

  const fac = await helloSocket(server.wsUrl, created.facilitatorToken);
  const teamA = await helloSocket(server.wsUrl, a.token);
  const teamB = await helloSocket(server.wsUrl, b.token);
  const obs = await helloSocket(server.wsUrl, created.observerToken);
  // Round 3 is the first with an account up for renewal: both teams open a conversation with it.
  for (let round = 1; round <= 3; round++) {
    must(await fac.request({ type: 'command', id: `setup-open-${round}`, command: { type: 'OpenRound' } }), 'ack');
    if (round < 3) must(await fac.request({ type: 'command', id: `setup-close-${round}`, command: { type: 'CloseRound' } }), 'ack');
  }
  must(await teamA.request({ type: 'command', id: 'setup-a-start', command: { type: 'StartNegotiation', account: ACCOUNT } }), 'ack');
  must(await teamB.request({ type: 'command', id: 'setup-b-start', command: { type: 'StartNegotiation', account: ACCOUNT } }), 'ack');
  await barrier(fac);

  const state = fac.state as SessionState;
  expect(state.status).toBe('open');
  expect(state.round).toBe(3);
  const pidOf = (id: string) => {
    const e = fac.events.find((ev) => ev.cmd.endsWith(`:${id}`));
    if (!e) throw new Error(`no event of ${id}`);
    return e.cmd.slice(0, e.cmd.length - id.length - 1);
  };
  const decisionsFor = (teamId: string) => {
    const team = state.teams.find((t) => t.id === teamId)!;
    expect(negotiableAccounts(state, team)).toContain(ACCOUNT);
    const market = state.markets[marketIndexOf(state, teamId)]!;
    const firm = firmIndexOf(state, team);
    const d = defaultDecisions(market, state.scenario!, firm);
    // The fuzz sends these where a rule other than their content refuses them: they must be valid.
    expect(validateDecisions(d, market, state.scenario!, firm)).toBeNull();
    return d;
  };
  const shock: ShockSpec = {
    id: 'fuzz-shock',
    kind: SHOCK_KINDS.includes('downturn') ? 'downturn' : SHOCK_KINDS[0]!,
    round: 3,
    duration: 2,
    territory: '',
    magnitudePm: 100,
    signalled: true,
    title: { 'zh-CN': '测试', 'zh-TW': '測試', en: 'Test' },
  };
  expect(validateShock(shock, state.scenario!, state.round)).toBeNull();
  return {
    server,
    session: created.session,
    session2: created2.session,
    joinCode: created.joinCode,
    tokens: { fac: created.facilitatorToken, obs: created.observerToken, teamA: a.token, teamB: b.token, teamC: cc.token, fac2: created2.facilitatorToken, team2: x.token },
    pid: { teamA: pidOf('setup-a-start'), teamB: pidOf('setup-b-start') },
    sockets: { anon, fac, teamA, teamB, obs },
    decisions: { A: decisionsFor('team-1'), B: decisionsFor('team-2'), C: decisionsFor('team-3') },
    shock,
    round: 3,
    initialLastSeq: fac.events.length,
  };
}

describe('the session server under hostile messages', () => {
  beforeAll(async () => {
    ctx = await setUp();
  }, 60_000);
  afterAll(async () => {
    if (!ctx) return;
    for (const s of Object.values(ctx.sockets)) s.close();
    await ctx.server.stop('SIGKILL');
  });

  it('answers every generated message exactly once, refuses all but sound moves, and only acknowledged commands reach the log', async () => {
    const c = ctx;
    const counts = new Map<string, number>();
    const acked = new Map<string, number>();
    const refusedIds = new Set<string>();
    let total = 0;
    let checked = c.sockets.fac.events.length;
    await fc.assert(
      fc.asyncProperty(fc.array(hostile(c), PER_RUN), async (messages) => {
        const byTarget = new Map<Target, Spec[]>();
        for (const m of messages) byTarget.set(m.target, [...(byTarget.get(m.target) ?? []), m]);
        const results = (await Promise.all([...byTarget].map(([target, list]) => sendAll(c.sockets[target], list)))).flat();
        const problems: string[] = [];
        const ackedNow = new Map<string, number>();
        for (const { sent, answer } of results) {
          total++;
          counts.set(sent.spec.category, (counts.get(sent.spec.category) ?? 0) + 1);
          const problem = judge(sent.spec, sent.id, sent.frame, answer);
          if (problem) problems.push(`${problem}: ${describeSpec(sent.spec, sent.frame)}`);
          if (answer?.type === 'ack' && !answer.duplicate) ackedNow.set(sent.id, answer.seq);
          if (answer?.type === 'refused') refusedIds.add(sent.id);
        }
        expect(problems).toEqual([]);
        // The log grew by exactly one event per acknowledged move, each carrying that move's id.
        await barrier(c.sockets.fac);
        const fresh: ViewEnvelope[] = c.sockets.fac.events.slice(checked);
        checked = c.sockets.fac.events.length;
        expect(fresh.map((e) => [e.seq, e.type, e.cmd])).toEqual(
          [...ackedNow].sort((x, y) => x[1] - y[1]).map(([id, seq]) => [seq, 'NegotiationMoved', `${c.pid.teamB}:${id}`]),
        );
        for (const [id, seq] of ackedNow) acked.set(id, seq);
        await stillServing(c);
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(total).toBeGreaterThanOrEqual(3000);

    // The exported log verifies and holds the setup's events plus the acknowledged moves, nothing else.
    const response = await exportLog(c.server, c.session, c.tokens.fac);
    expect(response.status).toBe(200);
    const text = await response.text();
    const verdict = await verifyLog([text], catalogFor);
    expect(verdict).toMatchObject({ ok: true, count: c.initialLastSeq + acked.size });
    const events = text.trim().split('\n').slice(1, -1).map((l) => JSON.parse(l) as { seq: number; cmd: string; hash: string });
    expect(events.map((e) => e.hash)).toEqual(c.sockets.fac.events.map((e) => e.hash));
    for (const e of events.slice(c.initialLastSeq)) {
      const id = e.cmd.slice(e.cmd.indexOf(':') + 1);
      expect(acked.get(id)).toBe(e.seq);
    }
    expect(events.filter((e) => refusedIds.has(e.cmd.slice(e.cmd.indexOf(':') + 1)))).toEqual([]);
    console.log(`hostile messages: ${total} (${[...counts].sort().map(([k, n]) => `${k} ${n}`).join(', ')}); acknowledged moves: ${acked.size}`);
  });

  it('cuts off oversized frames, broken UTF-8 and a client that only sends garbage, and keeps serving', async () => {
    const c = ctx;
    const before = c.sockets.fac.events.length;
    for (const [size, binary] of [
      [1024 * 1024 + 1, false],
      [1024 * 1024 + 1, true],
      [3 * 1024 * 1024, false],
    ] as const) {
      const s = await RawSocket.open(c.server.wsUrl);
      s.sendRaw(binary ? Buffer.alloc(size, 0x7b) : '{'.repeat(size), binary);
      expect((await s.whenClosed()).code).toBe(1009);
      expect(s.answers).toEqual([]);
    }
    const broken = await RawSocket.open(c.server.wsUrl);
    broken.sendRaw(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), false);
    expect((await broken.whenClosed()).code).toBe(1007);
    // 200 refusals in a row close the connection; each of the 200 was answered first.
    const pest = await RawSocket.open(c.server.wsUrl);
    for (let i = 0; i < 210; i++) pest.sendRaw(`not json ${i}`);
    const closed = await pest.whenClosed();
    expect(closed.code).toBe(1008);
    expect(pest.answers.length).toBe(200);
    expect(pest.answers.every((a) => a.type === 'refused' && a.code === 'protocol.not-json')).toBe(true);
    await barrier(c.sockets.fac);
    expect(c.sockets.fac.events.length).toBe(before);
    await stillServing(c);
  });

  describe('forged and guessed credentials', () => {
    let logBefore = '';
    beforeAll(async () => {
      logBefore = await (await exportLog(ctx.server, ctx.session, ctx.tokens.fac)).text();
    });

    async function refusedAll(socket: RawSocket, messages: readonly ({ id: string } & Record<string, unknown>)[], code: RegExp): Promise<void> {
      for (const m of messages) {
        const a = await socket.request(m);
        if (a.type !== 'refused' || !code.test(a.code)) throw new Error(`${JSON.stringify(m).slice(0, 200)} was answered ${JSON.stringify(a).slice(0, 300)}`);
      }
    }

    it('random tokens bind nothing', async () => {
      const s = await RawSocket.open(ctx.server.wsUrl);
      const known = new Set(Object.values(ctx.tokens));
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.base64String({ minLength: 32, maxLength: 32 }), fc.string({ minLength: 16, maxLength: 128 }), fc.string({ unit: 'binary', minLength: 16, maxLength: 64 })), async (token) => {
          fc.pre(!known.has(token));
          await refusedAll(s, [{ type: 'hello', id: newId(), token }], /^protocol\.(bad-token|bad-message)$/);
        }),
        { numRuns: 300 },
      );
      await refusedAll(s, [{ type: 'command', id: newId(), command: { type: 'CloseRound' } }], /^protocol\.hello-first$/);
      s.close();
    });

    it('a token altered by one character, cut, extended or padded with white space binds nothing', async () => {
      const s = await RawSocket.open(ctx.server.wsUrl);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const originals = [ctx.tokens.fac, ctx.tokens.teamA, ctx.tokens.obs];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...originals), fc.nat(), fc.constantFrom(...alphabet), async (token, at, ch) => {
          const i = at % token.length;
          fc.pre(token[i] !== ch);
          await refusedAll(s, [{ type: 'hello', id: newId(), token: token.slice(0, i) + ch + token.slice(i + 1) }], /^protocol\.bad-token$/);
        }),
        { numRuns: 200 },
      );
      const variants: string[] = [];
      for (const t of originals) {
        variants.push(t.slice(0, -1), `${t}A`, t.toUpperCase(), t.toLowerCase(), [...t].reverse().join(''));
        for (const w of [' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u200b', '\ufeff']) variants.push(t + w, w + t);
      }
      await refusedAll(
        s,
        variants.filter((v) => !originals.includes(v)).map((token) => ({ type: 'hello', id: newId(), token })),
        /^protocol\.bad-token$/,
      );
      s.close();
    });

    it("a team token cannot act for another team, nor control the session; an observer token can send no command", async () => {
      const { A, B } = ctx.decisions;
      const shock = ctx.shock;
      const facOnly = [{ type: 'OpenRound' }, { type: 'CloseRound' }, { type: 'EndSession' }, { type: 'InjectShock', shock }];
      for (const who of ['teamA', 'teamB'] as const) {
        const s = await helloSocket(ctx.server.wsUrl, ctx.tokens[who]);
        const other = who === 'teamA' ? 'team-2' : 'team-1';
        await refusedAll(
          s,
          [
            { type: 'command', id: newId(), command: { type: 'SubmitDecisions', team: other, decisions: who === 'teamA' ? B : A } },
            { type: 'command', id: newId(), command: { type: 'SubmitDecisions', team: 'team-3', decisions: ctx.decisions.C } },
            { type: 'command', id: newId(), command: { type: 'StartNegotiation', team: other, account: 'xinchao-coffee' } },
            { type: 'command', id: newId(), command: { type: 'NegotiationMove', team: other, account: ACCOUNT, move: { kind: 'situation' } } },
          ],
          /^session\.not-your-team$/,
        );
        await refusedAll(
          s,
          [
            ...facOnly.map((command) => ({ type: 'command', id: newId(), command })),
            ...facOnly.map((command) => ({ type: 'command', id: newId(), command, expectedSeq: ctx.sockets.fac.events.length })),
            ...(['pause', 'resume', 'extend'] as const).map((action) => ({ type: 'timer', id: newId(), action })),
          ],
          /^protocol\.not-facilitator$/,
        );
        s.close();
      }
      const obs = await helloSocket(ctx.server.wsUrl, ctx.tokens.obs);
      await refusedAll(
        obs,
        [
          ...facOnly,
          { type: 'SubmitDecisions', decisions: A },
          { type: 'SubmitDecisions', team: 'team-1', decisions: A },
          { type: 'StartNegotiation', team: 'team-3', account: ACCOUNT },
          { type: 'NegotiationMove', team: 'team-2', account: ACCOUNT, move: { kind: 'situation' } },
        ].flatMap((command) => [
          { type: 'command', id: newId(), command },
          { type: 'command', id: newId(), command, expectedSeq: ctx.sockets.fac.events.length },
        ]),
        /^protocol\.observer$/,
      );
      await refusedAll(
        obs,
        (['pause', 'resume', 'extend'] as const).map((action) => ({ type: 'timer', id: newId(), action })),
        /^protocol\.not-facilitator$/,
      );
      obs.close();
    });

    it("another session's tokens reach only that session, and its log export refuses them", async () => {
      const other = await helloSocket(ctx.server.wsUrl, ctx.tokens.fac2);
      const welcome = must(other.answers[0]!, 'welcome');
      expect(welcome.session).toBe(ctx.session2);
      expect(welcome.session).not.toBe(ctx.session);
      // Its round is closed: its facilitator's commands concern it alone.
      await refusedAll(other, [{ type: 'command', id: newId(), command: { type: 'CloseRound' } }], /^session\.no-round-open$/);
      other.close();
      const team2 = await helloSocket(ctx.server.wsUrl, ctx.tokens.team2);
      expect(must(team2.answers[0]!, 'welcome').session).toBe(ctx.session2);
      await refusedAll(team2, [{ type: 'command', id: newId(), command: { type: 'SubmitDecisions', team: 'team-1', decisions: ctx.decisions.A } }], /^session\.no-round-open$/);
      await refusedAll(team2, [{ type: 'command', id: newId(), command: { type: 'SubmitDecisions', team: 'team-2', decisions: ctx.decisions.B } }], /^session\.(no-round-open|not-your-team)$/);
      team2.close();

      for (const token of [ctx.tokens.fac2, ctx.tokens.team2, 'x'.repeat(32), `${ctx.tokens.fac}x`, ctx.tokens.fac.slice(1)]) {
        expect((await exportLog(ctx.server, ctx.session, token)).status).toBe(401);
      }
      // Before the end only the facilitator may take the log.
      for (const token of [ctx.tokens.obs, ctx.tokens.teamA]) expect((await exportLog(ctx.server, ctx.session, token)).status).toBe(403);
      const noAuth = await fetch(`${ctx.server.url}api/sessions/${ctx.session}/log`);
      expect(noAuth.status).toBe(401);
      const inUrl = await fetch(`${ctx.server.url}api/sessions/${ctx.session}/log?token=${encodeURIComponent(ctx.tokens.fac)}`);
      expect(inUrl.status).toBe(401);
    });

    it('join codes cannot be guessed: past the limit every attempt is refused, the right code too', async () => {
      const sockets = await Promise.all([0, 1, 2].map(() => RawSocket.open(ctx.server.wsUrl)));
      const codes: string[] = [];
      const started = Date.now();
      const guesses = fc.sample(fc.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/), 60).filter((g) => g !== ctx.joinCode);
      for (const [i, code] of guesses.entries()) {
        const a = await sockets[i % sockets.length]!.request({ type: 'join', id: newId(), code, name: 'Guesser' });
        if (a.type !== 'refused') throw new Error(`guess ${code} answered ${JSON.stringify(a)}`);
        codes.push(a.code);
      }
      const right = await sockets[0]!.request({ type: 'join', id: newId(), code: ctx.joinCode, name: 'Guesser' });
      expect(right).toMatchObject({ type: 'refused', code: 'server.join-rate' });
      const seconds = (Date.now() - started) / 1000;
      expect(new Set(codes)).toEqual(new Set(codes.filter((x) => x === 'server.bad-code' || x === 'server.join-rate')));
      expect(codes).toContain('server.join-rate');
      // Ten at once, then ten a minute, per address (every socket here shares 127.0.0.1).
      expect(codes.filter((x) => x === 'server.bad-code').length).toBeLessThanOrEqual(10 + Math.ceil(seconds / 6));
      for (const s of sockets) s.close();
    });

    afterAll(async () => {
      const after = await (await exportLog(ctx.server, ctx.session, ctx.tokens.fac)).text();
      expect(after).toBe(logBefore);
      await stillServing(ctx);
    });
  });
});
