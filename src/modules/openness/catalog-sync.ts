/**
 * The catalog as a projection of the procedures' journals: whatever procedure declares
 * `Procedure.catalog` (the normative documents: each registration), every record it acted on
 * since the last pass is read proven through the registry (`yifa.procedures`) and each of its
 * facts not yet catalogued is published into the catalog (`publishInCatalog`, with its
 * 索引号), journaled by the system on the entry. Idempotent: the journal position it has read
 * up to is kept (`catalog_sync`), and an entry's source (`<record id>#<key>`) is unique. It runs
 * on the server's timer (at start, then every minute) and before staff read the catalog; the
 * public's reads never run it — an anonymous request writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import { SYSTEM_ACTOR } from '../../journal/journal.js';
import { publishInCatalog } from '../../procedure/catalog.js';
import type { ProcedureEntry } from '../../procedure/registry.js';
import { dbOf } from './tables.js';
import { CATALOG_SUBJECT } from './catalog.js';

const sourceOf = (subjectType: string, id: string, key: string) => ({ type: subjectType, id: `${id}#${key}` });

async function project(yifa: Yifa, entry: ProcedureEntry, id: string): Promise<void> {
  const state = (await entry.proven(yifa, id)) as { agencyId?: string };
  const facts = entry.proc.catalog!(state);
  if (!facts.length || !state.agencyId) return;
  const db = dbOf(yifa);
  const common = await db.selectFrom('procedure_cases').select('region_path').where('id', '=', id).executeTakeFirst();
  for (const f of facts) {
    const source = sourceOf(entry.proc.subjectType, id, f.key);
    const known = await db
      .selectFrom('catalog_entries')
      .select('id')
      .where('source_type', '=', source.type)
      .where('source_id', '=', source.id)
      .executeTakeFirst();
    if (known) continue;
    const done = yifa.journal.perform(
      {
        type: 'openness.catalog.project',
        actor: SYSTEM_ACTOR,
        subject: { type: CATALOG_SUBJECT, id: randomUUID(), regionPath: common?.region_path ?? null },
        payload: { record: { type: entry.proc.subjectType, id }, category: f.category, title: f.title, publishedOn: f.publishedOn },
      },
      (trx) =>
        publishInCatalog(trx, {
          agencyId: state.agencyId!,
          category: f.category,
          title: f.title,
          publishedOn: f.publishedOn,
          source,
          link: f.link,
          at: yifa.clock.now().toISOString(),
        }),
    );
    // Two passes at once may both try: the one refused by the unique source rolled back whole.
    await done.catch(async (e: unknown) => {
      const now = await db
        .selectFrom('catalog_entries')
        .select('id')
        .where('source_type', '=', source.type)
        .where('source_id', '=', source.id)
        .executeTakeFirst();
      if (!now) throw e;
    });
  }
}

/** Reads the journal since the last pass and catalogues what every cataloguing record touched has published. */
export async function syncCatalog(yifa: Yifa): Promise<number> {
  const entries = yifa.procedures.filter((e) => e.proc.catalog);
  if (entries.length === 0) return 0;
  const db = yifa.db.kysely.withTables<{ catalog_sync: { name: string; seq: number } }>();
  const from = Number((await db.selectFrom('catalog_sync').select('seq').where('name', '=', 'journal').executeTakeFirstOrThrow()).seq);
  const upTo = Number((await db.selectFrom('actions').select(sql<number>`max(seq)`.as('m')).executeTakeFirst())?.m ?? -1);
  if (upTo <= from) return 0;
  const bySubject = new Map(entries.map((e) => [e.proc.subjectType, e]));
  const touched = await db
    .selectFrom('actions')
    .select(['subject_type', 'subject_id'])
    .distinct()
    .where('seq', '>', from)
    .where('seq', '<=', upTo)
    .where('subject_type', 'in', [...bySubject.keys()])
    .execute();
  for (const t of touched) if (t.subject_id) await project(yifa, bySubject.get(t.subject_type!)!, t.subject_id);
  await db.updateTable('catalog_sync').set({ seq: upTo }).where('name', '=', 'journal').where('seq', '<', upTo).execute();
  return touched.length;
}

/** At start and every minute, so a published document reaches the catalog without anyone asking. */
export function startCatalogTimer(yifa: Yifa, log: { warn: (o: object, m: string) => void }): () => void {
  const pass = () => {
    syncCatalog(yifa).catch((err: unknown) => log.warn({ err }, 'catalog projection failed'));
  };
  const first = setTimeout(pass, 0);
  const timer = setInterval(pass, 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
