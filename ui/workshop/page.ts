import type { Locale } from '../../engine/i18n/locale.ts';
import type { RegionHost } from '../screens/regionHost.ts';

/** What a page of the app is given: where to draw, the one map of the visit, and the reader's language. */
export interface PageHost {
  readonly root: HTMLElement;
  readonly region: RegionHost;
  locale(): Locale;
  setLocale(locale: Locale): void;
}

/** Takes a page down: closes its connection, stops its timers. */
export type Dispose = () => void;

/** The address pages link to: this page without its fragment. */
export function baseUrl(): string {
  return `${location.origin}${location.pathname}`;
}
