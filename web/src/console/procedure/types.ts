/**
 * The procedure kit's API as the console reads it (src/procedure/routes.ts). The record
 * view, list item, deadlines, journal entries and documents are the server's own types,
 * imported type-only (nothing of the server is bundled: `import type` is erased); what the
 * routes build inline (the dictionaries) is described here.
 */
import type { RecordView as ServerRecordView, RecordListItem, listRecordDocuments } from '../../../../src/procedure/service';
import type { JournalEntryView } from '../../../../src/journal/entries';
import type { DocumentContent } from '../../../../src/procedure/documents/content';
import type { FieldMeta, PageWidget, Refusal } from '../../../../src/procedure/spec';

export type { RecordListItem, DocumentContent, PageWidget, Refusal };

/** A record as GET <path>/:id answers it; `S` is the procedure's state (`record`). */
export type RecordView<S = unknown> = ServerRecordView<S, string>;

/** One entry of GET <path>/:id/actions */
export type JournalEntry = JournalEntryView;

/** One entry of GET <path>/:id/documents */
export type DocumentSummary = Awaited<ReturnType<typeof listRecordDocuments>>[number];

/**
 * JSON Schema as zod's toJSONSchema writes an action's payload, with the meta the server sets
 * beside each field (`FieldMeta`: its Chinese `title`, `labels` for enum values, the `widget`
 * it is shown with, a `default` to start from) — the server's own vocabulary.
 */
export interface JsonSchema extends FieldMeta {
  /** A list where zod writes a nullable refined field as `["string", "null"]` (not an anyOf): see SchemaForm `unwrap` */
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  anyOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export interface ActionEntry {
  type: string;
  title: string;
  roles: string[];
  /** Opens a new record (POST <path>) rather than acting on one */
  opens: boolean;
  /** Attaches or withdraws an evidence item (the record page's evidence panel takes the attaching one) */
  evidence: 'attach' | 'withdraw' | null;
  schema: JsonSchema;
}

/** GET <path>/dictionaries */
export interface ProcedureDictionaries {
  today: string;
  /** The procedure's subject type ('information-request'): uploads are held for its records under it */
  subjectType?: string;
  statuses: Record<string, string>;
  series: Record<string, { word: string; title: string }>;
  approvalKinds: Record<string, string>;
  /** How the records name an evidence item and themselves (null: they hold no evidence) */
  evidence: { item: string; record: string } | null;
  actions: ActionEntry[];
}
