import type { Kysely } from 'kysely';

/**
 * 政务公开 (事前公开 and 以案释法): every version of an agency's 执法事项清单, 随机抽查事项清单
 * and 办事指南 (one row per version: a draft, submitted for review, published — then never
 * changed — or superseded by the next published version), and the 以案释法 written from closed
 * cases (draft, submitted, approved by the head, published). Who changed what and why is in
 * the journal; the rows are what the console and the portal read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('openness_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The procedure a 办事指南 guides through; '' for the two lists
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('drafted_by', 'text', (c) => c.notNull())
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('drafted_on', 'text', (c) => c.notNull())
    .addColumn('reviewed_by_name', 'text')
    .addColumn('review_note', 'text')
    .addColumn('published_on', 'text')
    .addColumn('superseded_on', 'text')
    .addColumn('index_number', 'text')
    .addUniqueConstraint('openness_lists_version', ['agency_id', 'kind', 'topic', 'version'])
    .execute();
  await db.schema.createIndex('openness_lists_status').on('openness_lists').columns(['status', 'agency_id', 'kind']).execute();

  await db.schema
    .createTable('case_explanations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The case as the public may read it: the party through the disclosure masks, the violation, penalty, basis, agency, date
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('citations', 'text', (c) => c.notNull())
    .addColumn('drafted_by', 'text', (c) => c.notNull())
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('drafted_on', 'text', (c) => c.notNull())
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('approval_note', 'text')
    .addColumn('published_on', 'text')
    .addColumn('index_number', 'text')
    .execute();
  await db.schema.createIndex('case_explanations_public').on('case_explanations').columns(['status', 'published_on', 'id']).execute();
}
