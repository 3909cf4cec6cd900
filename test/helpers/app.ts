/**
 * A yifa instance on a test database (either engine), with the demo town, and a small
 * client that keeps the session cookie and CSRF token like a browser would.
 */
import { rmSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { buildApp, openYifa } from '../../src/app/root.js';
import type { Yifa } from '../../src/platform/yifa.js';
import { seedDemoTown } from '../../src/modules/org/demo.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';
import { seedDemoInformationRequests } from '../../src/modules/information-requests/demo.js';
import { seedDemoPetitions } from '../../src/modules/petitions/demo.js';
import { seedReconsiderationStaff } from '../../src/modules/reconsideration/demo.js';
import type { Engine } from '../../src/platform/db/database.js';
import type { Clock } from '../../src/platform/clock.js';
import { createTestDatabase } from './engines.js';

export const DEMO_PASSWORD = 'Demo-Password-2026';

export interface TestApp {
  yifa: Yifa;
  app: FastifyInstance;
  config: Config;
  /** `from`: the client's address (default 127.0.0.1), for tests of per-address throttling. */
  login(username: string, password?: string, from?: string): Promise<Client>;
  anonymous(from?: string): Client;
  close(): Promise<void>;
}

export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress?: string,
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body !== undefined ? { payload: body as object } : {}),
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'yifa_session');
    if (set) this.cookie = set.value ? `yifa_session=${set.value}` : undefined;
    return res;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }
}

/**
 * `demo` seeds the town (default); `cases` also its year of penalty cases, as `npm start`
 * does; `config` overrides settings (as environment variables would); `clock` fixes the
 * installation's clock (default real time).
 */
export async function startTestApp(
  engine: Engine,
  opts: { demo?: boolean; cases?: boolean; config?: Partial<Config>; clock?: Clock } = {},
): Promise<TestApp> {
  const t = await createTestDatabase(engine, { migrate: false });
  await t.db.close();
  const config: Config = {
    ...loadConfig({}),
    dataDir: t.dataDir,
    databaseUrl: t.databaseUrl,
    demoPassword: DEMO_PASSWORD,
    checkpointIntervalSeconds: 0,
    ...opts.config,
  };
  const yifa = await openYifa(config, opts.clock ? { clock: opts.clock } : {});
  if (opts.demo !== false) {
    await seedDemoTown(yifa, { password: DEMO_PASSWORD });
    // The county's 复议人员 (a role of the reconsideration module): every demo role has its login.
    await seedReconsiderationStaff(yifa, { password: DEMO_PASSWORD });
  }
  if (opts.cases) {
    await seedDemoCases(yifa);
    await seedDemoInformationRequests(yifa);
    await seedDemoPetitions(yifa);
  }
  const app = await buildApp(yifa);
  await app.ready();
  return {
    yifa,
    app,
    config,
    anonymous: (from) => new Client(app, from),
    async login(username, password = DEMO_PASSWORD, from) {
      const c = new Client(app, from);
      const res = await c.post('/api/v1/session', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      c.csrf = res.json().csrfToken;
      return c;
    },
    async close() {
      await app.close();
      await yifa.close();
      rmSync(t.dataDir, { recursive: true, force: true });
    },
  };
}
