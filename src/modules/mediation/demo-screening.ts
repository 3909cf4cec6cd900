/**
 * The demo's 矛盾纠纷排查台账: each village committee screens its village once a month over
 * the past year (the seed's "抓早抓小抓源头"), through the same use cases a mediator takes, each
 * on its own day. Most found items are settled on the spot; some are routed (信访, 执法案源,
 * 公安), a few are taken into mediation and mediated to an oral agreement; the possibly violent
 * ones are reported to the police the same day. The newest month's rounds are still open.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { actOnRecord } from '../../procedure/service.js';
import { DISPUTES } from './procedure.js';
import type { Category, Grade, Route } from './law.js';
import { addItem, closeScreening, createScreening, disposeItem, mediateItem, reportToPolice } from './screening.js';

interface Village {
  /** The village committee */
  id: string;
  name: string;
  mediatorPersonId: string;
  request: Request;
}

type Party = { kind: 'citizen'; name: string; idNumber: string; phone: string | null; address: null };

/** What a village's screening finds, in turn. */
const FINDINGS: {
  grade: Grade;
  category: Category;
  description: string;
  criminalRisk?: boolean;
  massRisk?: boolean;
  violent?: boolean;
  fate: 'resolved' | Route | 'mediation';
}[] = [
  { grade: 'general', category: 'neighbour', description: '两户因房前排水沟堵塞发生口角。', fate: 'resolved' },
  { grade: 'general', category: 'family', description: '老人反映子女未按约定给付赡养费。', fate: 'mediation' },
  {
    grade: 'major',
    category: 'land',
    description: '两户因承包地界址争执，一方扬言动刀，情绪激动。',
    criminalRisk: true,
    violent: true,
    fate: 'mediation',
  },
  {
    grade: 'larger',
    category: 'expropriation',
    description: '十余户对征地补偿款分配不满，酝酿集体上访。',
    massRisk: true,
    fate: 'petition',
  },
  { grade: 'general', category: 'environment', description: '村民反映养殖场夜间排放粪污。', fate: 'enforcement' },
  { grade: 'larger', category: 'other', description: '酒后在村口寻衅滋事，扬言报复。', criminalRisk: true, violent: true, fate: 'police' },
  { grade: 'general', category: 'homestead', description: '建房滴水越界，邻户不满。', fate: 'resolved' },
];

const RECEIVERS: Record<Route, string> = {
  petition: '妙泉镇信访办公室（接收人：综治专干）',
  enforcement: '妙泉镇综合行政执法办公室（执法案源登记）',
  police: '妙泉派出所（值班民警）',
};

/** Twelve monthly rounds per village; returns how many disputes it took into mediation. */
export async function seedDemoScreenings(yifa: Yifa, villages: readonly Village[], party: () => Party): Promise<number> {
  const today = yifa.clock.today();
  const at = (day: string, hour: number) => () => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  let finding = 0;
  let mediated = 0;
  for (let month = 11; month >= 0; month--) {
    for (const [v, village] of villages.entries()) {
      const on = addDays(today, -(month * 30 + 3 + v));
      if (on > today) continue;
      const req = village.request;
      yifa.clock.source = at(on, 9);
      const found = (month + v) % 3; // 0–2 items a round
      const round = await createScreening(yifa, req, {
        committeeId: village.id,
        groupId: null,
        screenedOn: on,
        screeners: [`${village.name}调解员`, '村综治专干', '网格员'],
        scopeNote: `${village.name}全村各村民小组`,
        items: [],
      });
      for (let k = 0; k < found; k++) {
        const f = FINDINGS[finding++ % FINDINGS.length]!;
        const view = await addItem(yifa, req, round.id, {
          grade: f.grade,
          category: f.category,
          people: `${party().name}、${party().name}`,
          description: f.description,
          criminalRisk: !!f.criminalRisk,
          massRisk: !!f.massRisk,
          violent: !!f.violent,
        });
        const itemId = view.items[view.items.length - 1]!.id;
        // The newest month's rounds are still being worked: reported to the police, not yet disposed of.
        if (f.violent) {
          yifa.clock.source = at(on, 10);
          await reportToPolice(yifa, req, round.id, itemId, {
            at: `${on}T10:00`,
            by: `${village.name}调解员`,
            to: '妙泉派出所 值班民警',
            note: '电话报告，派出所已派员到场稳控。',
          });
        }
        if (month === 0) continue;
        if (f.fate === 'mediation') {
          mediated++;
          const opened = await mediateItem(yifa, req, round.id, itemId, {
            committeeId: village.id,
            registeredOn: on,
            source: 'initiative',
            referredBy: null,
            category: f.category,
            partyA: party(),
            partyB: party(),
            facts: f.description,
            points: '双方诉求及责任划分。',
          });
          await mediateToOralAgreement(yifa, req, opened.disputeId, on, village.mediatorPersonId, at);
        } else {
          await disposeItem(yifa, req, round.id, itemId, {
            disposition: f.fate === 'resolved' ? 'resolved' : 'routed',
            on,
            routeTo: f.fate === 'resolved' ? null : f.fate,
            receiver: f.fate === 'resolved' ? null : RECEIVERS[f.fate],
            note: f.fate === 'resolved' ? '排查人员当场劝解，双方达成谅解。' : '已书面移交并电话告知接收单位。',
          });
        }
      }
      if (month > 0) {
        yifa.clock.source = at(on, 17);
        await closeScreening(yifa, req, round.id, { on });
      }
    }
  }
  return mediated;
}

/** A dispute from the ledger, mediated the next days to an oral agreement through the procedure's steps. */
async function mediateToOralAgreement(
  yifa: Yifa,
  req: Request,
  id: string,
  on: string,
  mediator: string,
  at: (day: string, hour: number) => () => Date,
) {
  const step = async (day: string, type: string, payload: Record<string, unknown>) => {
    yifa.clock.source = at(day, 15);
    await actOnRecord(yifa, req, DISPUTES, id, type, payload);
  };
  const next = addDays(on, 1);
  const later = addDays(on, 4);
  await step(next, 'dispute.consent', { on: next, note: '各方当事人均表示同意接受人民调解委员会调解。' });
  await step(next, 'dispute.assign-mediators', { on: next, chosen: false, personIds: [mediator] });
  await step(later, 'dispute.record-session', {
    on: later,
    place: '村委会调解室',
    present: '双方当事人、调解员、网格员',
    record: '排查发现后及时介入，调解员听取双方陈述并释法说理，双方情绪平稳。',
  });
  await step(later, 'dispute.oral-agreement', {
    on: later,
    terms: '双方互谅互让，按调解员提出的方案处理。',
    performance: '当场履行',
    amountFen: 0,
  });
}
