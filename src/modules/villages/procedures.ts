/**
 * 村规民约 and village meetings as the kit serves them: the village and the actor's own
 * scope their gates read (a 村委会文书 acts only on his village: fail closed), how a record
 * is listed, its documents, its case file and the columns the statistics and the portal
 * read (village_rules, village_meetings: migration 033).
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { procedureEntry } from '../../procedure/service.js';
import { baseVillageContext, meetingFacts, outsideVillage, rulesRecordOf } from './context.js';
import { RULES_PROCEDURE, type RulesTypes } from './rules-actions.js';
import { MEETING_PROCEDURE, type MeetingTypes } from './meeting-actions.js';
import { RULES_SERIES, meetingDocuments, rulesDocuments } from './documents.js';
import { MEETING_KINDS } from './law.js';
import { STATUS_NAMES, inForce, latest, statusOf } from './rules-state.js';

const titleOf = (name: string) => name.replace(/[《》]/g, '');

export const VILLAGE_RULES: ServedProcedure<RulesTypes> = {
  proc: RULES_PROCEDURE,
  series: RULES_SERIES,
  path: '/village-rules',
  tag: 'village-rules',
  journalPrefix: 'village-rules',
  // The rules and meetings name no one's ID number or phone; read permission is enough.
  personalData: 'village.read',
  row: {
    title: (r) => (r.versions.length ? `${r.villageName}：${titleOf(latest(r).title)}（第${latest(r).no}版）` : r.villageName),
    openedOn: (r) => r.versions[0]?.draftedOn ?? r.openedOn,
    // A village's rules stay open: they are revised, never closed.
    closedOn: () => null,
    searchText: (r) => [r.villageName, ...r.versions.map((v) => `${v.title}\n${v.text}`)].join('\n'),
  },
  own: {
    table: 'village_rules',
    columns: (r) => {
      const current = inForce(r);
      return {
        village_id: r.villageId,
        region_path: r.regionPath,
        status: statusOf(r),
        version: current?.no ?? 0,
        published_on: current?.publishedOn ?? null,
        draft_version: latest(r).no,
      };
    },
  },
  async context(trx, base, s, payload) {
    const villageId = s.villageId || (payload as { villageId?: string } | null)?.villageId;
    const ctx = await baseVillageContext(trx, base, villageId);
    const opening = !s.villageId;
    return {
      ...ctx,
      existing: opening && ctx.village ? await rulesRecordOf(trx, ctx.village.id) : null,
      meeting: await meetingFacts(trx, (payload as { meetingId?: string | null } | null)?.meetingId),
    };
  },
  actsOutside: outsideVillage,
  deadlines: () => [],
  documents: rulesDocuments,
  caseFile: (r, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '村规民约档案',
      caseTitle: `${r.villageName}村规民约`,
      fields: [
        ['村', r.villageName],
        ['现行版本', inForce(r) ? `第${inForce(r)!.no}版` : '—'],
        ['版本数', String(r.versions.length)],
        ['状态', STATUS_NAMES[statusOf(r)]],
      ],
    },
    notes: [`本档案共 ${dc.documents.length} 份文书，含历次版本全文。`],
    manifest: { village: r.villageName, versions: r.versions.length },
  }),
};

export const VILLAGE_MEETINGS: ServedProcedure<MeetingTypes> = {
  proc: MEETING_PROCEDURE,
  series: {},
  path: '/village-meetings',
  tag: 'village-meetings',
  journalPrefix: 'village-meeting',
  personalData: 'village.read',
  row: {
    title: (m) => `${m.villageName}${m.heldOn}${MEETING_KINDS[m.kind]}`,
    openedOn: (m) => m.heldOn,
    closedOn: (m) => (m.decisions.every((d) => d.publicity) ? (m.decisions.at(-1)?.publicity?.on ?? m.heldOn) : null),
    searchText: (m) => [m.villageName, m.agenda, ...m.decisions.map((d) => d.subject)].join('\n'),
  },
  own: {
    table: 'village_meetings',
    columns: (m) => ({
      village_id: m.villageId,
      region_path: m.regionPath,
      kind: m.kind,
      held_on: m.heldOn,
      decisions: m.decisions.length,
      publicized: m.decisions.filter((d) => d.publicity).length,
    }),
  },
  async context(trx, base, s, payload) {
    const p = payload as { villageId?: string; decisions?: { rulesId: string | null }[] } | null;
    const ctx = await baseVillageContext(trx, base, s.villageId || p?.villageId);
    const rules: Record<string, { villageId: string }> = {};
    for (const d of p?.decisions ?? []) {
      if (!d.rulesId || rules[d.rulesId]) continue;
      const r = await trx.selectFrom('village_rules').select(['id', 'village_id']).where('id', '=', d.rulesId).executeTakeFirst();
      if (r) rules[r.id] = { villageId: r.village_id };
    }
    return { ...ctx, rules };
  },
  actsOutside: outsideVillage,
  deadlines: () => [],
  documents: (m) => meetingDocuments(m),
  caseFile: (m, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '村务档案：会议记录',
      caseTitle: `${m.villageName}${MEETING_KINDS[m.kind]}`,
      fields: [
        ['村', m.villageName],
        ['会议日期', { date: m.heldOn }],
        ['决定事项', String(m.decisions.length)],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书。`],
    manifest: { village: m.villageName, heldOn: m.heldOn },
  }),
};

export const VILLAGE_RULES_ENTRY = procedureEntry(VILLAGE_RULES);
export const VILLAGE_MEETINGS_ENTRY = procedureEntry(VILLAGE_MEETINGS);
