/**
 * Runs a benchmark on each engine asked for: SQLite where the benchmark opens it, PostgreSQL
 * in a fresh database of one durable throwaway cluster (the Debian binaries, a loopback port),
 * stopped at the end whatever happened.
 */
import { randomUUID } from 'node:crypto';
import type { Engine } from '../src/platform/db/database.js';
import { startCluster } from '../test/helpers/postgres-cluster.js';

export async function onEachEngine(
  engines: readonly Engine[],
  prefix: string,
  bench: (engine: Engine, url: string | undefined) => Promise<void>,
): Promise<void> {
  const cluster = engines.includes('postgres') ? await startCluster({ durable: true }) : null;
  try {
    for (const engine of engines) {
      let url: string | undefined;
      if (engine === 'postgres') {
        const pg = (await import('pg')).default;
        const name = `bench_${prefix}_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
        const c = new pg.Client({ connectionString: cluster!.adminUrl });
        await c.connect();
        await c.query(`CREATE DATABASE ${name}`);
        await c.end();
        url = cluster!.url(name);
      }
      await bench(engine, url);
    }
  } finally {
    await cluster?.stop();
  }
}
