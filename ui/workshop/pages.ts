import { facilitatorPage } from './facilitatorPage.ts';
import { joinPage } from './joinPage.ts';
import type { Dispose, PageHost } from './page.ts';
import { projectorPage } from './projectorPage.ts';
import type { Route } from './routes.ts';
import { teamPage } from './teamPage.ts';

/** Opens the workshop page a route names. */
export function mountWorkshop(host: PageHost, route: Exclude<Route, { page: 'solo' } | { page: 'replay' }>): Dispose {
  switch (route.page) {
    case 'facilitate':
      return facilitatorPage(host, route);
    case 'join':
      return joinPage(host, route);
    case 'team':
      return teamPage(host, route);
    case 'projector':
      return projectorPage(host, route);
  }
}
