/**
 * The written forms of a petition, filled from the petition alone: 信访事项登记表, 受理告知书,
 * 不予受理告知书 (naming the legal route), 转送/交办单, 延期告知书, 信访处理意见书 (with the 复查
 * route), 调解（和解）协议书, 复查意见书 and 复核意见书. Pure.
 */
import type { Block, DocumentContent } from '../../procedure/documents/content.js';
import type { DocumentPlace } from '../../procedure/served.js';
import { LINK_ROUTES } from '../../procedure/links.js';
import {
  AGREEMENT_KINDS,
  CATEGORIES,
  CHANNELS,
  LEGAL_ROUTES,
  OUTCOMES,
  REVIEW_OUTCOMES,
  SOURCES,
  article,
  petitionerNames,
  type Petition,
  type Review,
} from './state.js';

export const PETITION_SERIES = {
  registration: { word: '信登字', title: '信访事项登记表' },
  acceptance: { word: '信受字', title: '信访事项受理告知书' },
  decline: { word: '信不受字', title: '信访事项不予受理告知书' },
  route: { word: '信转程字', title: '信访事项转入法定程序告知书' },
  transfer: { word: '信转字', title: '信访事项转送、交办单' },
  'extension-notice': { word: '信延字', title: '信访事项延期办理告知书' },
  opinion: { word: '信处字', title: '信访处理意见书' },
  review: { word: '信复查字', title: '信访事项复查意见书' },
  recheck: { word: '信复核字', title: '信访事项复核意见书' },
  agreement: { word: '信协字', title: '信访事项调解（和解）协议书' },
} as const;

const cn = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

const addressee = (p: Petition): Block => ({ kind: 'paragraph', text: `${petitionerNames(p)}：` });
const received = (p: Petition) =>
  `本机关于${cn(p.receivedOn)}收到您（们）以${CHANNELS[p.channel]}形式提出的信访事项（登记号：${p.number ?? '—'}），请求：“${p.request}”。`;

function registration(p: Petition): DocumentContent {
  return {
    id: 'registration',
    title: PETITION_SERIES.registration.title,
    number: p.number,
    date: p.receivedOn,
    sealed: false,
    blocks: [
      { kind: 'field', label: '信访形式', value: CHANNELS[p.channel] },
      { kind: 'field', label: '来源', value: SOURCES[p.source] },
      { kind: 'field', label: '收到日期', value: cn(p.receivedOn) },
      {
        kind: 'table',
        header: ['信访人', '身份证号', '联系电话', '住址'],
        rows: p.petitioners.map((x) => [x.name, x.idNumber ?? '—', x.phone ?? '—', x.address]),
      },
      ...(p.groupSize
        ? [{ kind: 'field' as const, label: '多人走访总人数', value: `${p.groupSize} 人（推选代表 ${p.petitioners.length} 人）` }]
        : []),
      { kind: 'field', label: '问题类别', value: CATEGORIES[p.category] },
      { kind: 'field', label: '问题发生地', value: p.place },
      { kind: 'paragraph', heading: '信访请求', text: p.request },
      { kind: 'paragraph', heading: '事实和理由', text: p.factsAndReasons },
      ...(p.oralConfirmed
        ? [{ kind: 'paragraph' as const, text: '以上内容系根据信访人口头陈述如实记录，已向信访人宣读（或交其阅看），信访人确认无误。' }]
        : []),
      ...(p.repeatOf ? [{ kind: 'field' as const, label: '同一事项此前登记号', value: p.repeatOf }] : []),
      { kind: 'signatures', lines: ['信访人（代表）签名：', '登记人：'] },
    ],
  };
}

/** The routing notice the petitioner receives: acceptance, refusal with the legal route, or transfer/assignment. */
function routingDocuments(p: Petition): DocumentContent[] {
  const r = p.routing;
  if (!r) return [];
  if (r.kind === 'accept')
    return [
      {
        id: 'acceptance',
        title: PETITION_SERIES.acceptance.title,
        number: r.number,
        date: r.on,
        sealed: true,
        blocks: [
          addressee(p),
          {
            kind: 'paragraph',
            text: `${received(p)}经审查，该事项属于本机关职责范围，本机关决定受理，并将自受理之日起 60 日内办结；情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不得超过 30 日，并将告知您延期理由（${article('二十三')}、${article('三十四')}）。`,
          },
          { kind: 'paragraph', text: '您可以凭查询码在公开门户“信访查询”中查询办理进度。' },
        ],
      },
    ];
  if (r.kind === 'decline') {
    const route = LEGAL_ROUTES[r.route];
    return [
      {
        id: 'decline',
        title: PETITION_SERIES.decline.title,
        number: r.number,
        date: r.on,
        sealed: true,
        blocks: [
          addressee(p),
          { kind: 'paragraph', text: `${received(p)}经审查，本机关决定不予受理。` },
          { kind: 'paragraph', heading: '不予受理的理由', text: r.reason },
          {
            kind: 'paragraph',
            heading: r.route === 'concluded' ? '依据' : '法定途径',
            text:
              r.route === 'concluded'
                ? `该信访事项已经复核终结，信访人仍以同一事实和理由提出的，不再受理（${route.citation}）。`
                : `您反映的事项依法应当通过“${route.name}”的法定途径解决，请您依照有关法律、行政法规规定的程序向有关机关提出（${route.citation}）。`,
          },
        ],
      },
    ];
  }
  if (r.kind === 'procedure') {
    const to = p.linkedTo;
    return [
      {
        id: 'route',
        title: PETITION_SERIES.route.title,
        number: r.number,
        date: r.on,
        sealed: true,
        blocks: [
          addressee(p),
          {
            kind: 'paragraph',
            text: `${received(p)}经审查，您反映的事项依法应当通过“${LINK_ROUTES[r.route]}”的法定程序处理（${article('三十一')}），本机关已于${cn(r.on)}将其转入该程序办理，不再作为信访事项受理。`,
          },
          { kind: 'paragraph', heading: '转入的理由', text: r.reason },
          {
            kind: 'paragraph',
            heading: '转入后的办理',
            text: `已登记为${to?.recordName ?? LINK_ROUTES[r.route]}，由承办机关依照该程序的规定和期限办理并答复您。您可以凭原查询码在公开门户查询办理进度。`,
          },
        ],
      },
    ];
  }
  const word = r.kind === 'transfer' ? '转送' : '交办';
  return [
    {
      id: 'transfer',
      title: PETITION_SERIES.transfer.title,
      number: r.number,
      date: r.on,
      sealed: true,
      blocks: [
        { kind: 'paragraph', text: `${r.to}：` },
        {
          kind: 'paragraph',
          text: `现将${petitionerNames(p)}反映的信访事项（登记号：${p.number ?? '—'}）${word}你单位${r.kind === 'assign' ? '办理，请在规定期限内办结，并将办理结果以办结报告形式报送本机关' : '，请依法处理'}（${article('二十二')}、${article('二十三')}）。对不属于你单位职责范围的，请自收到之日起 5 个工作日内提出异议，并详细说明理由。`,
        },
        { kind: 'field', label: '信访请求', value: p.request },
        { kind: 'paragraph', heading: `${word}理由和要求`, text: r.reason },
        { kind: 'paragraph', text: `已将${word}情况告知信访人。` },
      ],
    },
  ];
}

function extensionNotice(p: Petition): DocumentContent | null {
  const x = p.extension;
  if (!x) return null;
  return {
    id: 'extension-notice',
    title: PETITION_SERIES['extension-notice'].title,
    number: x.number,
    date: x.approvedOn,
    sealed: true,
    blocks: [
      addressee(p),
      {
        kind: 'paragraph',
        text: `${received(p)}因${x.reason}，不能在 60 日内办结。经本机关负责人批准，办理期限延长 ${x.days} 日，本机关将于${cn(x.until)}前办结（${article('三十四')}）。`,
      },
    ],
  };
}

function opinionDocument(p: Petition, place: DocumentPlace): DocumentContent | null {
  const o = p.opinion;
  if (!o) return null;
  const upper = place.countyName ? `${place.countyName}人民政府或者本机关的上一级主管部门` : '本机关的上一级行政机关';
  return {
    id: 'opinion',
    title: PETITION_SERIES.opinion.title,
    number: o.number,
    date: o.on,
    sealed: true,
    blocks: [
      addressee(p),
      { kind: 'paragraph', text: received(p) },
      { kind: 'paragraph', heading: '事实和理由', text: p.factsAndReasons },
      { kind: 'paragraph', heading: '查明的事实', text: o.facts },
      { kind: 'field', label: '处理意见', value: OUTCOMES[o.outcome] },
      { kind: 'paragraph', heading: '处理意见和理由', text: o.text },
      { kind: 'paragraph', heading: '依据', text: o.basis },
      {
        kind: 'paragraph',
        heading: '复查途径',
        text: `如对本处理意见不服，可以自收到本意见书之日起 30 日内请求${upper}复查（${article('三十五')}）。`,
      },
    ],
  };
}

/** The agreement that settled the matter (Art 33), signed by each party. */
function agreementDocument(p: Petition): DocumentContent | null {
  const a = p.agreement;
  if (!a) return null;
  return {
    id: 'agreement',
    title: `信访事项${AGREEMENT_KINDS[a.kind]}`,
    number: a.number,
    date: a.on,
    sealed: true,
    blocks: [
      { kind: 'field', label: '协议各方', value: a.parties },
      { kind: 'paragraph', text: received(p) },
      { kind: 'paragraph', heading: '事实和理由', text: p.factsAndReasons },
      {
        kind: 'paragraph',
        text: `经${a.kind === 'mediation' ? '本机关主持调解' : '各方协商'}，各方自愿达成如下协议（${article('三十三')}）：`,
      },
      { kind: 'paragraph', heading: '协议内容', text: a.terms },
      { kind: 'paragraph', heading: '履行方式和期限', text: a.performance },
      { kind: 'paragraph', text: '本协议自各方签名（盖章）之日起生效，信访事项办结。' },
      { kind: 'signatures', lines: ['信访人（签名）：', '对方（签名、盖章）：', '主持人（签名）：'] },
    ],
  };
}

function reviewDocument(p: Petition, rv: Review | null, id: 'review' | 'recheck', place: DocumentPlace): DocumentContent | null {
  if (!rv?.reply) return null;
  const what = id === 'review' ? '复查' : '复核';
  const next =
    id === 'review'
      ? `如对本复查意见不服，可以自收到本意见书之日起 30 日内向${place.countyName ? `${place.countyName}人民政府或者` : ''}复查机关的上一级行政机关请求复核（${article('三十六')}）。`
      : `本复核意见为终结意见。信访人对复核意见不服，仍以同一事实和理由提出信访请求的，不再受理（${article('三十六')}）。`;
  return {
    id,
    title: PETITION_SERIES[id].title,
    number: rv.reply.number,
    date: rv.reply.on,
    sealed: true,
    blocks: [
      addressee(p),
      {
        kind: 'paragraph',
        text: `${rv.body}于${cn(rv.requestedOn)}收到您（们）对${p.opinion?.number ? `《信访处理意见书》（${p.opinion.number}）` : '信访处理意见'}的${what}请求：“${rv.reason}”。`,
      },
      { kind: 'field', label: `${what}结论`, value: REVIEW_OUTCOMES[rv.reply.outcome] },
      { kind: 'paragraph', heading: `${what}意见`, text: rv.reply.text },
      { kind: 'paragraph', text: next },
    ],
  };
}

/** The petition's documents in filing order. */
export function petitionDocuments(p: Petition, place: DocumentPlace): DocumentContent[] {
  return [
    registration(p),
    ...routingDocuments(p),
    extensionNotice(p),
    opinionDocument(p, place),
    agreementDocument(p),
    reviewDocument(p, p.review, 'review', place),
    reviewDocument(p, p.recheck, 'recheck', place),
  ].filter((d): d is DocumentContent => d !== null);
}
