/**
 * A case's 文书 (the print view and DOCX, every opening journaled) and its 案卷 (the ZIP of
 * PDF, DOCX originals, evidence files, manifest and journal proofs).
 */
import type { Yifa } from '../../../platform/yifa.js';
import { SYSTEM_ACTOR } from '../../../journal/journal.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import type { Request } from '../../../platform/security/request.js';
import { PERSONAL_INFORMATION_CITATION } from '../../../platform/security/personal-data.js';
import { renderDocx } from '../../../procedure/documents/docx.js';
import { withVerification } from '../../../procedure/documents/verification.js';
import { publicUrlOf } from '../../../platform/config.js';
import { exportCaseFile, type CaseFileSource } from '../../../procedure/case-file/export.js';
import type { PenaltyCase } from '../penalty-case.js';
import { caseDocuments, findDocument, type DocumentContext } from '../documents/content.js';
import { scoreCase } from '../case-file/review-sheet.js';
import { caseForReader, seesParty } from '../journal-policy.js';
import { agencyOf, settingsFor } from './agency-settings.js';
import { personIdsIn } from './gate-context.js';
import { getCase, provenCaseState } from './cases.js';
import { SUBJECT_TYPE } from './proof.js';
import { manifestEntries } from '../../../procedure/evidence.js';

async function documentContext(yifa: Yifa, c: PenaltyCase): Promise<DocumentContext & { agencyName: string }> {
  const ids = personIdsIn(c, null, null);
  for (const r of c.reviews) if (r.opinion) ids.push(r.opinion.reviewerPersonId);
  if (c.hearing?.chairPersonId) ids.push(c.hearing.chairPersonId);
  const db = yifa.db.kysely;
  const [people, certs, agency, county, settings] = await Promise.all([
    ids.length ? db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute() : [],
    ids.length ? db.selectFrom('certificates').select(['person_id', 'number', 'field']).where('person_id', 'in', ids).execute() : [],
    agencyOf(db, c.agencyId),
    db
      .selectFrom('regions')
      .select('name')
      .where('path', '=', `/${c.regionPath.split('/')[1]}/`)
      .executeTakeFirst(),
    settingsFor(db, c.agencyId),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const numbers = new Map<string, string>();
  for (const x of certs) if (x.field === c.field || !numbers.has(x.person_id)) numbers.set(x.person_id, x.number);
  return {
    agencyName: agency?.name ?? '',
    countyName: county?.name ?? '',
    nameOf: (id) => names.get(id) ?? '',
    certificateOf: (id) => numbers.get(id) ?? '无',
    violationType: c.violationTypeId ? settings.violationType(c.violationTypeId) : undefined,
  };
}

export async function listDocuments(yifa: Yifa, req: Request, id: string) {
  const view = await getCase(yifa, req, id);
  const c = caseForReader(view.case, req.auth);
  const ctx = await documentContext(yifa, c);
  return caseDocuments(c, ctx).map((d) => ({ id: d.id, title: d.title, number: d.number, date: d.date }));
}

/** One document as structured content (the print view) and, on request, as DOCX; every opening is journaled. */
export async function openDocument(yifa: Yifa, req: Request, id: string, documentId: string, format: 'json' | 'docx') {
  const view = await getCase(yifa, req, id);
  // Documents show the party as the case page does (journal-policy.ts).
  const c = caseForReader(view.case, req.auth);
  const ctx = await documentContext(yifa, c);
  const found = findDocument(c, ctx, documentId);
  if (!found) throw notFound('文书');
  // A numbered document carries its 查验码 and QR code (the kit's verification.ts).
  const [doc] = (await withVerification(yifa.db.kysely, publicUrlOf(yifa.config), { type: SUBJECT_TYPE, id }, [found])) as [typeof found];
  await yifa.journal.record({
    type: 'penalty.document.open',
    actor: req.auth.actor,
    subject: { type: SUBJECT_TYPE, id, regionPath: view.case.regionPath },
    // Its title too: the journal names what was read without the case at hand.
    payload: { document: documentId, title: doc.title, number: doc.number, format },
  });
  if (format === 'json') return { content: doc, agencyName: ctx.agencyName };
  return { content: doc, agencyName: ctx.agencyName, docx: await renderDocx(doc, ctx.agencyName) };
}

// ——— the case file ———

/** The penalty case's file: its cover, its documents, the 案卷评查 pre-check in the 备考表, and its evidence files. */
async function caseFileSource(yifa: Yifa, c: PenaltyCase): Promise<CaseFileSource> {
  const [ctx, settings] = await Promise.all([documentContext(yifa, c), settingsFor(yifa.db.kysely, c.agencyId)]);
  const documents = await withVerification(
    yifa.db.kysely,
    publicUrlOf(yifa.config),
    { type: SUBJECT_TYPE, id: c.id },
    caseDocuments(c, ctx),
  );
  const sheet = scoreCase(c, settings);
  const title = `${c.party.name}${c.decision?.number ? `（${c.decision.number}）` : ''}行政处罚案`;
  return {
    subject: { type: SUBJECT_TYPE, id: c.id, regionPath: c.regionPath },
    exportAction: 'penalty.case-file.export',
    agencyName: ctx.agencyName,
    cover: {
      agencyName: ctx.agencyName,
      heading: '行政处罚案卷',
      caseTitle: title,
      fields: [
        ['案件名称', title],
        ['当事人', c.party.name],
        ['立案编号', c.filingNumber ?? '—'],
        ['决定书文号', c.decision?.number ?? '—'],
        ['立案日期', { date: c.filedOn ?? c.registeredOn }],
        ['结案日期', { date: c.closedOn }],
        ['归档日期', { date: c.archivedOn }],
        ['保管期限', '长期'],
      ],
    },
    documents,
    notes: [
      `本卷共 ${documents.length} 份文书，证据 ${c.evidence.length} 项（其中视听资料 ${c.evidence.filter((e) => e.type === 'audiovisual').length} 项）。`,
      `案卷评查预查：${sheet.vetoFailed.length ? '否决项未通过' : `得分 ${sheet.score}（应查 ${sheet.outOf} 分）`}${sheet.missing.length ? `；扣分项：${sheet.missing.map((m) => m.text).join('；')}` : ''}${sheet.pending.length ? `；尚未到期的项目 ${sheet.pending.length} 项` : ''}${sheet.acknowledged.length ? `；归档时确认知悉：${sheet.acknowledged.join('；')}` : ''}。`,
    ],
    manifest: { party: c.party.name, decisionNumber: c.decision?.number ?? null },
    evidence: manifestEntries(c.evidence, (e) => ({ recording: e.recording ?? null })),
  };
}

/** The case file of a case in the user's scope, as a ZIP (PDF, DOCX originals, manifest, journal proofs). */
export async function exportCaseFileFor(yifa: Yifa, req: Request, id: string) {
  // The case file is the whole record, parties and journal payloads included: only for who may see the party.
  if (!seesParty(req.auth)) {
    await req.denied({ reason: '无权查看当事人个人信息，不能导出完整案卷' }, { type: SUBJECT_TYPE, id });
    throw new AppError('FORBIDDEN', '案卷包含当事人的身份证号、电话和住址，您没有查看当事人个人信息的权限，不能导出', {
      citation: PERSONAL_INFORMATION_CITATION,
    });
  }
  const view = await getCase(yifa, req, id);
  return exportCaseFile(yifa, await caseFileSource(yifa, view.case), req.auth.actor, 'api');
}

/** The same from the command line, which acts as the system on the whole database. */
export async function exportCaseFileById(yifa: Yifa, id: string) {
  return exportCaseFile(yifa, await caseFileSource(yifa, await provenCaseState(yifa, id, 'cli')), SYSTEM_ACTOR, 'cli');
}
