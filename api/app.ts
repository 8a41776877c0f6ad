import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { pinoHttp } from 'pino-http';
import type { AppDeps } from './context';
import { errorMiddleware, HttpError } from './errors';
import { mountRoutes, type RouteSpec } from './route';
import { openApiDocument } from './openapi';
import { allRoutes } from './routes';
import { BODY_LIMIT } from './app-limits';
import { createAppMetrics } from './metrics';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppOptions {
  routes?: RouteSpec[];
  /** Failed authentications allowed per client address per 15 minutes. */
  authFailuresPerWindow?: number;
  /** Check every JSON reply against the schema its route documents (tests: api/route `checkReply`). */
  checkReplies?: boolean;
}

/** The Express app, without listening: tests drive it on an ephemeral port. */
export function createApp(deps: AppDeps, opts: AppOptions = {}): Express {
  const routes = opts.routes ?? allRoutes;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createAppMetrics(deps);
  // First, so the time measured is the whole of our handling.
  app.use(metrics.record);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          // Over plain HTTP on an office network, upgrading would break every asset load.
          'upgrade-insecure-requests': deps.config.publicUrl.startsWith('https:') ? [] : null,
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
      // Client mistakes are routine; only our own failures are warnings. Never log headers: they carry tokens.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
      serializers: {
        // One-click links carry their signed token in the path (`/l/<token>`): it is as good as a password.
        // The identity provider's answer carries a code and a state: the whole query goes.
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: req.url
            .replace(/([?&]token=)[^&]+/, '$1…')
            .replace(/^(\/l\/)[^/?#]+/, '$1…')
            .replace(/^(\/auth\/oidc\/callback)\?.*$/, '$1?…'),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  // Repeated bad tokens from one address are slowed down; successful requests do not count.
  app.use(
    '/api',
    rateLimit({
      windowMs: 15 * 60_000,
      limit: opts.authFailuresPerWindow ?? 100,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      requestWasSuccessful: (_req, res) => res.statusCode !== 401,
      skipSuccessfulRequests: true,
      handler: (_req, res) =>
        res.status(429).json({ error: { code: 'too_many_requests', message: 'Quá nhiều lần xác thực sai; xin thử lại sau 15 phút.', details: [] } }),
    }),
  );
  app.use(express.json({ limit: BODY_LIMIT }));

  // Not in the route table: it answers to METRICS_TOKEN or to this machine, not to users' tokens.
  app.get('/metrics', metrics.serve);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument(routes, { version: '0.1.0', serverUrl: deps.config.publicUrl }));
  });
  const router = express.Router();
  mountRoutes(router, routes, deps, { checkReplies: opts.checkReplies });
  app.use(router);

  app.use('/api', (req, _res, next) => next(new HttpError(404, 'not_found', `Không có đường dẫn ${req.method} ${req.originalUrl}.`)));
  if (existsSync(WEB_DIST)) {
    app.use(express.static(WEB_DIST, { index: false, maxAge: '1h' }));
    // The UI routes in the browser: every other GET serves its shell.
    app.get(/^\/(?!api\/|healthz).*/, (_req, res) => res.sendFile(path.join(WEB_DIST, 'index.html')));
  }
  app.use((req, _res, next) => next(new HttpError(404, 'not_found', `Không có đường dẫn ${req.method} ${req.originalUrl}.`)));
  app.use(errorMiddleware(deps.logger));
  return app;
}
