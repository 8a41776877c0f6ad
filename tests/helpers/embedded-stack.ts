/**
 * `npm start` as a user runs it (scripts/start.ts in a process of its own: the Temporal dev server, the
 * worker, the API), on ports of its own, plus a small province seeded through its API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { requester } from './stack';

/** `n` ports free now (held together, so they differ). */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<net.Server>((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

export interface EmbeddedStack {
  url: string;
  /** The embedded Temporal dev server, `127.0.0.1:<port>`. */
  temporalAddress: string;
  request: ReturnType<typeof requester>;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, as Ctrl-C would; resolves its exit code. */
  stop(): Promise<number | null>;
}

/** Start `npm start` with `env` (DATA_DIR at least) and wait until /healthz says both DB and Temporal are up. */
export async function startEmbeddedStack(env: Record<string, string>): Promise<EmbeddedStack> {
  const [port, temporalPort, uiPort] = await freePorts(3);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort), LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stack: EmbeddedStack = {
    url,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    request: requester(url),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return stack;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stack.stop();
      throw new Error(`npm start was not healthy within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

export interface SeededProvince {
  planId: string;
  coordinator: string;
  clerk: string;
}

/** Two agencies, a coordinator and a clerk of Sở TTTT, and a plan, all through the API as its admin. */
export async function seedThroughApi(stack: EmbeddedStack, adminToken: string): Promise<SeededProvince> {
  const ok = (res: { status: number; body: unknown }, status: number) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Record<string, string>;
  };
  for (const agency of [
    { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', shortName: 'VP UBND tỉnh', kind: 'province', emails: ['vanthu@vpubnd.example.gov.vn'] },
    { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TTTT', kind: 'department', emails: ['vanthu@stttt.example.gov.vn'] },
  ]) {
    ok(await stack.request('POST', '/api/agencies', { token: adminToken, body: agency }), 201);
  }
  const coordinator = ok(
    await stack.request('POST', '/api/users', { token: adminToken, body: { name: 'Trần Văn Điều Phối', email: 'dieuphoi@vpubnd.example.gov.vn', role: 'coordinator', agencyCode: 'VPUBND' } }),
    201,
  ).token!;
  const clerk = ok(
    await stack.request('POST', '/api/users', { token: adminToken, body: { name: 'Lê Thị Văn Thư', email: 'vanthu@stttt.example.gov.vn', role: 'agency', agencyCode: 'STTTT' } }),
    201,
  ).token!;
  const year = new Date().getFullYear();
  const plan = ok(
    await stack.request('POST', '/api/plans', {
      token: coordinator,
      body: {
        code: `KH-${Date.now()}`,
        title: 'Kế hoạch chuyển đổi số tỉnh',
        documentNumber: '212/KH-UBND',
        issuedOn: '2020-11-03',
        periodStart: '2021-01-01',
        periodEnd: `${year + 1}-12-31`,
        coordinatorAgencyCode: 'VPUBND',
      },
    }),
    201,
  );
  return { planId: plan.id!, coordinator, clerk };
}
