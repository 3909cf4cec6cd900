/**
 * 信访事项 as the kit serves it: its table (actions.ts), how a petition is listed, its
 * deadlines from the catalog, its documents and case file, its own columns, and the one
 * fact its gates read from another record (the earlier petition a repeat names).
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { randomUUID } from 'node:crypto';
import { procedureEntry } from '../../procedure/service.js';
import { LINK_ROUTES, receiverOf } from '../../procedure/links.js';
import { DomainError } from '../../platform/errors.js';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { PETITION_PROCEDURE, handlingDue, isRouteAction, routeOfAction, type PetitionContext, type PetitionTypes } from './actions.js';
import { PETITION_SERIES, petitionDocuments } from './documents.js';
import { mergeTarget, mergedSource, petitionerKeys, requestHead } from './duplicates.js';
import {
  CATEGORIES,
  CHANNELS,
  OUTCOME_NAMES,
  STATUS_NAMES,
  article,
  closedOn,
  petitionerNames,
  type Petition,
  type PetitionStatus,
} from './state.js';

/** The petition's deadlines (RULES.md `petition.*`): notice, misroute objection, handling (extended), 复查 and 复核 windows and replies. */
function petitionDeadlines(p: Petition, at: { table: Parameters<typeof deadlineList>[0]; today: string }) {
  const { out, duty, window } = deadlineList(at.table, at.today);
  const due = (rule: Parameters<typeof deadlineDue>[1]['rule'], from: string) => deadlineDue(at.table, { rule, from });
  const r = p.routing;
  // A merged duplicate is answered with the petition it was merged into: its own limits stop.
  const settled = !!r || !!p.objection || !!p.mergedInto;
  duty('petition.acceptance-notice', p.receivedOn, due('petition.acceptance-notice', p.receivedOn), settled);
  if (p.source === 'transferred')
    window('petition.misroute-objection', p.receivedOn, due('petition.misroute-objection', p.receivedOn), settled);
  if (r && (r.kind === 'accept' || r.kind === 'assign')) {
    // Handled once the opinion is issued or the matter settled by agreement (Art 33); an assignment, once its 办结报告 is in.
    const done = r.kind === 'accept' ? !!p.opinion || !!p.agreement : !!p.report;
    const original = handlingDue(p, at.table);
    if (p.extension) {
      duty('petition.handling', r.on, original, true);
      duty('petition.handling-extension', original, p.extension.until, done);
    } else duty('petition.handling', r.on, original, done);
  }
  const o = p.opinion;
  if (o) window('petition.review-request', o.servedOn, due('petition.review-request', o.servedOn), !!p.review);
  if (p.review) {
    duty('petition.review-reply', p.review.requestedOn, due('petition.review-reply', p.review.requestedOn), !!p.review.reply);
    const reply = p.review.reply;
    if (reply) window('petition.recheck-request', reply.servedOn, due('petition.recheck-request', reply.servedOn), !!p.recheck);
  }
  if (p.recheck)
    duty('petition.recheck-reply', p.recheck.requestedOn, due('petition.recheck-reply', p.recheck.requestedOn), !!p.recheck.reply);
  return out;
}

/** The petition a merge names to keep (from the request's payload, or the pending request the head answers), or the duplicate the kept one's note names. */
async function mergeContext(trx: Parameters<typeof mergeTarget>[0], agencyId: string, p: Petition, payload: unknown) {
  const body = (payload ?? {}) as { into?: unknown; number?: unknown; kind?: unknown };
  const pendingInto =
    body.kind === 'merge' ? (p.pending.find((x) => x.kind === 'merge')?.payload as { into?: string } | undefined)?.into : undefined;
  const into = typeof body.into === 'string' ? body.into : pendingInto;
  return {
    ...(into ? { mergeTarget: await mergeTarget(trx, agencyId, into, p) } : {}),
    ...(typeof body.number === 'string' ? { mergeSource: await mergedSource(trx, agencyId, body.number) } : {}),
  };
}

/** The earlier petition a repeat names, as the acceptance gate reads it: its status, or null when none has that number. */
async function priorPetition(trx: Parameters<NonNullable<ServedProcedure<PetitionTypes>['context']>>[0], p: Petition) {
  if (!p.repeatOf) return {};
  const row = await trx
    .selectFrom('petitions')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
    .select(['procedure_cases.status', 'petitions.number'])
    .where('petitions.number', '=', p.repeatOf)
    .where('petitions.id', '!=', p.id)
    .executeTakeFirst();
  const prior: PetitionContext['prior'] = row ? { status: row.status as PetitionStatus, number: row.number ?? p.repeatOf } : null;
  return { prior };
}

/** The first petitioner's keys, as the duplicate search finds him. */
function keyColumns(p: Petition) {
  const k = petitionerKeys(p.petitioners[0]);
  return { person_key: k.person, contact_key: k.contact };
}

/**
 * A duplicate just merged is noted on the petition kept, so both records' journals say so
 * (the kept one's limits are not touched): in the merge's own transaction, appended right
 * after it (the kit's `followUp`), so the two are kept or lost together.
 */
const noteMerged: NonNullable<ServedProcedure<PetitionTypes>['followUp']> = async (x) => {
  const into = x.state.mergedInto;
  if (!into || !x.state.number || !['petition.merge', 'petition.approve'].includes(x.type)) return;
  await x.act(into.id, 'petition.note-merged', { number: x.state.number }, null);
};

/**
 * A petition routed into a legal procedure in yifa (Art 31): the receiving procedure opens its
 * record — the id the petition already names — in the routing action's transaction, from the
 * petitioners and the request, naming the petition it came from. If it refuses, nothing of
 * either is kept.
 */
const openLinked: NonNullable<ServedProcedure<PetitionTypes>['followUp']> = async (x) => {
  const p = x.state;
  const r = p.routing;
  if (!isRouteAction(x.type) || r?.kind !== 'procedure' || !p.linkedTo) return;
  const found = receiverOf(x.yifa.procedures, r.route);
  if (!found) throw new DomainError('GATE_REFUSED', `本平台没有受理“${LINK_ROUTES[r.route]}”的程序`, { citation: article('三十一') });
  await found.receiver.open(
    x.yifa,
    x.req,
    { trx: x.trx, table: x.table },
    {
      id: p.linkedTo.id,
      from: {
        subjectType: PETITION_PROCEDURE.subjectType,
        recordName: PETITION_PROCEDURE.recordName,
        path: '/petitions',
        id: p.id,
        number: p.number,
        on: r.on,
        reason: r.reason,
      },
      agencyId: p.agencyId,
      channel: p.channel,
      persons: p.petitioners.map((y) => ({ name: y.name, idNumber: y.idNumber, phone: y.phone, address: y.address })),
      matter: p.request,
      facts: p.factsAndReasons,
      place: p.place,
      topic: CATEGORIES[p.category],
      details: r.details ?? {},
      trackingHash: p.trackingHash || null,
    },
  );
};

/** The record a routing opens, named by the server from the receiving procedure's entry (never by the client). */
async function prepare(yifa: Yifa, _req: Request, x: { id: string; type: string; payload: unknown }) {
  const route = routeOfAction(x.type);
  if (!route || !x.payload || typeof x.payload !== 'object') return x.payload;
  const { linkedTo: _client, ...body } = x.payload as { linkedTo?: unknown };
  const found = receiverOf(yifa.procedures, route);
  return found ? { ...body, linkedTo: { ...found.ref, id: randomUUID() } } : body;
}

export const PETITIONS: ServedProcedure<PetitionTypes> = {
  proc: PETITION_PROCEDURE,
  series: PETITION_SERIES,
  path: '/petitions',
  tag: 'petitions',
  journalPrefix: 'petition',
  personalData: 'petition.personal-data',
  row: {
    title: (p) => `${petitionerNames(p)}：${p.request.slice(0, 60)}`,
    openedOn: (p) => p.receivedOn,
    closedOn,
    searchText: (p) =>
      [
        petitionerNames(p),
        p.number ?? '',
        p.request,
        p.place,
        CATEGORIES[p.category],
        CHANNELS[p.channel],
        p.opinion ? OUTCOME_NAMES[p.opinion.outcome] : '',
      ].join('\n'),
  },
  // A petition registered at the counter, by letter or by phone gets a tracking code too, given to the petitioner.
  onOpen: (payload) => {
    const trackingCode = newTrackingCode();
    const fields = payload && typeof payload === 'object' ? payload : {};
    return { payload: { ...fields, trackingHash: trackingHashOf(trackingCode) }, reveal: { trackingCode } };
  },
  // Its gates read the earlier petition a repeat names (after 复核 it is refused).
  // …and the petition a merge keeps (or, for the kept one's note, the one merged into it).
  context: async (trx, base, s, payload) => ({
    ...base,
    ...(await priorPetition(trx, s)),
    ...(await mergeContext(trx, base.agency.id, s, payload)),
  }),
  own: {
    table: 'petitions',
    columns: (p) => ({
      tracking_hash: p.trackingHash,
      number: p.number,
      channel: p.channel,
      category: p.category,
      place: p.place,
      outcome: p.opinion?.outcome ?? null,
      received_on: p.receivedOn,
      ...keyColumns(p),
      request_head: requestHead(p.request),
      merged_into: p.mergedInto?.id ?? null,
    }),
  },
  followUp: async (x) => {
    await noteMerged(x);
    await openLinked(x);
  },
  prepare,
  deadlines: petitionDeadlines,
  documents: petitionDocuments,
  caseFile: (p, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '信访事项办理案卷',
      caseTitle: `${petitionerNames(p)}反映${CATEGORIES[p.category]}问题`,
      fields: [
        ['信访人', petitionerNames(p)],
        ['登记号', p.number ?? '—'],
        ['收到日期', { date: p.receivedOn }],
        ['办结日期', { date: closedOn(p) }],
        ['处理意见', p.opinion ? OUTCOME_NAMES[p.opinion.outcome] : '—'],
        ['状态', STATUS_NAMES[PETITION_PROCEDURE.status(p)]],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书，调查核实记录 ${p.notes.length} 份，附信访材料 ${p.attachments?.length ?? 0} 项。`],
    manifest: { petitioners: petitionerNames(p), number: p.number },
  }),
};

/**
 * Petitions as the rest of yifa reaches them (the journal's names, the 工作台, the evidence
 * module serving their files): the 信访干部 who attaches the files redacts and shares them.
 * Their files are kept, never purged: no retention period for 信访档案 is verified yet
 * (LAW.md §4), so none is assumed.
 */
export const PETITION_ENTRY = procedureEntry(PETITIONS, {
  handle: 'petition.evidence',
  keptUntil: async () => null,
});
