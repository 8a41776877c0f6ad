/**
 * The API process's own start-up steps, which the scripts compose with runtime's (database, Temporal,
 * worker): make sure an admin can sign in, then serve the API and the UI.
 */
import type { Server } from 'node:http';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { ConfigError, type Config } from '../runtime/config';
import type { Lifecycle } from '../runtime/lifecycle';
import type { Logger } from '../runtime/logger';
import { createApp } from './app';
import type { AppDeps } from './context';
import { createUser, ensureBootstrapAdmin } from './services/users';

/** The admin of BOOTSTRAP_ADMIN_TOKEN, or on a first start without it an admin whose token is shown once. */
export async function bootstrapUsers(db: Db, config: Pick<Config, 'BOOTSTRAP_ADMIN_TOKEN'>, logger: Logger): Promise<void> {
  if (config.BOOTSTRAP_ADMIN_TOKEN) {
    if (await ensureBootstrapAdmin(db, config.BOOTSTRAP_ADMIN_TOKEN)) logger.info('created the bootstrap admin');
  } else if ((await db.select({ id: users.id }).from(users).limit(1)).length === 0) {
    const { token } = await createUser(db, { name: 'Quản trị hệ thống', email: 'quantri@giaoviec.local', role: 'admin' });
    process.stderr.write(`\nFirst start: sign in as admin with this token (shown only once):\n\n  ${token}\n\n`);
  }
}

export function listen(deps: AppDeps, port: number, lifecycle: Lifecycle): Promise<Server> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = app.listen(port);
    server.once('listening', () => {
      lifecycle.add(
        'http server',
        () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      );
      deps.logger.info({ url: `http://localhost:${port}` }, 'API and UI listening');
      resolve(server);
    });
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new ConfigError(`Port ${port} is already in use: stop the program using it or set PORT.`) : err),
    );
  });
}
