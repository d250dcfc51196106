import { describePrice, describeReply } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import { coachNotes, dealReview, scoreParts } from '../../engine/negotiation/coach.ts';
import type { NegotiationContext } from '../../engine/negotiation/context.ts';
import { negotiationScore, profileKnown } from '../../engine/negotiation/score.ts';
import { MOVES_BY_STAGE } from '../../engine/negotiation/machine.ts';
import { ATTRIBUTES, PAINS, type Attribute, type Move, type MoveKind, type Pain } from '../../engine/negotiation/types.ts';
import { findNegotiation, negotiableAccounts } from '../../engine/session/negotiations.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { t } from '../i18n/t.ts';
import { accountName } from './accountNames.ts';
import { formatCount, formatMoney } from './format.ts';
import { teamContext } from './session.ts';

/** What a move needs besides its kind, so the room can ask for it. */
export type MoveInput = 'none' | 'pain' | 'revealed-pain' | 'attribute' | 'attribute-pain' | 'price' | 'bp' | 'yuan' | 'ask';

export const MOVE_INPUT: Readonly<Record<MoveKind, MoveInput>> = {
  situation: 'none',
  problem: 'pain',
  implication: 'revealed-pain',
  'need-payoff': 'revealed-pain',
  fabe: 'attribute-pain',
  redirect: 'attribute',
  quote: 'price',
  discount: 'bp',
  tiered: 'bp',
  bundle: 'yuan',
  warranty: 'yuan',
  'staged-delivery': 'none',
  trade: 'ask',
  'accept-counter': 'none',
  'walk-away': 'none',
};

export interface ConversationLine {
  readonly speaker: 'buyer' | 'seller';
  readonly text: string;
}

export interface NegotiationRoomView {
  readonly account: string;
  readonly title: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly lines: readonly ConversationLine[];
  readonly stage: string;
  readonly over: boolean;
  readonly outcome: string;
  readonly revealedWeights: readonly { readonly attribute: Attribute; readonly label: string; readonly weight: number }[];
  readonly revealedPains: readonly { readonly pain: Pain; readonly label: string }[];
  readonly offer: { readonly ask: string; readonly counter: string; readonly conceded: string; readonly trust: number; readonly perceivedValue: string };
  readonly moves: readonly { readonly kind: MoveKind; readonly label: string; readonly input: MoveInput; readonly hint: string }[];
  readonly pains: readonly { readonly pain: Pain; readonly label: string }[];
  readonly attributes: readonly { readonly attribute: Attribute; readonly label: string }[];
  readonly listPrice: number;
  /** The last price on the table (ask or counter), ‰ of list, for prefilling a quote. */
  readonly askPm: number;
  readonly counterPm: number;
  readonly score: number | null;
  /** The score leaves out the reach into the buyer's range, hidden until the profile is public. */
  readonly scorePartial: boolean;
  /** The coach's line on each move, in order (move i answers lines 2i+1 and 2i+2). */
  readonly coach: readonly CoachLine[];
  /** Whether the coach speaks without being asked: in a scenario with a guide (the tutorial). */
  readonly coachByDefault: boolean;
  /** How the finished deal scored and what it gave and got (null while talking). */
  readonly review: DealReviewView | null;
}

export interface CoachLine {
  readonly text: string;
  /** What moved: value, trust and the buyer's counter. */
  readonly moved: string;
  readonly tone: 'good' | 'neutral' | 'costly';
}

export interface DealReviewView {
  readonly parts: readonly { readonly label: string; readonly points: string }[];
  readonly facts: readonly string[];
}

/** The seller's side of a move, in the reader's language. */
export function describeMove(move: Move, locale: Locale, listPrice: number): string {
  const params: Record<string, string | number> = {};
  if ('pain' in move && move.pain) params.pain = t(locale, `pain.${move.pain}`);
  if ('attribute' in move) params.attribute = t(locale, `attribute.${move.attribute}`);
  if (move.kind === 'quote') params.price = describePrice(move.pricePm, listPrice, locale);
  if (move.kind === 'discount' || move.kind === 'tiered') params.percent = String(move.bp / 100);
  if (move.kind === 'bundle' || move.kind === 'warranty') params.cost = formatMoney(locale, move.costYuan);
  if (move.kind === 'trade') params.ask = t(locale, `trade.${move.ask}`);
  if (move.kind === 'fabe') {
    // The line the seller says is composed from its choices: feature and advantage, the benefit for a pain, the proof.
    const parts = {
      feature: t(locale, `fabe.feature.${move.attribute}`),
      advantage: t(locale, `fabe.advantage.${move.attribute}`),
      evidence: move.evidence ? t(locale, `fabe.evidence.${move.evidence}`) : '',
    };
    return (move.pain ? t(locale, 'seller.fabe.composed', { ...parts, benefit: t(locale, `fabe.benefit.${move.pain}`) }) : t(locale, 'seller.fabe.composed-no-benefit', parts)).trim();
  }
  return t(locale, `seller.${move.kind}`, params);
}

/** The accounts the team may negotiate with this round, and whether a talk is under way. */
export function negotiableList(state: SessionState, locale: Locale, teamId?: string) {
  const { scenario, team, market } = teamContext(state, teamId);
  if (state.status !== 'open') return [];
  return negotiableAccounts(state, team).map((id) => {
    const account = market.accounts.find((a) => a.id === id)!;
    const talk = findNegotiation(state, team.id, id);
    return {
      id,
      name: accountName(scenario, id, locale),
      volume: formatCount(locale, account.volume),
      supplier: account.supplier >= 0 ? scenario.firms[account.supplier]!.name[locale] : t(locale, 'negotiation.no-supplier'),
      status: !talk ? 'new' : talk.negotiation.stage === 'deal' ? 'deal' : talk.negotiation.stage === 'noDeal' ? 'no-deal' : 'talking',
    } as const;
  });
}

/** The negotiation room for one account this round (null when no talk has started). */
export function negotiationRoomView(state: SessionState, accountId: string, locale: Locale, teamId?: string): NegotiationRoomView | null {
  const { scenario, team, market } = teamContext(state, teamId);
  const talk = findNegotiation(state, team.id, accountId);
  if (!talk) return null;
  const { stage, context: c } = talk.negotiation;
  const list = scenario.product.listPrice;
  const account = market.accounts.find((a) => a.id === accountId)!;
  const price = (pm: number) => (pm > 0 ? describePrice(pm, list, locale) : t(locale, 'negotiation.none'));
  const lines: ConversationLine[] = [{ speaker: 'buyer', text: t(locale, `reply.greeting.${1 + (accountId.length % 3)}`) }];
  for (const record of c.history) {
    lines.push({ speaker: 'seller', text: describeMove(record.move, locale, list) });
    lines.push({ speaker: 'buyer', text: describeReply(record.reply, locale, list) });
  }
  const over = stage === 'deal' || stage === 'noDeal';
  const kinds = over ? [] : ((MOVES_BY_STAGE as Record<string, readonly MoveKind[]>)[stage] ?? []);
  const moves = kinds
    .filter((k) => MOVE_INPUT[k] !== 'revealed-pain' || c.revealedPains.length > 0)
    .filter((k) => k !== 'accept-counter' || c.counterPm > 0)
    .map((kind) => ({ kind, label: t(locale, `move.${kind}`), input: MOVE_INPUT[kind], hint: t(locale, `move-hint.${kind}`) }));
  return {
    account: accountId,
    title: accountName(scenario, accountId, locale),
    facts: [
      { label: t(locale, 'negotiation.volume'), value: t(locale, 'briefing.units', { units: formatCount(locale, account.volume) }) },
      { label: t(locale, 'negotiation.supplier'), value: account.supplier >= 0 ? scenario.firms[account.supplier]!.name[locale] : t(locale, 'negotiation.no-supplier') },
      { label: t(locale, 'negotiation.contract-price'), value: describePrice(account.pricePm, list, locale) },
      { label: t(locale, 'negotiation.influence'), value: '★'.repeat(account.influence) },
    ],
    lines,
    stage: t(locale, `negotiation-stage.${stage}`),
    over,
    outcome: over ? t(locale, stage === 'deal' ? 'negotiation.outcome-deal' : 'negotiation.outcome-none', { price: price(c.dealPricePm) }) : '',
    revealedWeights: c.revealedWeights.map((a) => ({ attribute: a, label: t(locale, `attribute.${a}`), weight: c.persona.weights[a] })),
    revealedPains: c.revealedPains.map((p) => ({ pain: p, label: t(locale, `pain.${p}`) })),
    offer: {
      ask: price(c.askPm),
      counter: price(c.counterPm),
      conceded: c.concessionValuePm + c.discountPm > 0 ? price(c.concessionValuePm + c.discountPm) : t(locale, 'negotiation.none'),
      trust: c.trust,
      perceivedValue: `${(c.perceivedValueBp / 100).toFixed(1)}%`,
    },
    moves,
    pains: PAINS.map((p) => ({ pain: p, label: t(locale, `pain.${p}`) })),
    attributes: ATTRIBUTES.map((a) => ({ attribute: a, label: t(locale, `attribute.${a}`) })),
    listPrice: list,
    askPm: c.askPm,
    counterPm: c.counterPm,
    score: over ? negotiationScore(c) : null,
    scorePartial: !profileKnown(c),
    coach: coachLines(c, locale, list),
    coachByDefault: scenario.guide.length > 0,
    review: over ? reviewView(c, locale, list, account.volume) : null,
  };
}

const signed = (x: number, digits = 0) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

/** The coach's lines, in the reader's language. */
export function coachLines(c: NegotiationContext, locale: Locale, listPrice: number): CoachLine[] {
  return coachNotes(c).map((n) => {
    const params: Record<string, string | number> = { ...n.params };
    if (typeof params.objection === 'string') params.objection = t(locale, `objection.${params.objection}`);
    if (typeof params.pain === 'string') params.pain = t(locale, `pain.${params.pain}`);
    if (typeof params.attribute === 'string') params.attribute = t(locale, `attribute.${params.attribute}`);
    const waiting = n.waiting ? ` ${t(locale, 'coach.objection-waiting', { objection: t(locale, `objection.${n.waiting}`) })}` : '';
    return {
      text: t(locale, n.key, params) + waiting,
      moved: t(locale, 'coach.moved', {
        value: `${signed(n.valueDelta, 1)}%`,
        trust: signed(n.trustDelta),
        counter: n.counterPm > 0 ? describePrice(n.counterPm, listPrice, locale) : t(locale, 'negotiation.none'),
      }),
      tone: n.tone,
    };
  });
}

/** The finished deal's score parts and review, in the reader's language. */
export function reviewView(c: NegotiationContext, locale: Locale, listPrice: number, volume: number): DealReviewView {
  const p = scoreParts(c);
  const r = dealReview(c);
  const pts = (x: number, max: number) => t(locale, 'review.points', { points: Math.round(x), max });
  const perUnit = (pm: number) => formatMoney(locale, Math.round((pm * listPrice) / 1000));
  const parts = [
    { label: t(locale, 'review.margin'), points: pts(p.margin, 45) },
    { label: t(locale, 'review.reach'), points: p.reach === null ? t(locale, 'review.reach-hidden') : pts(p.reach, 20) },
    { label: t(locale, 'review.discovery'), points: pts(p.discovery, 15) },
    { label: t(locale, 'review.trust'), points: pts(p.trust, 20) },
    ...(p.penalty < 0 ? [{ label: t(locale, 'review.penalty'), points: String(p.penalty) }] : []),
  ];
  let left: string | null;
  if (c.outcome !== 'deal') left = null;
  else if (r.leftOnTablePm === null) left = t(locale, 'review.left-hidden');
  else if (r.leftOnTablePm === 0 || r.lostAtMove === null) left = t(locale, 'review.left-none');
  else
    left = t(locale, 'review.left', {
      amount: perUnit(r.leftOnTablePm),
      total: formatMoney(locale, Math.round((r.leftOnTablePm * listPrice * volume) / 1000)),
      move: r.lostAtMove + 1,
      said: describeMove(c.history[r.lostAtMove]!.move, locale, listPrice),
    });
  const facts = [
    ...(c.outcome === 'deal' ? [t(locale, 'review.price', { price: describePrice(r.pricePm, listPrice, locale) })] : []),
    t(locale, 'review.value', { value: (r.valueBp / 100).toFixed(1) }),
    t(locale, 'review.given', { discount: perUnit(r.discountPm), concessions: perUnit(r.concessionValuePm) }),
    t(locale, 'review.received', { trades: r.trades }),
    t(locale, 'review.objections', { raised: r.objections, well: r.answeredWell, badly: r.answeredBadly }),
    t(locale, 'review.preparation', { trust: r.startTrust }),
    ...(left === null ? [] : [left]),
  ];
  return { parts, facts };
}
