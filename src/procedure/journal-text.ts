/**
 * How a procedure's journal reads (src/journal/readable.ts): each action by its title in
 * the table, its payload told by the fields' own meta (FieldMeta: title, labels, widget —
 * the same the console's forms are built from), and the kit's own entries about a record —
 * a document opened, the case file exported. The composition root asks every procedure
 * entry for these; nothing here knows a particular procedure.
 */
import { z } from 'zod';
import { chinaTimeText, fieldsOf, line, shorten, yuanText, type ActionTexts, type NameBook, type Summarize } from '../journal/readable.js';
import type { ProcedureEntry } from './registry.js';
import type { FieldMeta } from './spec.js';

interface Schema extends FieldMeta {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
}

/** A field's schema without its null branch, with the meta set on the field or on that branch. */
function unwrap(s: Schema): Schema {
  const { anyOf, ...meta } = s;
  const alt = anyOf?.find((x) => x.type !== 'null');
  return alt ? { ...alt, ...meta } : s;
}

/** The longest text one field shows; the auditor's view has it whole. */
const VALUE_MAX = 40;
/** Widgets whose values are codes only the page can name (a violation type's id, a consultation's): left out rather than shown raw. */
const UNNAMED_WIDGETS = new Set(['hidden', 'violation-type', 'circumstance', 'consultation']);

/** One value as people read it, or null to leave it out. */
function valueText(s: Schema, v: unknown, names: NameBook): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (s.widget && UNNAMED_WIDGETS.has(s.widget)) return null;
  if (Array.isArray(v)) {
    const item = unwrap(s.items ?? {});
    if (item.type === 'object') return `${v.length} 项`;
    const parts = v.map((x) => valueText({ ...item, widget: item.widget ?? s.widget, labels: item.labels ?? s.labels }, x, names));
    return parts.filter((p) => p !== null).join('、') || null;
  }
  if (s.widget === 'yuan' && typeof v === 'number') return yuanText(v);
  if (s.widget === 'person' && typeof v === 'string') return names.person(v) ?? '（人员）';
  if (s.widget === 'evidence' && typeof v === 'number') return `第 ${v} 项材料`;
  if (s.widget === 'checklist' && typeof v === 'object') return `${Object.keys(v).length} 项`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && s.labels && Object.hasOwn(s.labels, v)) return s.labels[v]!;
  if (typeof v === 'string' && s.format === 'date-time') return chinaTimeText(v);
  if (typeof v === 'object') return objectText(s, v, names, '，') || null;
  // A file's hash: its first digits are enough to tell it (the auditor's view has it whole).
  if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) return `${v.slice(0, 8)}…`;
  return shorten(String(v), VALUE_MAX);
}

/** An object's titled fields, each `标题：值`; fields without a title are not shown (never a key). */
function objectText(s: Schema, v: object, names: NameBook, sep: string): string {
  const fields = fieldsOf(v);
  return Object.entries(s.properties ?? {})
    .flatMap(([key, sub]) => {
      const f = unwrap(sub);
      const text = f.title ? valueText(f, fields[key], names) : null;
      return text === null ? [] : [`${f.title}${sep === '；' ? '：' : ' '}${text}`];
    })
    .join(sep);
}

/** The summary of a payload by its schema: top-level fields `标题：值` joined by '；', nested ones shorter. */
export function payloadSummary(schema: z.ZodType): Summarize {
  // Built on first use: the root names every action at start, most are never listed in a run.
  let json: Schema | undefined;
  return ({ payload }, names) => {
    json ??= z.toJSONSchema(schema, { io: 'input' }) as Schema;
    return objectText(json, fieldsOf(payload), names, '；');
  };
}

const FORMAT = { docx: '下载 DOCX', json: '打印视图' } as const;

/** The kit's entries about a record: a document opened (its title, number and how), its case file exported. */
function kitTexts(entry: ProcedureEntry): ActionTexts {
  return {
    [entry.documentOpenAction]: {
      title: '查阅文书',
      summary: ({ payload }) => {
        const p = fieldsOf(payload);
        const how = Object.hasOwn(FORMAT, String(p.format)) ? FORMAT[p.format as keyof typeof FORMAT] : null;
        return line([
          ['', typeof p.title === 'string' ? `《${p.title}》` : '文书'],
          ['文号', p.number],
          ['方式', how],
        ]);
      },
    },
    [entry.exportAction]: {
      title: '导出案卷',
      summary: ({ payload }) => (fieldsOf(payload).via === 'cli' ? '经命令行导出' : '经网页导出'),
    },
  };
}

/** Every journal entry one procedure's records carry: its actions by their table, and the kit's. */
export function procedureActionTexts(entry: ProcedureEntry): ActionTexts {
  const actions: Record<string, { title: string; payload: z.ZodType }> = entry.proc.actions;
  return {
    ...Object.fromEntries(
      Object.entries(actions).map(([type, spec]) => [type, { title: spec.title, summary: payloadSummary(spec.payload) }]),
    ),
    ...kitTexts(entry),
  };
}
