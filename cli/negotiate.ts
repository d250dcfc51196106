/**
 * npm run negotiate -- --account <id> [--scenario <id|file>] [--seed <s>] [--lang zh-CN|zh-TW|en] [--out <log.jsonl>]
 * npm run negotiate -- tournament … (cli/negotiate/tournament.ts)
 * A key-account renewal negotiation, turn by turn in the terminal, played as a real session:
 * the rounds before the renewal pass on default decisions, then every move is a logged command.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Aggregate, type CommandEnvelope } from '../engine/core/aggregate.ts';
import { createHeader } from '../engine/core/header.ts';
import { logLines } from '../engine/core/jsonl.ts';
import { ENGINE_VERSION } from '../engine/core/version.ts';
import { describePrice, describeRejection, describeReply, t } from '../engine/i18n/describe.ts';
import type { Locale } from '../engine/i18n/locale.ts';
import { MOVES_BY_STAGE } from '../engine/negotiation/machine.ts';
import { negotiationScore } from '../engine/negotiation/score.ts';
import { ATTRIBUTES, EVIDENCE, PAINS, type Attribute, type Evidence, type Move, type Pain } from '../engine/negotiation/types.ts';
import type { SessionCommand } from '../engine/session/commands.ts';
import { sessionDecider } from '../engine/session/decider.ts';
import { DEFAULT_SCENARIO_ID } from '../scenarios/library.ts';
import { cliLocale } from './io/locale.ts';
import { negotiationTournament } from './negotiate/tournament.ts';
import { writeLines } from './io/logFile.ts';
import { runCli, UsageError } from './io/runCli.ts';
import { loadScenarioArg, printProblems } from './io/scenarioSource.ts';

const isPain = (x: string | undefined): x is Pain => PAINS.includes(x as Pain);
const isAttribute = (x: string | undefined): x is Attribute => ATTRIBUTES.includes(x as Attribute);
const isEvidence = (x: string | undefined): x is Evidence => EVIDENCE.includes(x as Evidence);
const whole = (x: string | undefined) => (x !== undefined && /^\d+$/.test(x) ? Number(x) : Number.NaN);

/** A typed line as a move, or null when it is not one. */
export function parseMove(line: string): Move | null {
  const [word, a, b] = line.trim().split(/\s+/);
  switch (word) {
    case 'situation':
      return { kind: 'situation' };
    case 'problem':
    case 'implication':
    case 'need-payoff':
      return isPain(a) ? { kind: word, pain: a } : null;
    case 'fabe': {
      // fabe <attribute> [pain] [evidence]
      if (!isAttribute(a)) return null;
      const [, , , c] = line.trim().split(/\s+/);
      const evidence = isEvidence(c) ? c : isEvidence(b) ? b : undefined;
      const pain = isPain(b) ? b : undefined;
      if ((b !== undefined && !pain && !isEvidence(b)) || (c !== undefined && (!pain || !isEvidence(c)))) return null;
      return { kind: 'fabe', attribute: a, ...(pain ? { pain } : {}), ...(evidence ? { evidence } : {}) };
    }
    case 'redirect':
      return isAttribute(a) ? { kind: 'redirect', attribute: a } : null;
    case 'quote':
      return Number.isSafeInteger(whole(a)) ? { kind: 'quote', pricePm: whole(a) } : null;
    case 'discount':
    case 'tiered':
      return Number.isSafeInteger(whole(a)) ? { kind: word, bp: whole(a) } : null;
    case 'bundle':
    case 'warranty':
      return Number.isSafeInteger(whole(a)) ? { kind: word, costYuan: whole(a) } : null;
    case 'staged':
    case 'staged-delivery':
      return { kind: 'staged-delivery' };
    case 'trade':
      return a === 'term' || a === 'volume' || a === 'prepayment' ? { kind: 'trade', ask: a } : null;
    case 'accept':
    case 'accept-counter':
      return { kind: 'accept-counter' };
    case 'walk':
    case 'walk-away':
      return { kind: 'walk-away' };
    default:
      return null;
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'tournament') return negotiationTournament(argv.slice(1));
  let locale: Locale = cliLocale();
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { account: { type: 'string' }, scenario: { type: 'string' }, seed: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
    }).values;
  } catch (error) {
    console.error((error as Error).message);
    console.error(t(locale, 'negotiate.usage'));
    return 2;
  }
  locale = cliLocale(values.lang);
  try {
    const loaded = await loadScenarioArg(values.scenario ?? DEFAULT_SCENARIO_ID);
    if (!loaded.ok) {
      printProblems(loaded);
      return 2;
    }
    const { scenario, hash } = loaded;
    const spec = scenario.keyAccounts.find((a) => a.id === values.account);
    if (!spec) {
      console.error(t(locale, 'negotiate.accounts', { list: scenario.keyAccounts.map((a) => `${a.id} (${a.contractEnd})`).join(', ') }));
      throw new UsageError(values.account ? `no key account "${values.account}"` : '--account is required');
    }
    if (spec.contractEnd > scenario.rounds) throw new UsageError(`${spec.id}'s contract ends after the last round (${spec.contractEnd})`);
    const seed = values.seed ?? '1';
    const list = scenario.product.listPrice;
    const session = Aggregate.create(
      sessionDecider(seed),
      createHeader({ engineVersion: ENGINE_VERSION, scenario: { id: scenario.id, hash }, seed, createdAt: new Date().toISOString() }),
    );
    const slot = scenario.firms.find((f) => f.kind === 'team')!;
    let n = 0;
    const send = (kind: 'facilitator' | 'team', command: SessionCommand) => {
      const envelope: CommandEnvelope<SessionCommand> = { id: `neg-${++n}`, actor: { kind, id: kind === 'team' ? 'you' : 'facilitator' }, ts: new Date().toISOString(), command };
      return session.handle(envelope);
    };
    send('facilitator', { type: 'CreateSession', scenario, scenarioHash: hash, mode: 'shared', teams: [{ id: 'you', name: 'you', firm: slot.id }] });
    for (let r = 1; r < spec.contractEnd; r++) {
      send('facilitator', { type: 'OpenRound' });
      send('facilitator', { type: 'CloseRound' });
    }
    send('facilitator', { type: 'OpenRound' });
    const started = send('team', { type: 'StartNegotiation', team: 'you', account: spec.id });
    if (started.kind !== 'accepted') throw new Error(JSON.stringify(started));
    const current = () => session.state.negotiations.at(-1)!.negotiation;

    console.log(t(locale, 'negotiate.intro', { round: spec.contractEnd, account: spec.name[locale], volume: spec.volume }));
    console.log(`  ${t(locale, 'reply.greeting.1')}`);
    const status = () => {
      const c = current().context;
      const price = (pm: number) => (pm > 0 ? describePrice(pm, list, locale) : t(locale, 'negotiate.none'));
      console.log(t(locale, 'negotiate.status', { pv: (c.perceivedValueBp / 100).toFixed(1), trust: c.trust, ask: price(c.askPm), counter: price(c.counterPm), moves: c.moves }));
      const moves = MOVES_BY_STAGE[current().stage as keyof typeof MOVES_BY_STAGE] ?? [];
      console.log(t(locale, 'negotiate.moves', { moves: moves.map((m) => `${m} (${t(locale, `move.${m}`)})`).join(', ') }));
    };
    const help = () =>
      console.log(
        t(locale, 'negotiate.help', {
          pains: PAINS.map((p) => `${p} ${t(locale, `pain.${p}`)}`).join(', '),
          attributes: ATTRIBUTES.map((a) => `${a} ${t(locale, `attribute.${a}`)}`).join(', '),
        }),
      );
    help();
    status();
    const rl = createInterface({ input: process.stdin, terminal: false });
    process.stdout.write(t(locale, 'negotiate.prompt'));
    for await (const line of rl) {
      const input = line.trim();
      if (input === '') {
        process.stdout.write(t(locale, 'negotiate.prompt'));
        continue;
      }
      if (input === 'quit') {
        console.log(t(locale, 'negotiate.quit'));
        break;
      }
      if (input === 'help') help();
      else {
        const move = parseMove(input);
        if (!move) console.log(t(locale, 'negotiate.unknown', { input }));
        else {
          const result = send('team', { type: 'NegotiationMove', team: 'you', account: spec.id, move });
          if (result.kind === 'rejected') console.log(t(locale, 'negotiate.refused', { reason: describeRejection(result.rejection, locale) }));
          else console.log(`  ${describeReply(current().context.history.at(-1)!.reply, locale, list)}`);
        }
      }
      if (current().stage === 'deal' || current().stage === 'noDeal') break;
      status();
      process.stdout.write(t(locale, 'negotiate.prompt'));
    }
    rl.close();
    const final = current();
    send('facilitator', { type: 'CloseRound' });
    const market = session.state.markets[0]!;
    const account = market.accounts.find((a) => a.id === spec.id)!;
    const firmName = scenario.firms[account.supplier]?.name[locale] ?? '—';
    if (final.stage === 'deal') {
      console.log(t(locale, 'negotiate.deal', { price: describePrice(final.context.dealPricePm, list, locale), firm: firmName, net: describePrice(account.pricePm, list, locale) }));
    } else console.log(t(locale, 'negotiate.no-deal', { firm: firmName }));
    console.log(t(locale, 'negotiate.score', { score: negotiationScore(final.context) }));
    send('facilitator', { type: 'EndSession' });
    if (values.out) {
      await writeLines(values.out, logLines(session.header, session.log.events));
      console.log(t(locale, 'negotiate.saved', { file: values.out, events: session.log.lastSeq, head: session.log.headHash }));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(t(locale, 'negotiate.usage'));
    return 2;
  }
}

runCli(main);
