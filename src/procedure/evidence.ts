/**
 * Evidence held by a record of any procedure (执法全过程记录 of a penalty case, the letters
 * and scans of an information request): the item and its file as every procedure has them,
 * and the two rows a procedure puts in its own action table, under its own action ids, to
 * attach a verified upload and to withdraw an item. The procedure says where its list lives
 * (`Procedure.evidence`); the runner links each attached file to its record in the action's
 * transaction (evidence-store.ts), and the evidence module serves the files of every
 * procedure that has a list: playback, custody, redaction, shares and retention. Pure.
 */
import { z } from 'zod';
import { requiredText } from '../platform/http/schemas.js';
import { computeDeadline } from '../calendar/deadlines.js';
import { addYears } from '../calendar/legal-date.js';
import type { HolidayTable } from '../calendar/holiday-table.js';
import { RECORD_CHECK, type ActionSpec, type ProcedureTypes } from './spec.js';

export interface EvidenceFile {
  sha256: string;
  size: number;
  mime: string;
  fileName: string;
}

/** One item of a record's evidence; a procedure's own items add their fields (the penalty case: the recording, the step). */
export interface EvidenceItem {
  /** The attaching action's position in its record: how the item is referred to */
  seq: number;
  /** What sort of item it is, in the procedure's words (the penalty case: the statutory 证据种类) */
  type: string;
  title: string;
  description: string;
  /** The file in the blob store, when one was uploaded (its hash is in the journal) */
  file?: EvidenceFile;
  /** Withdrawn from the record (it stays on record, marked); who withdrew it is in the journal */
  withdrawn?: { on: string; reason: string };
}

/** Where a procedure keeps its records' evidence, and how its refusals name an item and a record. */
export interface EvidenceList<S, I extends EvidenceItem = EvidenceItem> {
  items(s: S): readonly I[];
  withItems(s: S, items: I[]): S;
  /** 证据 and 本案 (the penalty case); 材料 and 本申请 (an information request) */
  words: { item: string; record: string };
}

/** What an attaching action's gates read: the verified upload its payload names, if it is the actor's (evidence-store.ts reads it). */
export interface EvidenceContext {
  uploadedFile(sha256: string): EvidenceFile | undefined;
}

/** A file named by the SHA-256 the server verified when it was uploaded (the hash goes into the journal). */
export const fileRef = z
  .strictObject({
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'SHA-256 须为 64 位小写十六进制')
      .meta({ title: '文件的 SHA-256' }),
  })
  .meta({ title: '证据文件' });

/** Attaching a file to a record's materials: its kind (one of `types`), its name, a note and the uploaded file. */
export const materialPayload = <K extends string>(types: Readonly<Record<K, string>>) =>
  z.strictObject({
    type: z.enum(Object.keys(types) as [K, ...K[]]).meta({ title: '材料类别', labels: types }),
    title: requiredText(200).meta({ title: '材料名称' }),
    description: requiredText(1000).meta({ title: '说明', widget: 'textarea' }),
    file: fileRef.meta({ title: '文件', widget: 'hidden' }),
  });

/** Withdrawing one of them: which, and why (what the file holds stays in it). */
export const materialWithdrawal = z.strictObject({
  seq: z.number().int().min(0).meta({ title: '材料', widget: 'evidence' }),
  reason: requiredText(500).meta({ title: '撤回理由', widget: 'textarea' }),
});

/**
 * The item of a record that already holds a file with this hash, not withdrawn: the same
 * file registered twice in one record would be counted twice (coverage, the case file's
 * manifest), so attaching it again is refused, and the held list flags it beforehand. A
 * withdrawn item no longer counts, so its file may be registered anew.
 */
export function duplicateOf(items: readonly EvidenceItem[], sha256: string): { seq: number; title: string } | null {
  const same = items.find((e) => !e.withdrawn && e.file?.sha256 === sha256);
  return same ? { seq: same.seq, title: same.title } : null;
}

/** What an attaching payload carries besides the procedure's own fields. */
export type AttachPayload = Omit<EvidenceItem, 'seq' | 'file' | 'withdrawn'> & { file?: z.infer<typeof fileRef> };

/** What a withdrawing payload carries. */
export interface Withdrawal {
  seq: number;
  reason: string;
}

/** What a procedure writes of an evidence row: who, from which statuses, the payload with its labels, its own gates. */
type Row<T extends ProcedureTypes, P> = Pick<ActionSpec<T, P>, 'title' | 'roles' | 'from' | 'payload' | 'guard' | 'whileSuspended'>;

/**
 * The two rows a procedure puts in its table (under its own ids and labels):
 * - `attach` adds an item. The file, when named, must be a verified upload of the same user;
 *   its particulars are derived then (kept in the journal's result, so a replay needs no
 *   uploads table) and the item takes them.
 * - `withdraw` marks an item withdrawn with the day and the reason; it and its file stay in
 *   the record, nothing is erased.
 */
export function evidenceRows<T extends ProcedureTypes & { context: EvidenceContext }>(list: EvidenceList<T['state']>) {
  const { item: noun, record } = list.words;
  const upload = (p: AttachPayload, ctx: T['context']) => (p.file ? ctx.uploadedFile(p.file.sha256) : undefined);
  return {
    attach: <P extends AttachPayload>(row: Row<T, P>): ActionSpec<T, P> => ({
      ...row,
      evidence: 'attach',
      guard: (s, p, ctx) => {
        const same = p.file && duplicateOf(list.items(s), p.file.sha256);
        return [
          p.file && !upload(p, ctx)
            ? { message: `${noun}文件尚未上传完成或不是您上传的，请先上传并等待校验通过`, citation: RECORD_CHECK }
            : null,
          same
            ? {
                message: `该文件已登记为${record}${noun}“${same.title}”（序号 ${same.seq}），不能重复登记；如需更正，请先撤回该项${noun}`,
                citation: RECORD_CHECK,
              }
            : null,
          ...(row.guard?.(s, p, ctx) ?? []),
        ];
      },
      derive: (_s, p, ctx) => upload(p, ctx) ?? null,
      apply: (s, p, m) =>
        list.withItems(s, [...list.items(s), { seq: m.seq, ...p, file: (m.derived as EvidenceFile | null) ?? undefined }]),
    }),
    withdraw: <P extends Withdrawal>(row: Row<T, P>): ActionSpec<T, P> => ({
      ...row,
      evidence: 'withdraw',
      requires: (s) =>
        list.items(s).some((e) => !e.withdrawn) ? null : { message: `${record}没有可撤回的${noun}`, citation: RECORD_CHECK },
      guard: (s, p, ctx) => {
        const item = list.items(s).find((e) => e.seq === p.seq);
        return [
          item ? null : { message: `${record}没有这项${noun}`, citation: RECORD_CHECK },
          item?.withdrawn ? { message: `这项${noun}已撤回`, citation: RECORD_CHECK } : null,
          ...(row.guard?.(s, p, ctx) ?? []),
        ];
      },
      apply: (s, p, m) =>
        list.withItems(
          s,
          list.items(s).map((e) => (e.seq === p.seq ? { ...e, withdrawn: { on: m.today, reason: p.reason } } : e)),
        ),
    }),
  };
}

/**
 * The last day a closed record holds its files: past the party's reconsideration (60 days)
 * and litigation (6 months) windows from the service of what closed it, and the record's
 * retention years after closing, whichever ends last.
 */
export function keptAfterClosing(table: HolidayTable, x: { closedOn: string; servedOn: string; years: number }): string {
  return [
    computeDeadline(table, { rule: 'reconsideration.application', from: x.servedOn }).due,
    computeDeadline(table, { rule: 'litigation.filing', from: x.servedOn }).due,
    addYears(x.closedOn, x.years),
  ]
    .sort()
    .at(-1)!;
}

/** The record's files as its exported case file's manifest lists them, with what a procedure adds of its own (the penalty case: the recording). */
export const manifestEntries = <I extends EvidenceItem>(items: readonly I[], more: (item: I) => object = () => ({})) =>
  items
    .filter((e) => !!e.file)
    .map((e) => ({ seq: e.seq, type: e.type, title: e.title, ...e.file!, ...more(e), ...(e.withdrawn ? { withdrawn: e.withdrawn } : {}) }));
