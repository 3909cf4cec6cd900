/**
 * A year of 妙泉镇 penalty cases, made through the same actions a user would take (each
 * at its own date on the installation's clock): on-the-spot decisions, cases heard and
 * reviewed as major, one overdue, one with an approved extension, some closed and
 * archived, and one at every other step.
 */
import type { Yifa } from '../../platform/yifa.js';
import { addDays, daysBetween } from '../../calendar/legal-date.js';
import { computeDeadline } from '../../calendar/deadlines.js';
import { nthWorkingDayAfter } from '../../procedure/deadlines.js';
import { contextOfUser } from '../org/sessions.js';
import { openCase, performAction } from './service/cases.js';
import type { Request } from '../../platform/security/request.js';
import type { PenaltyCase } from './penalty-case.js';
import { BODYCAM_MP4, BODYCAM_WEBM, demoAudio, demoPhoto, demoScan, uploadDemoFile } from '../evidence/demo.js';

type Who = 'zhifa1' | 'zhifa2' | 'fuzeren' | 'fazhi';
type Payload = Record<string, unknown>;
/** A step's payload, or a function making it from the case as it stands (to upload a file first, or point at a record). */
type Step = [daysAgo: number, who: Who, type: string, payload: Payload | ((c: PenaltyCase) => Promise<Payload>)];

const company = {
  kind: 'organisation',
  name: '秀山县某某建材有限公司',
  idNumber: '91500241MA5U00000K',
  address: '秀山县妙泉镇某某村3组',
  phone: '023-76660000',
  representative: '王某某',
};
const person = (name: string, village: string) => ({
  kind: 'citizen',
  name,
  idNumber: null,
  address: `秀山县妙泉镇${village}`,
  phone: null,
  representative: null,
});
const allOk = Object.fromEntries(
  ['body', 'officers', 'procedure', 'facts', 'law', 'discretion', 'abuse', 'documents', 'crime', 'other'].map((k) => [
    k,
    { ok: true, note: '经审查符合规定' },
  ]),
);

export async function seedDemoCases(yifa: Yifa): Promise<number> {
  const realTime = yifa.clock.source;
  const today = yifa.clock.today();
  const as: Record<Who, Request> = {} as Record<Who, Request>;
  for (const u of ['zhifa1', 'zhifa2', 'fuzeren', 'fazhi'] as const) as[u] = { auth: await contextOfUser(yifa, u), denied: async () => {} };
  const officers = [as.zhifa1.auth.user.personId!, as.zhifa2.auth.user.personId!];
  const chair = (
    await yifa.db.kysely.selectFrom('people').select('id').where('post', '=', '综合行政执法办公室主任').executeTakeFirstOrThrow()
  ).id;
  const on = (daysAgo: number) => addDays(today, -daysAgo);
  const at = (daysAgo: number) => () => new Date(`${on(daysAgo)}T${String(9 + (daysAgo % 8)).padStart(2, '0')}:30:00+08:00`);
  // The calendar decides when a waiting period ends, so the story holds whatever the holidays.
  const table = await yifa.calendar.table();
  const ago = (date: string) => daysBetween(date, today);
  /** Days ago of the first day after the 5-working-day window that opens `daysAgo`. */
  const windowPassed = (daysAgo: number) => ago(addDays(nthWorkingDayAfter(table, on(daysAgo), 5), 1));
  /** Days ago of the earliest lawful hearing after a notice served `daysAgo`, but not before `wanted`. */
  const hearingDay = (daysAgo: number, wanted: number) =>
    Math.min(wanted, ago(computeDeadline(table, { rule: 'penalty.hearing-earliest', from: on(daysAgo) }).due));

  /** Opens a case and runs its steps in order, each on its own day. */
  const story = async (opened: [number, Who, 'penalty.register' | 'penalty.on-the-spot', Record<string, unknown>], steps: Step[]) => {
    yifa.clock.source = at(opened[0]);
    let view = await openCase(yifa, as[opened[1]], opened[2], opened[3]);
    for (const [daysAgo, who, type, payload] of steps) {
      yifa.clock.source = at(daysAgo);
      view = await performAction(yifa, as[who], view.id, type, typeof payload === 'function' ? await payload(view.case) : payload);
    }
  };
  const register = (
    daysAgo: number,
    party: unknown,
    summary: string,
    kind = 'patrol',
  ): [number, Who, 'penalty.register', Record<string, unknown>] => [
    daysAgo,
    'zhifa1',
    'penalty.register',
    { source: { kind, summary, receivedOn: on(daysAgo) }, party, field: '综合行政执法' },
  ];
  const filing = (d: number, violationTypeId: string, actAgo: number, summary: string): Step[] => [
    [d, 'zhifa1', 'penalty.request-filing', { violationTypeId, actOn: on(actAgo), seriousHarm: false, officers, summary }],
    [d, 'fuzeren', 'penalty.approve', { kind: 'filing', opinion: '同意立案' }],
  ];
  const upload = (who: Who, bytes: Buffer, fileName: string, mime: string) => uploadDemoFile(yifa, as[who], bytes, fileName, mime);
  const lastRecord = (c: PenaltyCase, kind: 'inspection' | 'inquiry') => [...c.records].reverse().find((r) => r.kind === kind)!;
  const gps = (d: number) => ({ lat: 28.4 + (d % 17) / 1000, lng: 108.9 + (d % 23) / 1000 });
  /**
   * Inspection and inquiry with their evidence: a site photo, the scanned inquiry record and,
   * unless `recorded` is false (the body camera was not switched on — the seed's weak point),
   * the body-camera video of the inspection; some inquiries also have their sound.
   */
  const investigate = (d: number, place: string, subject: string, found: string, recorded = true): Step[] => [
    [d, 'zhifa1', 'penalty.record-inspection', { on: on(d), place, officers, subject, summary: found }],
    [
      d,
      'zhifa2',
      'penalty.record-inquiry',
      { on: on(d), place: '妙泉镇综合行政执法办公室', officers, subject, summary: `当事人对${found}的事实无异议` },
    ],
    ...(recorded
      ? [
          [
            d,
            'zhifa1',
            'penalty.add-evidence',
            async (c: PenaltyCase) => {
              const webm = d % 2 === 1;
              const sha256 = await upload(
                'zhifa1',
                webm ? BODYCAM_WEBM : BODYCAM_MP4,
                `MQ-01_${on(d).replaceAll('-', '')}_0930.${webm ? 'webm' : 'mp4'}`,
                webm ? 'video/webm' : 'video/mp4',
              );
              const inspection = lastRecord(c, 'inspection');
              return {
                type: 'audiovisual',
                title: '执法记录仪视频',
                description: '现场检查全过程',
                collectedOn: on(d),
                source: '执法记录仪 MQ-01',
                file: { sha256 },
                step: inspection.seq,
                recording: {
                  recorder: 'MQ-01',
                  startedAt: `${on(d)}T09:30:00+08:00`,
                  endedAt: `${on(d)}T09:34:00+08:00`,
                  scene: 'inspection',
                  place,
                  gps: gps(d),
                  officers,
                },
              };
            },
          ] satisfies Step,
        ]
      : []),
    [
      d,
      'zhifa1',
      'penalty.add-evidence',
      async () => ({
        type: 'documentary',
        title: '现场照片',
        description: `反映${found}`,
        collectedOn: on(d),
        source: '执法人员拍摄',
        file: { sha256: await upload('zhifa1', demoPhoto(d), `IMG_${on(d).replaceAll('-', '')}_${d}.png`, 'image/png') },
      }),
    ],
    [
      d,
      'zhifa1',
      'penalty.add-evidence',
      async (c: PenaltyCase) => ({
        type: 'party-statement',
        title: '询问笔录（当事人签字扫描件）',
        description: `${subject}签字确认的询问笔录`,
        collectedOn: on(d),
        source: '扫描',
        file: { sha256: await upload('zhifa1', await demoScan(d), `询问笔录_${subject}_${on(d)}.pdf`, 'application/pdf') },
        step: lastRecord(c, 'inquiry').seq,
      }),
    ],
    ...(d % 3 === 0
      ? [
          [
            d,
            'zhifa1',
            'penalty.add-evidence',
            async (c: PenaltyCase) => ({
              type: 'audiovisual',
              title: '询问录音',
              description: `询问${subject}的录音`,
              collectedOn: on(d),
              source: '执法记录仪 MQ-01',
              file: { sha256: await upload('zhifa1', demoAudio(3, 330 + d), `询问录音_${on(d)}.wav`, 'audio/wav') },
              step: lastRecord(c, 'inquiry').seq,
              recording: {
                recorder: 'MQ-01',
                startedAt: `${on(d)}T10:00:00+08:00`,
                endedAt: `${on(d)}T10:20:00+08:00`,
                scene: 'inquiry',
                place: '妙泉镇综合行政执法办公室',
                gps: null,
                officers,
              },
            }),
          ] satisfies Step,
        ]
      : []),
  ];
  const conclude = (
    d: number,
    facts: string,
    outcome: string,
    kinds: string[],
    fineFen: number,
    basis: string,
    circumstanceId: string | null,
    extra: Record<string, unknown> = {},
  ): Step => [
    d,
    'zhifa1',
    'penalty.conclude-investigation',
    {
      on: on(d),
      facts,
      evidenceSummary: '现场检查笔录、询问笔录、视听资料、照片',
      outcome,
      kinds,
      fineFen,
      confiscationFen: 0,
      basis,
      circumstanceId,
      discretionReason: null,
      reviewGrounds: [],
      ...extra,
    },
  ];
  const notice = (d: number): Step => [d, 'zhifa1', 'penalty.serve-notice', { servedOn: on(d), method: 'direct', consentOnFile: false }];
  const decide = (d: number): Step => [
    d,
    'fuzeren',
    'penalty.decide',
    { on: on(d), reasoning: '事实清楚，证据确凿，程序合法，处罚适当', paymentInstructions: '十五日内缴至指定代收银行' },
  ];
  const serve = (d: number, recipient: string): Step => [
    d,
    'zhifa2',
    'penalty.serve-decision',
    { servedOn: on(d), method: 'direct', recipient, refusedToSign: false, consentOnFile: false },
  ];
  const pay = (d: number, fen: number): Step => [
    d,
    'zhifa1',
    'penalty.record-payment',
    { on: on(d), amountFen: fen, receipt: `非税收入一般缴款书 No.50024${d}` },
  ];
  const close = (d: number): Step => [d, 'zhifa1', 'penalty.close', { on: on(d), report: '处罚决定已执行完毕，建议结案' }];
  const archive = (d: number): Step => [d, 'fuzeren', 'penalty.archive', { on: on(d), acknowledgeWarnings: true }];
  const review = (d: number): Step[] => [
    [d, 'zhifa1', 'penalty.submit-review', { on: on(d), materials: '情况说明、拟处罚决定书、证据材料、听证笔录' }],
    [
      d,
      'fazhi',
      'penalty.review-opinion',
      {
        on: on(d),
        conclusion: 'agree',
        points: allOk,
        text: '主体合法，事实清楚，证据充分，程序合法，适用法律正确，裁量适当，同意拟处罚意见',
      },
    ],
  ];
  const discuss = (d: number): Step => [
    d,
    'fuzeren',
    'penalty.collective-discussion',
    { on: on(d), participants: ['镇长', '分管副镇长', '纪委书记', '司法所所长'], conclusion: '同意调查终结报告的处理意见' },
  ];
  /**
   * 当场处罚, recorded on the body camera when `recorded`. A fine of ¥100 is taken in cash
   * (Art 68(1)) and handed in and banked; a larger one is paid at the bank later. Each is
   * filed with the agency; the paid ones are closed and archived.
   */
  const onTheSpot = async (
    daysAgo: number,
    party: unknown,
    facts: string,
    violationTypeId: string,
    circumstanceId: string,
    kinds: string[],
    fineFen: number,
    basis: string,
    paid: boolean,
    recorded: boolean,
  ) => {
    const cash = paid && fineFen <= 10_000;
    const afterwards: Step[] = [
      ...(cash
        ? ([
            [daysAgo - 1, 'zhifa1', 'penalty.hand-in-cash', { on: on(daysAgo - 1), receivedBy: '镇财政所出纳' }],
            [
              daysAgo - 2,
              'zhifa1',
              'penalty.bank-cash',
              { on: on(daysAgo - 2), bankReceipt: `重庆农商行缴款单 ${on(daysAgo - 2).replaceAll('-', '')}01` },
            ],
          ] satisfies Step[])
        : paid
          ? ([
              [
                daysAgo - 3,
                'zhifa1',
                'penalty.record-payment',
                { on: on(daysAgo - 3), amountFen: fineFen, receipt: `非税缴款书 ${daysAgo}` },
              ],
            ] satisfies Step[])
          : []),
      [daysAgo - 1, 'zhifa1', 'penalty.file-on-the-spot', { on: on(daysAgo - 1) }],
    ];
    await story(
      [
        daysAgo,
        'zhifa1',
        'penalty.on-the-spot',
        {
          party,
          field: '综合行政执法',
          on: on(daysAgo),
          place: '妙泉镇集镇',
          officers,
          violationTypeId,
          circumstanceId,
          facts,
          basis,
          told: true,
          statement: daysAgo % 2 === 0 ? '初次违法，愿意改正' : null,
          statementReply: daysAgo % 2 === 0 ? '所述属实，已在裁量基准幅度内从低处罚' : null,
          kinds,
          fineFen,
          confiscationFen: 0,
          mitigation: [],
          signed: true,
          refusalNote: null,
          cashCollected: cash,
          cashGround: cash ? 'small' : null,
          cashGroundNote: null,
          receiptNumber: cash ? `渝财罚 ${String(500_000 + daysAgo)}` : null,
        },
      ],
      [
        ...(recorded
          ? [
              [
                daysAgo,
                'zhifa1',
                'penalty.add-evidence',
                async () => ({
                  type: 'audiovisual',
                  title: '当场处罚执法记录仪视频',
                  description: '当场处罚全过程',
                  collectedOn: on(daysAgo),
                  source: '执法记录仪 MQ-01',
                  file: { sha256: await upload('zhifa1', BODYCAM_MP4, `MQ-01_${on(daysAgo).replaceAll('-', '')}_1500.mp4`, 'video/mp4') },
                  recording: {
                    recorder: 'MQ-01',
                    startedAt: `${on(daysAgo)}T15:00:00+08:00`,
                    endedAt: `${on(daysAgo)}T15:06:00+08:00`,
                    scene: 'on-the-spot',
                    place: '妙泉镇集镇',
                    gps: gps(daysAgo),
                    officers,
                  },
                }),
              ] satisfies Step,
            ]
          : []),
        ...afterwards.sort((a, b) => b[0] - a[0]),
        ...(paid ? [close(daysAgo - 4), archive(daysAgo - 6)] : []),
      ],
    );
  };

  let n = 0;
  try {
    // 简易程序: on-the-spot decisions through the year.
    for (const [i, [name, village]] of [
      ['张某某', '某某村'],
      ['李某某', '大田村'],
      ['刘某某', '龙凤村'],
      ['陈某某', '青山村'],
      ['杨某某', '茶园村'],
      ['赵某某', '新院村'],
    ].entries()) {
      const daysAgo = 330 - i * 55;
      const fire = i % 2 === 0;
      await onTheSpot(
        daysAgo,
        person(name!, village!),
        fire ? '森林防火期内在林区边缘焚烧纸钱' : '在集镇街道随意倾倒生活垃圾',
        fire ? 'wild-fire' : 'waste-dumping',
        fire ? 'ordinary' : 'minor',
        fire ? ['warning', 'fine'] : ['fine'],
        fire ? 20_000 : 10_000,
        fire ? '《森林防火条例》第五十条' : '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
        i % 3 !== 2,
        i % 2 === 0,
      );
      n++;
    }

    // 1. Heard, reviewed as major, decided, paid, closed and archived.
    const heard = hearingDay(231, 205);
    await story(register(240, company, '巡查发现某某村3组有未批先建的厂房'), [
      ...filing(240, 'illegal-building', 250, '未取得乡村建设规划许可证建设厂房约 600 平方米'),
      ...investigate(239, '某某村3组', '王某某', '未取得乡村建设规划许可证建设厂房'),
      conclude(
        235,
        '当事人未取得乡村建设规划许可证，擅自建设厂房约 600 平方米',
        'penalty',
        ['fine'],
        20_000_000,
        '《中华人民共和国城乡规划法》第六十五条',
        'serious',
      ),
      notice(234),
      [233, 'zhifa1', 'penalty.request-hearing', { requestedOn: on(233) }],
      [
        231,
        'zhifa1',
        'penalty.notify-hearing',
        { servedOn: on(231), hearingDate: on(heard), place: '妙泉镇人民政府三楼会议室', chairPersonId: chair, public: true },
      ],
      [
        heard,
        'zhifa1',
        'penalty.hold-hearing',
        {
          heldOn: on(heard),
          partyAbsent: false,
          agents: ['王某某', '律师李某某'],
          record: '调查人员陈述案件事实、证据和拟处罚意见；当事人申辩厂房系自用且愿意补办手续；双方进行质证和辩论',
          signed: true,
          refusalNote: null,
        },
      ],
      [heard - 1, 'zhifa1', 'penalty.report-hearing', { on: on(heard - 1), report: '当事人申辩理由不能成立，建议维持拟处罚意见' }],
      ...review(heard - 3),
      discuss(heard - 4),
      decide(heard - 5),
      serve(heard - 6, '王某某'),
      pay(heard - 15, 20_000_000),
      close(heard - 20),
      archive(heard - 25),
    ]);
    n++;

    // 2. A citizen who waived the hearing window: decided, paid, closed.
    await story(register(200, person('孙某某', '大田村'), '群众举报在人口集中区露天焚烧秸秆', 'complaint'), [
      ...filing(200, 'straw-burning', 201, '露天焚烧秸秆'),
      ...investigate(200, '大田村2组', '孙某某', '露天焚烧秸秆约 50 公斤'),
      conclude(
        198,
        '当事人在大田村2组人口集中区露天焚烧秸秆约 50 公斤',
        'penalty',
        ['fine'],
        80_000,
        '《中华人民共和国大气污染防治法》第一百一十九条第一款',
        'ordinary',
      ),
      notice(197),
      [197, 'zhifa1', 'penalty.waive-rights', { on: on(197), statement: '当事人书面表示对拟处罚无异议，放弃陈述、申辩和听证' }],
      decide(196),
      serve(196, '孙某某'),
      pay(190, 80_000),
      close(185),
    ]);
    n++;

    // 2a. Varied on 复议: the county reduced the fine; the difference was paid back and the case closed.
    await story(register(180, person('郑某某', '茶园村'), '巡查发现在人口集中区露天焚烧落叶'), [
      ...filing(180, 'straw-burning', 181, '露天焚烧落叶'),
      ...investigate(180, '茶园村1组', '郑某某', '露天焚烧落叶约 30 公斤'),
      conclude(
        178,
        '当事人在茶园村1组人口集中区露天焚烧落叶约 30 公斤，经劝阻后停止',
        'penalty',
        ['fine'],
        150_000,
        '《中华人民共和国大气污染防治法》第一百一十九条第一款',
        'serious',
      ),
      notice(177),
      [177, 'zhifa1', 'penalty.waive-rights', { on: on(177), statement: '当事人书面表示放弃陈述、申辩和听证' }],
      decide(176),
      serve(176, '郑某某'),
      pay(170, 150_000),
      [
        120,
        'zhifa1',
        'penalty.record-change',
        {
          on: on(120),
          source: 'reconsideration',
          body: '秀山县人民政府',
          documentNumber: '秀府复决〔2026〕3号',
          outcome: 'varied',
          reason: '焚烧量小且经劝阻即停止，属“一般”情节，原决定适用“严重”情节明显不当',
          kinds: ['fine'],
          fineFen: 80_000,
          confiscationFen: 0,
          redoBy: null,
          procedureOnly: false,
          note: null,
        },
      ],
      [118, 'zhifa1', 'penalty.record-refund', { on: on(118), amountFen: 70_000, voucher: '非税收入退付书 No.0000312' }],
      close(117),
    ]);
    n++;

    // 3. 首违不罚, archived.
    await story(register(160, person('周某某', '龙凤村'), '巡查发现乱倒生活垃圾'), [
      ...filing(160, 'waste-dumping', 161, '随意倾倒生活垃圾'),
      ...investigate(160, '龙凤村集中居住点', '周某某', '随意倾倒生活垃圾并已当场清理'),
      conclude(
        158,
        '当事人初次违法，危害后果轻微并已及时清理',
        'no-penalty-first',
        [],
        0,
        '《中华人民共和国行政处罚法》第三十三条第一款',
        null,
        { education: '向当事人宣讲《中华人民共和国固体废物污染环境防治法》关于生活垃圾分类投放的规定，当事人签写了不再违法的承诺书' },
      ),
      decide(157),
      serve(156, '周某某'),
      close(150),
      archive(148),
    ]);
    n++;

    // 4. Served; the fine is not paid and a reminder was served.
    await story(register(120, company, '巡查发现厂区外随意堆放建筑垃圾'), [
      ...filing(120, 'waste-dumping', 121, '随意堆放生活垃圾、建筑垃圾'),
      ...investigate(119, '某某村3组厂区外', '王某某', '厂区外随意堆放垃圾约 20 立方米', false),
      [118, 'zhifa1', 'penalty.order-correction', { on: on(118), order: '清运厂区外堆放的建筑垃圾，恢复场地原状', by: on(111) }],
      [110, 'zhifa1', 'penalty.recheck-correction', { seq: 0, on: on(110), corrected: false, findings: '现场复查，堆放的垃圾未清运' }],
      conclude(
        115,
        '当事人在厂区外随意堆放垃圾约 20 立方米，经责令未清理',
        'penalty',
        ['fine'],
        15_000_000,
        '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
        'ordinary',
      ),
      notice(114),
      ...review(108),
      discuss(107),
      decide(Math.min(105, windowPassed(114))),
      serve(Math.min(104, windowPassed(114) - 1), '王某某'),
      [80, 'zhifa1', 'penalty.serve-reminder', { servedOn: on(80) }],
    ]);
    n++;

    // 4a. Never paid: reminded, and once the windows to challenge had run out (6 months), sent to the court.
    await story(register(262, person('冯某某', '茶园村'), '巡查发现在人口集中区露天焚烧秸秆'), [
      ...filing(262, 'straw-burning', 263, '露天焚烧秸秆'),
      ...investigate(262, '茶园村3组', '冯某某', '露天焚烧秸秆约 40 公斤'),
      conclude(
        260,
        '当事人在茶园村3组人口集中区露天焚烧秸秆约 40 公斤',
        'penalty',
        ['fine'],
        60_000,
        '《中华人民共和国大气污染防治法》第一百一十九条第一款',
        'ordinary',
      ),
      notice(259),
      [259, 'zhifa1', 'penalty.waive-rights', { on: on(259), statement: '当事人书面表示放弃陈述、申辩和听证' }],
      decide(258),
      serve(258, '冯某某'),
      [225, 'zhifa1', 'penalty.serve-reminder', { servedOn: on(225) }],
      [50, 'fuzeren', 'penalty.apply-court', { on: on(50), court: '秀山县人民法院' }],
    ]);
    n++;

    // 5. Decided, payment due soon.
    await story(register(40, person('吴某某', '青山村'), '巡查发现露天焚烧垃圾'), [
      ...filing(40, 'straw-burning', 41, '露天焚烧落叶垃圾'),
      ...investigate(40, '青山村1组', '吴某某', '露天焚烧落叶垃圾'),
      [40, 'zhifa1', 'penalty.order-correction', { on: on(40), order: '清理焚烧残留物，不再露天焚烧', by: on(-3) }],
      conclude(
        38,
        '当事人在青山村1组露天焚烧落叶、垃圾',
        'penalty',
        ['fine'],
        60_000,
        '《中华人民共和国大气污染防治法》第一百一十九条第一款',
        'ordinary',
      ),
      notice(37),
      decide(Math.min(20, windowPassed(37))),
      serve(12, '吴某某'),
    ]);
    n++;

    // 6. 法制审核中 (a major fine); 7. 已告知, the window still open; 8. hearing scheduled.
    await story(register(30, { ...company, name: '秀山县某某石材加工厂', idNumber: '92500241MA5U111119' }, '巡查发现未批先建加工棚'), [
      ...filing(30, 'illegal-building', 35, '未取得乡村建设规划许可证搭建加工棚'),
      ...investigate(29, '茶园村4组', '郑某某', '搭建加工棚约 300 平方米'),
      conclude(
        20,
        '当事人未取得乡村建设规划许可证搭建加工棚约 300 平方米',
        'penalty',
        ['fine'],
        6_000_000,
        '《中华人民共和国城乡规划法》第六十五条',
        'correctable',
      ),
      [3, 'zhifa1', 'penalty.submit-review', { on: on(3), materials: '情况说明、拟处罚决定书、证据材料' }],
    ]);
    await story(register(15, person('冯某某', '新院村'), '群众举报焚烧秸秆', 'complaint'), [
      ...filing(15, 'straw-burning', 16, '焚烧秸秆'),
      ...investigate(14, '新院村3组', '冯某某', '露天焚烧秸秆'),
      conclude(
        5,
        '当事人在新院村3组露天焚烧秸秆',
        'penalty',
        ['fine'],
        50_000,
        '《中华人民共和国大气污染防治法》第一百一十九条第一款',
        'ordinary',
      ),
      notice(2),
    ]);
    await story(register(45, company, '巡查发现擅自扩建厂房'), [
      ...filing(45, 'illegal-building', 46, '擅自扩建厂房'),
      ...investigate(44, '某某村3组', '王某某', '擅自扩建厂房约 200 平方米'),
      conclude(
        40,
        '当事人未取得乡村建设规划许可证扩建厂房约 200 平方米',
        'penalty',
        ['fine'],
        12_000_000,
        '《中华人民共和国城乡规划法》第六十五条',
        'serious',
      ),
      notice(14),
      [12, 'zhifa1', 'penalty.request-hearing', { requestedOn: on(12) }],
      [
        10,
        'zhifa1',
        'penalty.notify-hearing',
        {
          servedOn: on(10),
          hearingDate: on(Math.min(-5, hearingDay(10, -5))),
          place: '妙泉镇人民政府三楼会议室',
          chairPersonId: chair,
          public: true,
        },
      ],
    ]);
    n += 3;

    // Investigation concluded yesterday; and a decision made, waiting to be served.
    await story(register(25, person('秦某某', '青山村'), '巡查发现林区用火'), [
      ...filing(25, 'wild-fire', 26, '森林防火期内野外用火'),
      ...investigate(24, '青山村林区', '秦某某', '在林区边缘烧灰积肥', false),
      conclude(
        1,
        '当事人在森林防火期内于青山村林区边缘烧灰积肥',
        'penalty',
        ['warning', 'fine'],
        50_000,
        '《森林防火条例》第五十条',
        'ordinary',
      ),
    ]);
    const noticeDay = 28;
    await story(register(35, person('许某某', '龙凤村'), '群众举报乱倒垃圾', 'complaint'), [
      ...filing(35, 'waste-dumping', 36, '随意倾倒生活垃圾'),
      ...investigate(34, '龙凤村2组', '许某某', '随意倾倒生活垃圾'),
      conclude(
        30,
        '当事人在龙凤村2组公路边随意倾倒生活垃圾',
        'penalty',
        ['fine'],
        30_000,
        '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
        'ordinary',
      ),
      notice(noticeDay),
      decide(Math.max(1, Math.min(2, windowPassed(noticeDay)))),
    ]);
    n += 2;

    // 9. Overdue: filed over 90 days ago, still under investigation.
    await story(register(110, person('褚某某', '大田村'), '巡查发现未批建房'), [
      ...filing(110, 'illegal-building', 112, '未取得乡村建设规划许可证建房'),
      ...investigate(108, '大田村5组', '褚某某', '未批建设住房一栋', false),
    ]);
    // 10. With an approved extension of 30 days.
    await story(register(95, person('卫某某', '茶园村'), '巡查发现擅自建设'), [
      ...filing(95, 'illegal-building', 96, '擅自建设'),
      ...investigate(94, '茶园村2组', '卫某某', '擅自建设附属用房'),
      [20, 'zhifa1', 'penalty.request-extension', { days: 30, reason: '需委托测绘机构测量违法建设面积' }],
      [20, 'fuzeren', 'penalty.approve', { kind: 'extension', opinion: '同意延长办案期限三十日' }],
    ]);
    // 10a. The party asked for an officer's withdrawal (his cousin); the head agreed and the office head took his place.
    await story(register(30, person('沈某某', '青山村'), '巡查发现占用耕地堆放砂石'), [
      ...filing(30, 'waste-dumping', 31, '占用耕地堆放砂石'),
      [
        28,
        'zhifa1',
        'penalty.request-recusal',
        {
          on: on(28),
          personId: officers[1],
          role: 'officer',
          applicant: 'party',
          reason: '执法人员系当事人表兄，当事人认为可能影响公正处理',
          replacementId: chair,
        },
      ],
      [27, 'fuzeren', 'penalty.approve', { kind: 'recusal', opinion: '同意回避，由综合行政执法办公室主任接替办理' }],
    ]);
    // 11. Evidence held under 先行登记保存, its 7-working-day decision pending.
    await story(register(4, person('蒋某某', '龙凤村'), '群众举报野外用火', 'complaint'), [
      ...filing(4, 'wild-fire', 5, '森林防火期内野外用火'),
      [3, 'zhifa1', 'penalty.request-preservation', { on: on(3), items: '打火机一个、未燃尽纸钱一袋', reason: '证据可能灭失', officers }],
      [3, 'fuzeren', 'penalty.approve', { kind: 'preservation', opinion: '同意先行登记保存' }],
    ]);
    // 12. Awaiting the head's approval to open; 13. just registered; 14. not opened.
    await story(register(2, person('沈某某', '青山村'), '群众电话举报乱倒垃圾', 'complaint'), [
      [
        1,
        'zhifa1',
        'penalty.request-filing',
        { violationTypeId: 'waste-dumping', actOn: on(3), seriousHarm: false, officers, summary: '乱倒垃圾' },
      ],
    ]);
    await story(register(0, person('韩某某', '新院村'), '县综合执法局移送：疑似违法占地建房', 'referral'), []);
    await story(register(60, person('杨某某', '某某村'), '举报邻居焚烧垃圾，经核实已自行清理', 'complaint'), [
      [
        60,
        'zhifa1',
        'penalty.request-filing',
        { violationTypeId: 'straw-burning', actOn: on(61), seriousHarm: false, officers, summary: '焚烧垃圾' },
      ],
      [59, 'fuzeren', 'penalty.reject', { kind: 'filing', reason: '经核实不存在违法事实，不予立案' }],
    ]);
    n += 6;
  } finally {
    yifa.clock.source = realTime;
  }
  return n;
}
