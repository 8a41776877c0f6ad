import { z } from 'zod';
import { route } from '../route';
import type { AppDeps } from '../context';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  try {
    await withTimeout(check(), 2000);
    return 'ok';
  } catch {
    return 'down';
  }
}

/** Database and Temporal reachability, for load balancers and `docker compose` health checks. */
export async function health(deps: AppDeps) {
  const [db, temporal] = await Promise.all([
    probe(() => deps.database.ping()),
    probe(() => deps.temporal.connection.workflowService.getSystemInfo({})),
  ]);
  return { status: db === 'ok' && temporal === 'ok' ? ('ok' as const) : ('degraded' as const), db, temporal };
}

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'down']), temporal: z.enum(['ok', 'down']) });

export const systemRoutes = [
  route({
    method: 'get',
    path: '/healthz',
    tag: 'system',
    summary: 'Reachability of the database and Temporal (503 when either is down)',
    auth: 'public',
    responses: { 200: { description: 'Both reachable', schema: healthSchema }, 503: { description: 'One is down', schema: healthSchema } },
    async handler({ deps }) {
      const body = await health(deps);
      return { status: body.status === 'ok' ? 200 : 503, body };
    },
  }),
];
