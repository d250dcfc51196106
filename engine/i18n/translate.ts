import type { Locale } from './locale.ts';

export type Params = Readonly<Record<string, string | number>>;
export type Messages = Readonly<Record<string, string>>;
export type MessageCatalog = Readonly<Record<Locale, Messages>>;

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Looks a key up in the locale, then in English, then shows the key itself so nothing is blank. */
export function translate(catalog: MessageCatalog, locale: Locale, key: string, params?: Params): string {
  const template = catalog[locale][key] ?? catalog.en[key];
  return template === undefined ? key : interpolate(template, params);
}
