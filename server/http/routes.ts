import type { Express } from 'express';
import type { ContextDeps } from '../graphql/context';
import type { resolveAuth } from '../modules/org/auth.service';
import { mountFileRoutes } from './files.routes';

export interface RouteDeps {
  deps: ContextDeps;
  isShuttingDown(): boolean;
  resolveAuth(authorization: string | null): ReturnType<typeof resolveAuth>;
}

/** Plain HTTP endpoints beside /graphql: health, readiness and spreadsheet files. */
export function mountHttpRoutes(app: Express, routes: RouteDeps): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (routes.isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    try {
      await routes.deps.ds.query('SELECT 1');
      res.json({ status: 'ready', database: routes.deps.config.database.kind });
    } catch {
      res.status(503).json({ status: 'database-unavailable' });
    }
  });
  mountFileRoutes(app, routes);
}
