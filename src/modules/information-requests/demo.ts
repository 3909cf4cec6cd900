/**
 * A year of 妙泉镇's requests for government information, made through the same actions the
 * portal and the clerk take (each on its own day on the journal's clock): replies of every
 * type of Art 36, a 补正 answered and one never answered, a third party consulted, an
 * extension approved and one waiting, one overdue, and new ones not yet handled. Each one
 * handed in on paper carries its scan, uploaded and attached by the clerk.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import { demoScan, uploadDemoFile } from '../evidence/demo.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import { INFORMATION_REQUESTS } from './procedure.js';
import { applicantRequest } from './portal.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { CHANNELS, type ReplyType, type WithholdingGround } from './state.js';
import { withIdCheckChar } from '../../platform/identity/numbers.js';

type Step = [daysAgo: number, who: 'gongkai' | 'fuzeren' | 'applicant', type: string, payload: Record<string, unknown>];

/** An applicant of the demo town, born in 1975 (the demo's staff are born 1980–99: no number is shared). */
const citizen = (name: string, n: number, village: string) => ({
  kind: 'citizen',
  name,
  idNumber: withIdCheckChar(`5002411975${String((n % 12) + 1).padStart(2, '0')}01${String(1000 + n).slice(-3)}`),
  phone: `1390000${String(1000 + n).slice(-4)}`,
  email: n % 4 === 0 ? `applicant${n}@example.cn` : null,
  address: `妙泉镇${village}${(n % 6) + 1}组${n + 10}号`,
});

/** Reply payloads by type: the text, and the ground or referral the type needs. */
function reply(on: string, type: ReplyType, text: string, extra: { ground?: WithholdingGround; referTo?: string } = {}) {
  return { on, type, text, ground: extra.ground ?? null, referTo: extra.referTo ?? null, publicInterest: null };
}

export async function seedDemoInformationRequests(yifa: Yifa): Promise<number> {
  const realTime = yifa.clock.source;
  const today = yifa.clock.today();
  const on = (daysAgo: number) => addDays(today, -daysAgo);
  const at = (daysAgo: number) => () => new Date(`${on(daysAgo)}T${String(9 + (daysAgo % 7)).padStart(2, '0')}:15:00+08:00`);
  const clerk: Request = { auth: await contextOfUser(yifa, 'gongkai'), denied: async () => {} };
  const head: Request = { auth: await contextOfUser(yifa, 'fuzeren'), denied: async () => {} };
  const agency = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'regions.path'])
    .where('agencies.id', '=', clerk.auth.user.agencyId!)
    .executeTakeFirstOrThrow();
  const applicant = applicantRequest(yifa, null, { agencyId: agency.id, regionPath: agency.path });
  const who = { gongkai: clerk, fuzeren: head, applicant };
  let n = 0;

  /** Files a request (online by the applicant, or at the counter by the clerk) and runs its steps. */
  const story = async (
    daysAgo: number,
    channel: 'online' | 'counter' | 'letter',
    name: string,
    village: string,
    description: string,
    steps: Step[],
  ) => {
    n++;
    yifa.clock.source = at(daysAgo);
    const payload = {
      channel,
      receivedOn: on(daysAgo),
      applicant: citizen(name, n, village),
      description,
      form: n % 3 === 0 ? 'paper' : 'electronic',
      trackingHash: trackingHashOf(newTrackingCode()),
    };
    const opened = await openRecord(
      yifa,
      channel === 'online' ? applicant : clerk,
      INFORMATION_REQUESTS,
      'information-request.submit',
      payload,
      agency.id,
    );
    // A paper request is scanned at receipt and the scan attached to it.
    if (channel !== 'online') {
      const sha256 = await uploadDemoFile(yifa, clerk, await demoScan(n), `${name}申请书.pdf`, 'application/pdf');
      await actOnRecord(yifa, clerk, INFORMATION_REQUESTS, opened.id, 'information-request.attach-file', {
        type: 'application',
        title: `${name}的申请书（${CHANNELS[channel]}）`,
        description: '纸质申请书及身份证复印件的扫描件',
        file: { sha256 },
      });
    }
    for (const [d, by, type, p] of steps) {
      yifa.clock.source = at(d);
      await actOnRecord(yifa, who[by], INFORMATION_REQUESTS, opened.id, type, p);
    }
  };
  const answered = (d: number, type: ReplyType, text: string, extra?: Parameters<typeof reply>[3]): Step => [
    d,
    'gongkai',
    'information-request.reply',
    reply(on(d), type, text, extra),
  ];

  try {
    await story(330, 'online', '杨某某', '妙泉村', '2025年度妙泉镇财政预算执行情况', [
      answered(322, 'already-public', '该信息已于本机关门户网站“财政预决算”栏目主动公开。', {
        referTo: '秀山县人民政府网站 妙泉镇 财政预决算栏目',
      }),
    ]);
    await story(300, 'counter', '吴某某', '贵塘村', '贵塘村土地征收补偿标准及补偿款发放名册', [
      answered(290, 'partial', '土地征收补偿标准予以公开（见附件）；补偿款发放名册中其他被征收人的身份证号、银行账号不予公开。', {
        ground: 'third-party',
      }),
    ]);
    await story(270, 'letter', '刘某某', '大田村', '大田村2025年低保评审会议记录', [
      answered(255, 'withhold', '所申请信息为评审过程中的讨论记录，属于过程性信息。', { ground: 'process' }),
    ]);
    await story(240, 'online', '陈某某', '三坝村', '三坝村1998年宅基地审批档案', [
      answered(228, 'not-exist', '经检索本机关档案，未找到所申请的1998年宅基地审批档案。'),
    ]);
    await story(210, 'online', '罗某某', '苗坝村', '妙泉镇某某建材公司营业执照登记信息', [
      answered(205, 'other-route', '企业登记信息依法通过国家企业信用信息公示系统查询。', {
        referTo: '国家企业信用信息公示系统（www.gsxt.gov.cn）',
      }),
    ]);
    await story(180, 'counter', '田某某', '凉桥村', '县城区某路段交通信号灯设置依据', [
      answered(176, 'not-held', '该信息不属于本机关负责公开。', { referTo: '秀山县公安局交通管理大队' }),
    ]);
    await story(150, 'online', '杨某某', '妙泉村', '2025年度妙泉镇财政预算执行情况', [
      answered(146, 'repeat', '您已于此前提出相同申请，本机关已作出答复，不再重复处理。'),
    ]);
    await story(120, 'online', '龙某某', '高楼村', '举报邻居违法建房，要求镇政府处理', [
      answered(117, 'not-request', '您反映的问题属于投诉举报，本机关已转综合行政执法办公室按投诉举报处理。', {
        referTo: '妙泉镇综合行政执法办公室（投诉举报）',
      }),
    ]);
    // 补正, answered, then disclosed.
    await story(95, 'online', '彭某某', '贵塘村', '村里的那个项目的资料', [
      [
        93,
        'gongkai',
        'information-request.request-correction',
        { on: on(93), items: '请写明所需信息的项目名称、年度或文号等特征性描述。', answerBy: on(83) },
      ],
      [
        90,
        'applicant',
        'information-request.answer-correction',
        { on: on(90), answer: '贵塘村2025年人居环境整治项目的招标公告和中标结果', lateReason: null },
      ],
      answered(80, 'disclose', '招标公告和中标结果见附件。'),
    ]);
    // 补正 never answered: deemed withdrawn (Art 30).
    await story(70, 'letter', '白某某', '大田村', '有关文件', [
      [
        68,
        'gongkai',
        'information-request.request-correction',
        { on: on(68), items: '请写明所需文件的名称、文号或者发布时间。', answerBy: on(58) },
      ],
      [55, 'gongkai', 'information-request.deem-withdrawn', { on: on(55) }],
    ]);
    // A third party consulted, objecting; extension approved; partly disclosed.
    await story(60, 'online', '冉某某', '三坝村', '某某建材公司环境影响评价批复文件', [
      [
        58,
        'gongkai',
        'information-request.consult-third-party',
        { sentOn: on(58), thirdParty: '秀山县某某建材有限公司', matter: '环评批复文件中的生产工艺、原料配比信息可能涉及商业秘密。' },
      ],
      [
        50,
        'gongkai',
        'information-request.record-opinion',
        { consultationSeq: 1, on: on(50), opinion: 'object', reason: '生产工艺属于本公司商业秘密' },
      ],
      [40, 'gongkai', 'information-request.request-extension', { days: 15, reason: '需调取县生态环境部门存档的批复原件' }],
      [39, 'fuzeren', 'information-request.approve', { kind: 'extension', opinion: '同意延长答复期限' }],
      answered(30, 'partial', '环评批复文件予以公开，其中生产工艺、原料配比部分经第三方书面反对，不予公开。', { ground: 'third-party' }),
    ]);
    // Overdue: received long ago, never answered.
    await story(45, 'counter', '石某某', '苗坝村', '苗坝村集体经济收支明细（2024—2025年）', []);
    // Waiting for the head to approve an extension.
    await story(22, 'online', '麻某某', '凉桥村', '妙泉镇2026年防汛应急预案', [
      [4, 'gongkai', 'information-request.request-extension', { days: 10, reason: '预案正在修订，需与应急办核实可公开版本' }],
    ]);
    // A third party is being consulted now.
    await story(12, 'online', '滕某某', '高楼村', '高楼村某养殖场排污许可信息', [
      [
        10,
        'gongkai',
        'information-request.consult-third-party',
        { sentOn: on(10), thirdParty: '高楼村某某养殖场', matter: '排污许可中的企业经营信息可能涉及其合法权益。' },
      ],
    ]);
    // The applicant is correcting now.
    await story(6, 'online', '姚某某', '妙泉村', '镇里今年的补贴', [
      [
        5,
        'gongkai',
        'information-request.request-correction',
        { on: on(5), items: '请写明补贴的种类（如耕地地力保护补贴、农机购置补贴）和年度。', answerBy: addDays(today, 9) },
      ],
    ]);
    // New, not yet handled.
    await story(2, 'online', '侯某某', '贵塘村', '贵塘村通组公路硬化工程验收资料', []);
    await story(0, 'counter', '黄某某', '大田村', '大田村2026年危房改造对象名单', []);
  } finally {
    yifa.clock.source = realTime;
  }
  return n;
}
