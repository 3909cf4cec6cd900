/**
 * 政府信息公开申请 as the kit serves it: its table (actions.ts), how its record is listed,
 * its deadlines, its documents, its case file and how long its attached files are kept.
 * Everything else — the runner, numbering, routes, the journal, replay, export, the files'
 * playback and custody — is the kit's and the evidence module's.
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { procedureEntry } from '../../procedure/service.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import { keptAfterClosing } from '../../procedure/evidence.js';
import { INFORMATION_REQUEST_PROCEDURE, originalReplyDue, type RequestTypes } from './actions.js';
import { REQUEST_SERIES, requestDocuments } from './documents.js';
import { REPLY_TYPES, type InformationRequest } from './state.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';

/** The request's deadlines: the 补正 notice window, the reply (extended when approved) and each consultation's window. */
function requestDeadlines(r: InformationRequest, at: { table: Parameters<typeof deadlineList>[0]; today: string }) {
  const { out, duty, window } = deadlineList(at.table, at.today);
  const settled = !!r.reply || !!r.withdrawnOn;
  window(
    'disclosure.request-correction-notice',
    r.receivedOn,
    deadlineDue(at.table, { rule: 'disclosure.request-correction-notice', from: r.receivedOn }),
    !!r.correction || settled,
  );
  for (const c of r.consultations)
    window(
      'disclosure.third-party-opinion',
      c.sentOn,
      deadlineDue(at.table, { rule: 'disclosure.third-party-opinion', from: c.sentOn }),
      !!c.answeredOn || settled,
    );
  // While the applicant is correcting, the reply clock has not started (Art 30).
  if (r.correction && !r.correction.answeredOn && !settled) return out;
  const due = originalReplyDue(r, at.table);
  if (r.extension) {
    duty('disclosure.request-reply', r.correction?.answeredOn ?? r.receivedOn, due, true);
    duty('disclosure.request-extension', due, r.extension.until, settled);
  } else {
    duty('disclosure.request-reply', r.correction?.answeredOn ?? r.receivedOn, due, settled);
  }
  return out;
}

/** The 保管期限 of a request's file (its cover says so): its attached files are kept as long after the reply. */
const FILE_YEARS = 10;

/** The last day a request holds its attached files: while open, all of them; after the reply (or its deemed withdrawal), FILE_YEARS. */
export function requestFilesKeptUntil(r: InformationRequest, table: HolidayTable): string | null {
  const closedOn = r.reply?.on ?? r.withdrawnOn;
  return closedOn ? keptAfterClosing(table, { closedOn, servedOn: closedOn, years: FILE_YEARS }) : null;
}

export const INFORMATION_REQUESTS: ServedProcedure<RequestTypes> = {
  proc: INFORMATION_REQUEST_PROCEDURE,
  series: REQUEST_SERIES,
  path: '/information-requests',
  tag: 'information-requests',
  journalPrefix: 'information-request',
  personalData: 'information-request.personal-data',
  row: {
    title: (r) => `${r.applicant.name}：${r.description.slice(0, 60)}`,
    openedOn: (r) => r.receivedOn,
    closedOn: (r) => r.reply?.on ?? r.withdrawnOn,
    searchText: (r) => [r.applicant.name, r.description, r.reply?.number ?? '', r.reply ? REPLY_TYPES[r.reply.type].name : ''].join('\n'),
  },
  // A request handed in at the counter or by letter gets a tracking code too, printed on the receipt.
  onOpen: (payload) => {
    const trackingCode = newTrackingCode();
    const fields = payload && typeof payload === 'object' ? payload : {};
    return { payload: { ...fields, trackingHash: trackingHashOf(trackingCode) }, reveal: { trackingCode } };
  },
  own: {
    table: 'information_requests',
    columns: (r) => ({
      tracking_hash: r.trackingHash,
      channel: r.channel,
      applicant_kind: r.applicant.kind,
      reply_type: r.reply?.type ?? null,
    }),
  },
  deadlines: requestDeadlines,
  documents: requestDocuments,
  caseFile: (r, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '政府信息公开申请办理案卷',
      caseTitle: `${r.applicant.name}政府信息公开申请`,
      fields: [
        ['申请人', r.applicant.name],
        ['答复书文号', r.reply?.number ?? '—'],
        ['收到申请日期', { date: r.receivedOn }],
        ['答复日期', { date: r.reply?.on ?? null }],
        ['答复类型', r.reply ? REPLY_TYPES[r.reply.type].name : '—'],
        ['保管期限', `${FILE_YEARS}年`],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书，附材料 ${r.evidence?.length ?? 0} 项。`],
    manifest: { applicant: r.applicant.name, replyNumber: r.reply?.number ?? null },
  }),
};

/** Requests as the rest of yifa reaches them (the evidence module serves their files): who attaches the files redacts and shares them. */
export const INFORMATION_REQUEST_ENTRY = procedureEntry(INFORMATION_REQUESTS, {
  handle: 'information-request.evidence',
  keptUntil: async (yifa, r) => requestFilesKeptUntil(r, await yifa.calendar.table()),
});
