import type { LocalizedText } from '../../engine/model/scenario.ts';

/**
 * A figure or a name inside a sentence of the report, kept as data (an id, yuan, basis points)
 * so the report's figures stay free of any language; `wording.ts` turns it into text.
 */
export type Arg =
  | string
  | number
  | { readonly territory: string }
  | { readonly firm: number; readonly market: number }
  | { readonly account: string }
  | { readonly rep: string }
  | { readonly money: number }
  /** A share or a rate in basis points: 1234 → 12.3%. */
  | { readonly bp: number }
  /** A ratio: 0.87 → 87%. */
  | { readonly ratio: number }
  /** A difference in share, in basis points, told as percentage points: 140 → 1.4. */
  | { readonly points: number }
  /** A price in ‰ of list: 950 → 95%. */
  | { readonly pm: number }
  | { readonly count: number }
  | { readonly metric: string }
  /** A funnel stage where deals are lost: 0 lead qualification … 3 closing. */
  | { readonly lossStage: number }
  | { readonly cause: string }
  | { readonly tier: number }
  | { readonly text: LocalizedText }
  /** Another message, by key. */
  | { readonly key: string };

/** A sentence of the report: a message key and its figures. */
export interface Phrase {
  readonly key: string;
  readonly params?: Readonly<Record<string, Arg>>;
}

export function phrase(key: string, params?: Readonly<Record<string, Arg>>): Phrase {
  return params ? { key, params } : { key };
}
