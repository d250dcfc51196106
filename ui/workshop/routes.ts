/**
 * The page's hash routes. The solo game is the default; a workshop's pages live under `#/`.
 * Tokens ride in the URL fragment (and localStorage), never in a query string the server sees,
 * so they stay out of its access logs.
 *
 *   #/facilitate                  create a session
 *   #/facilitate?s=<id>&t=<token> the facilitator's console (&o=<observer token>: for the projector link)
 *   #/join?code=XXXXXX            join a session as a team member
 *   #/team?s=<id>                 a team member's page (token from localStorage)
 *   #/projector?s=<id>&t=<token>  the read-only projector view (&c=<join code>: shown to the room)
 *   #/replay                      the replay viewer: an exported session log, scrubbed and compared
 *   #/replay?s=<id>               the same, for a session on this server (the token this browser holds for it)
 */
export type Route =
  | { readonly page: 'solo' }
  | { readonly page: 'replay'; readonly session: string }
  | { readonly page: 'facilitate'; readonly session: string; readonly token: string; readonly observer: string }
  | { readonly page: 'join'; readonly code: string }
  | { readonly page: 'team'; readonly session: string }
  | { readonly page: 'projector'; readonly session: string; readonly token: string; readonly code: string };

/** Session ids, tokens and codes are short runs of URL-safe characters; anything else is dropped. */
const SAFE = /^[A-Za-z0-9_-]{1,128}$/;

function param(query: URLSearchParams, name: string): string {
  const value = (query.get(name) ?? '').trim();
  return SAFE.test(value) ? value : '';
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const q = text.indexOf('?');
  const path = (q < 0 ? text : text.slice(0, q)).replace(/\/+$/, '');
  const query = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  switch (path) {
    case '/facilitate':
      return { page: 'facilitate', session: param(query, 's'), token: param(query, 't'), observer: param(query, 'o') };
    case '/join':
      return { page: 'join', code: param(query, 'code') };
    case '/team':
      return { page: 'team', session: param(query, 's') };
    case '/replay':
      return { page: 'replay', session: param(query, 's') };
    case '/projector':
      return { page: 'projector', session: param(query, 's'), token: param(query, 't'), code: param(query, 'c') };
    default:
      return { page: 'solo' };
  }
}

export function routeHash(route: Route): string {
  const query = (pairs: Record<string, string>) => {
    const q = new URLSearchParams(Object.entries(pairs).filter(([, v]) => v !== '')).toString();
    return q ? `?${q}` : '';
  };
  switch (route.page) {
    case 'solo':
      return '#/';
    case 'replay':
      return `#/replay${query({ s: route.session })}`;
    case 'facilitate':
      return `#/facilitate${query({ s: route.session, t: route.token, o: route.observer })}`;
    case 'join':
      return `#/join${query({ code: route.code })}`;
    case 'team':
      return `#/team${query({ s: route.session })}`;
    case 'projector':
      return `#/projector${query({ s: route.session, t: route.token, c: route.code })}`;
  }
}

/** Two routes show the same page (a hash change between them needs no new page). */
export function samePage(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}

/** A full link to a route, for copying or projecting: `https://host/#/join?code=K7M2QX`. */
export function routeLink(base: string, route: Route): string {
  return `${base.replace(/#.*$/, '')}${routeHash(route)}`;
}
