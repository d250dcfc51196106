/**
 * Colours of the region map. Firms get colours by index, with our firm always the same strong
 * vermilion that no competitor ever gets, so the trainee finds "us" at a glance; customers nobody
 * serves are grey. Colours are 0xRRGGBB numbers (what Pixi's `tint` takes).
 */

/** Our firm: a strong vermilion no competitor colour is close to. */
export const OUR_COLOUR = 0xe8432e;
/** Customers nobody serves. */
export const UNSERVED_COLOUR = 0xa9abb0;
/** The map background (paper) and the land a territory is drawn on before our share shades it. */
export const PAPER_COLOUR = 0xf3efe6;
export const LAND_COLOUR = 0xe4ddcd;
export const OUTLINE_COLOUR = 0x8a806c;
export const LABEL_COLOUR = 0x2d2a26;

/** Competitors, in order of firm index (ours skipped): distinct, mid-strength, none red. */
export const COMPETITOR_COLOURS: readonly number[] = [
  0x2f6db5, // blue
  0x2a9d6f, // green
  0x8a5cc2, // purple
  0xd9a21b, // amber
  0x1f9fb4, // teal
  0x8c6a4a, // brown
  0xc4629a, // pink
  0x5a6b7d, // slate
  0x6f9a2a, // olive
  0x3f4fa8, // indigo
];

/**
 * Each firm's colour, by firm index, when `ours` is our firm's index: ours gets OUR_COLOUR; the
 * other firms in play — every AI firm (even one that enters later) and the team slots taken —
 * take the competitor colours in firm order; team slots nobody took come last. It depends only
 * on who plays, so a firm keeps its colour for the whole session.
 */
export function firmColours(firms: readonly { readonly kind: string; readonly active: boolean }[], ours: number): number[] {
  const inPlay = (i: number) => firms[i]!.kind !== 'team' || firms[i]!.active;
  const order = firms.map((_, i) => i).filter((i) => i !== ours);
  order.sort((a, b) => Number(inPlay(b)) - Number(inPlay(a)) || a - b);
  const colours = firms.map(() => UNSERVED_COLOUR);
  order.forEach((i, slot) => (colours[i] = COMPETITOR_COLOURS[slot % COMPETITOR_COLOURS.length]!));
  if (ours >= 0 && ours < firms.length) colours[ours] = OUR_COLOUR;
  return colours;
}

/** Linear mix of two 0xRRGGBB colours, t in 0–1 (0 gives a, 1 gives b). */
export function mixColour(a: number, b: number, t: number): number {
  const k = t <= 0 ? 0 : t >= 1 ? 1 : t;
  const r = ((a >> 16) & 255) + (((b >> 16) & 255) - ((a >> 16) & 255)) * k;
  const g = ((a >> 8) & 255) + (((b >> 8) & 255) - ((a >> 8) & 255)) * k;
  const bl = (a & 255) + ((b & 255) - (a & 255)) * k;
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(bl);
}

/**
 * The shade of a territory for our share in bp: land colour shaded towards ours, saturating at
 * 50% share (a half share of a territory is already a dominant position).
 */
export function territoryShade(ourShareBp: number): number {
  return mixColour(LAND_COLOUR, OUR_COLOUR, 0.1 + 0.8 * Math.min(1, Math.max(0, ourShareBp) / 5000));
}
