/**
 * The written forms of a 行政复议 case, filled from the case alone. The 复议机构's: 补正通知书,
 * 受理通知书, 不予受理决定书, 答复通知书 (with the copy to the respondent), 听证通知书,
 * 行政复议决定书 (per type), 行政复议调解书, 行政复议意见书. The respondent's: 行政复议答复书
 * and its 证据清单 (from the answer bundle, evidence collected after the decision flagged),
 * 负责人出席听证情况说明 and 整改情况报告. Pure.
 */
import type { DocumentContent } from '../../procedure/documents/content.js';
import type { DocumentPlace } from '../../procedure/served.js';
import {
  DECISION_TYPES,
  FORWARDABLE,
  LATE_EXCEPTIONS,
  REFUSAL_GROUNDS,
  SIMPLE_GROUNDS,
  SUSPENSION_GROUNDS,
  TERMINATION_GROUNDS,
  article,
  suspensionCitation,
  terminationCitation,
  type Reconsideration,
} from './state.js';

export const RECONSIDERATION_SERIES = {
  correction: { word: '复补字', title: '行政复议补正通知书' },
  acceptance: { word: '复受字', title: '行政复议受理通知书' },
  refusal: { word: '复不受字', title: '不予受理行政复议申请决定书' },
  'answer-notice': { word: '复答字', title: '行政复议答复通知书' },
  hearing: { word: '复听字', title: '行政复议听证通知书' },
  decision: { word: '复决字', title: '行政复议决定书' },
  settlement: { word: '复调字', title: '行政复议调解书' },
  opinion: { word: '复意字', title: '行政复议意见书' },
  suspension: { word: '复中字', title: '行政复议中止通知书' },
  resumption: { word: '复恢字', title: '恢复行政复议审理通知书' },
  termination: { word: '复终字', title: '行政复议终止决定书' },
  extension: { word: '复延字', title: '延长行政复议期限通知书' },
} as const;

const cn = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

const applied = (r: Reconsideration) =>
  `申请人${r.applicant.name}不服被申请人${r.respondent.name}作出的${r.challengedAct}，于${cn(r.receivedOn)}向本机关申请行政复议。`;

const parties = (r: Reconsideration): DocumentContent['blocks'] => [
  { kind: 'field', label: '申请人', value: r.applicant.name },
  { kind: 'field', label: '被申请人', value: r.respondent.name },
];

type Maker = (r: Reconsideration, place: DocumentPlace) => DocumentContent | null;

const correction: Maker = (r) =>
  r.correction && {
    id: 'correction',
    title: RECONSIDERATION_SERIES.correction.title,
    number: r.correction.number,
    date: r.correction.on,
    sealed: true,
    blocks: [
      { kind: 'paragraph', text: `${r.applicant.name}：` },
      {
        kind: 'paragraph',
        text: `${applied(r)}经审查，你的申请材料不齐全或者表述不清楚，根据${article('三十一')}的规定，请补正以下全部事项：`,
      },
      { kind: 'paragraph', text: r.correction.items },
      {
        kind: 'paragraph',
        text: `请于${cn(r.correction.answerBy)}前（收到本通知之日起十个工作日内）提交补正材料。无正当理由逾期不补正的，视为放弃行政复议申请。`,
      },
    ],
  };

const acceptance: Maker = (r) =>
  r.acceptance && !r.acceptance.deemed
    ? {
        id: 'acceptance',
        title: RECONSIDERATION_SERIES.acceptance.title,
        number: r.acceptance.number,
        date: r.acceptance.on,
        sealed: true,
        blocks: [
          { kind: 'paragraph', text: `${r.applicant.name}：` },
          {
            kind: 'paragraph',
            text: `${applied(r)}经审查，该申请符合受理条件，本机关决定自${cn(r.acceptance.on)}起受理，适用${
              r.acceptance.simple ? `简易程序（${SIMPLE_GROUNDS[r.acceptance.simpleGround!]}，${article('五十三')}）` : '普通程序'
            }。`,
          },
          ...(r.forwarding
            ? [
                {
                  kind: 'paragraph' as const,
                  text: `该申请系对${FORWARDABLE[r.forwarding.kind]}不服，通过${r.respondent.name}提交，该机关于${cn(r.forwarding.agencyReceivedOn)}收到、${cn(r.forwarding.forwardedOn)}转送本机关（${article('三十二')}）。`,
                },
              ]
            : []),
          ...(r.lateException
            ? [
                {
                  kind: 'paragraph' as const,
                  text: `申请超过六十日期限，经审查属于${LATE_EXCEPTIONS[r.lateException.kind].name}：${r.lateException.reason}`,
                },
              ]
            : []),
        ],
      }
    : null;

const refusal: Maker = (r) =>
  r.refusal && {
    id: 'refusal',
    title: RECONSIDERATION_SERIES.refusal.title,
    number: r.refusal.number,
    date: r.refusal.on,
    sealed: true,
    blocks: [
      ...parties(r),
      {
        kind: 'paragraph',
        text: `${applied(r)}经审查，${REFUSAL_GROUNDS[r.refusal.ground].name}：${r.refusal.reason}。根据${REFUSAL_GROUNDS[r.refusal.ground].citation}和${article('三十')}的规定，本机关决定不予受理。`,
      },
      { kind: 'paragraph', heading: '救济途径', text: '申请人不服本决定的，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。' },
    ],
  };

const answerNotice: Maker = (r) =>
  r.copy && {
    id: 'answer-notice',
    title: RECONSIDERATION_SERIES['answer-notice'].title,
    number: r.copy.number,
    date: r.copy.on,
    sealed: true,
    blocks: [
      { kind: 'paragraph', text: `${r.respondent.name}：` },
      { kind: 'paragraph', text: `${applied(r)}本机关已依法受理。现将行政复议申请书副本发送你单位。` },
      {
        kind: 'paragraph',
        text: `请自收到申请书副本之日起${r.acceptance?.simple ? '五' : '十'}个工作日内（${cn(r.copy.answerDue)}前），提出书面答复，并提交作出行政行为的证据、依据和其他有关材料（${article(r.acceptance?.simple ? '五十四' : '四十八')}）。`,
      },
      {
        kind: 'paragraph',
        heading: '特别提示',
        text: `被申请人不按照规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据，本机关将决定撤销、部分撤销该行政行为，确认该行政行为违法、无效或者决定被申请人在一定期限内履行（${article('七十')}）。被申请人不得自行向申请人和其他有关单位或者个人收集证据（${article('四十六')}）。`,
      },
    ],
  };

const hearing: Maker = (r) =>
  r.hearing && {
    id: 'hearing',
    title: RECONSIDERATION_SERIES.hearing.title,
    number: r.hearing.number,
    date: r.hearing.noticeOn,
    sealed: true,
    blocks: [
      ...parties(r),
      {
        kind: 'paragraph',
        text: `${applied(r)}本机关决定于${cn(r.hearing.date)}在${r.hearing.place}举行听证（${article('五十')}、${article('五十一')}）。`,
      },
      { kind: 'paragraph', text: '被申请人的负责人应当参加听证；不能参加的，应当说明理由并委托相应的工作人员参加听证。' },
    ],
  };

/** Art 59: the 附带审查's outcome is told in the decision (lawful), or stated as the execution stopped and a correction ordered. */
const incidentalRulings = (r: Reconsideration) =>
  (r.incidentalReviews ?? []).flatMap((x) =>
    x.ruling
      ? [
          {
            kind: 'paragraph' as const,
            heading: '规范性文件附带审查',
            text: `申请人对${x.drafter}制定的《${x.title}》${x.clauses}提出附带审查。经审查，${
              x.ruling.lawful ? '该条款合法，' : `该条款不合法，本机关已决定停止执行，并责令${x.drafter}予以纠正（${article('五十九')}）。`
            }${x.ruling.reason}`,
          },
        ]
      : [],
  );

const decision: Maker = (r) => {
  const d = r.decision;
  if (!d) return null;
  const t = DECISION_TYPES[d.type];
  return {
    id: 'decision',
    title: `${RECONSIDERATION_SERIES.decision.title}（${t.name}）`,
    number: d.number,
    date: d.on,
    sealed: true,
    blocks: [
      ...parties(r),
      { kind: 'paragraph', text: applied(r) },
      { kind: 'paragraph', heading: '申请人请求', text: r.requests },
      { kind: 'paragraph', heading: '被申请人答复', text: r.answer ? r.answer.text : '被申请人未在法定期限内提出书面答复。' },
      { kind: 'paragraph', heading: '本机关认为', text: d.reason },
      ...incidentalRulings(r),
      {
        kind: 'paragraph',
        text: `根据${t.citation}的规定，本机关决定：${t.name}${
          d.varied ? `，变更为罚款${(d.varied.fineFen / 100).toFixed(2)}元` : ''
        }${d.redoBy ? `，被申请人应当于${cn(d.redoBy)}前重新作出行政行为` : ''}。`,
      },
      {
        kind: 'paragraph',
        heading: '救济途径',
        text: '申请人、第三人不服本决定的，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。',
      },
    ],
  };
};

const settlement: Maker = (r) =>
  r.settlement && {
    id: 'settlement',
    title: RECONSIDERATION_SERIES.settlement.title,
    number: r.settlement.number,
    date: r.settlement.on,
    sealed: true,
    blocks: [
      ...parties(r),
      { kind: 'paragraph', text: `${applied(r)}经本机关主持调解，双方自愿达成如下协议（${article('七十三')}）：` },
      { kind: 'paragraph', text: r.settlement.terms },
      { kind: 'paragraph', text: '本调解书经各方当事人签字或者签章，即具有法律效力。' },
      { kind: 'signatures', lines: ['申请人（签字）：', '被申请人（签章）：'] },
    ],
  };

const opinion: Maker = (r) =>
  r.opinion && {
    id: 'opinion',
    title: RECONSIDERATION_SERIES.opinion.title,
    number: r.opinion.number,
    date: r.opinion.on,
    sealed: true,
    blocks: [
      { kind: 'paragraph', text: `${r.respondent.name}：` },
      { kind: 'paragraph', text: `本机关在办理${r.applicant.name}申请行政复议一案中，发现你单位存在以下问题：` },
      { kind: 'paragraph', text: r.opinion.text },
      {
        kind: 'paragraph',
        text: `请于收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关（${article('七十六')}）。`,
      },
    ],
  };

/** Each 中止 and its 恢复审理, told to the parties in writing (Art 39 第三款). */
function suspensionDocuments(r: Reconsideration): DocumentContent[] {
  return (r.suspensions ?? []).flatMap((x) => [
    {
      id: `suspension:${x.seq}`,
      title: RECONSIDERATION_SERIES.suspension.title,
      number: x.number,
      date: x.on,
      sealed: true,
      blocks: [
        ...parties(r),
        {
          kind: 'paragraph' as const,
          text: `${applied(r)}本机关已依法受理。因${SUSPENSION_GROUNDS[x.ground].name}：${x.reason}。根据${suspensionCitation(x.ground)}的规定，本机关决定自${cn(x.on)}起中止该案的审理。中止的原因消除后，本机关将及时恢复审理并书面告知（${article('三十九', '二')}）。中止期间不计入行政复议期限。`,
        },
      ],
    },
    ...(x.resumedOn
      ? [
          {
            id: `resumption:${x.seq}`,
            title: RECONSIDERATION_SERIES.resumption.title,
            number: x.resumeNumber,
            date: x.resumedOn,
            sealed: true,
            blocks: [
              ...parties(r),
              {
                kind: 'paragraph' as const,
                text: `本机关于${cn(x.on)}中止审理的${r.applicant.name}申请行政复议一案，中止的原因已经消除，根据${article('三十九', '二')}的规定，自${cn(x.resumedOn)}起恢复审理。`,
              },
            ],
          },
        ]
      : []),
  ]);
}

const termination: Maker = (r) =>
  r.termination
    ? {
        id: 'termination',
        title: RECONSIDERATION_SERIES.termination.title,
        number: r.termination.number,
        date: r.termination.on,
        sealed: true,
        blocks: [
          ...parties(r),
          { kind: 'paragraph', text: applied(r) },
          {
            kind: 'paragraph',
            text: `经查，${TERMINATION_GROUNDS[r.termination.ground].name}：${r.termination.reason}。根据${terminationCitation(r.termination.ground)}的规定，本机关决定终止该行政复议。`,
          },
        ],
      }
    : null;

const extension: Maker = (r) =>
  r.extension?.number
    ? {
        id: 'extension',
        title: RECONSIDERATION_SERIES.extension.title,
        number: r.extension.number,
        date: r.extension.on,
        sealed: true,
        blocks: [
          ...parties(r),
          {
            kind: 'paragraph',
            text: `${applied(r)}因${r.extension.reason}，不能在规定期限内作出行政复议决定。经本机关负责人${r.extension.approvedBy}批准，根据${article('六十二')}的规定，审理期限延长${r.extension.days}日，至${cn(r.extension.until)}。`,
          },
        ],
      }
    : null;

/** The respondent's 书面答复 and its 证据清单: not numbered by the 复议机构 (the respondent seals them). */
function answerDocuments(r: Reconsideration): DocumentContent[] {
  const a = r.answer;
  if (!a) return [];
  const b = a.bundle;
  return [
    {
      id: 'answer',
      title: '行政复议答复书',
      number: null,
      date: a.on,
      sealed: true,
      blocks: [
        { kind: 'field', label: '答复人（被申请人）', value: r.respondent.name },
        { kind: 'field', label: '申请人', value: r.applicant.name },
        { kind: 'paragraph', text: `关于${r.applicant.name}不服${r.challengedAct}申请行政复议一案，现答复如下：` },
        { kind: 'paragraph', text: a.text },
        ...(b.facts ? [{ kind: 'paragraph' as const, heading: '认定的事实', text: b.facts }] : []),
        ...(b.basis ? [{ kind: 'paragraph' as const, heading: '法律依据', text: b.basis }] : []),
        ...(b.normativeDocuments ? [{ kind: 'paragraph' as const, heading: '所依据的规范性文件', text: b.normativeDocuments }] : []),
        ...(a.late
          ? [{ kind: 'paragraph' as const, heading: '逾期', text: `本答复在答复期限（${r.copy?.answerDue ?? ''}）届满后提交。` }]
          : []),
      ],
    },
    {
      id: 'evidence-list',
      title: '证据清单',
      number: null,
      date: a.on,
      sealed: true,
      blocks: [
        { kind: 'field', label: '被申请复议的决定', value: b.number ?? '—' },
        {
          kind: 'table',
          header: ['序号', '证据名称', '种类', '收集日期', '文件 SHA-256', '说明'],
          rows: b.evidence.map((e, i) => [
            String(i + 1),
            e.title,
            e.type,
            e.collectedOn ?? '—',
            e.sha256 ?? '—',
            [e.afterDecision ? '作出决定后收集（第四十六条）' : '', e.withdrawn ? '已撤回' : ''].filter(Boolean).join('；') || '—',
          ]),
        },
      ],
    },
  ];
}

function respondentStatements(r: Reconsideration): DocumentContent[] {
  const out: DocumentContent[] = [];
  const at = r.attendance;
  if (at && !at.headAttends)
    out.push({
      id: 'attendance',
      title: '负责人不能出席听证情况说明',
      number: null,
      date: r.hearing?.noticeOn ?? null,
      sealed: true,
      blocks: [
        {
          kind: 'paragraph',
          text: `本单位负责人${at.headName}因${at.reason ?? ''}，不能出席${r.hearing ? cn(r.hearing.date) : ''}的行政复议听证，委托${at.delegate ?? ''}出席（${article('五十一', '三')}）。`,
        },
      ],
    });
  if (r.correctionReport)
    out.push({
      id: 'correction-report',
      title: '整改情况报告',
      number: null,
      date: r.correctionReport.on,
      sealed: true,
      blocks: [
        { kind: 'paragraph', text: `关于${r.opinion?.number ?? '行政复议意见书'}指出的问题，本单位纠正情况报告如下：` },
        { kind: 'paragraph', text: r.correctionReport.text },
      ],
    });
  return out;
}

export function reconsiderationDocuments(r: Reconsideration, place: DocumentPlace): DocumentContent[] {
  const present = (ms: Maker[]) => ms.map((m) => m(r, place)).filter((d): d is DocumentContent => d !== null);
  return [
    ...present([correction, acceptance, refusal, answerNotice, hearing]),
    ...answerDocuments(r),
    ...suspensionDocuments(r),
    ...present([extension, decision, settlement, termination, opinion]),
    ...respondentStatements(r),
  ];
}
