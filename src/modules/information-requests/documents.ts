/**
 * The written forms of an information request, filled from the request alone: 补正告知书,
 * 征求第三方意见书, 延期答复告知书 and the 答复书 of the reply type chosen (Art 36), each with
 * the remedies the applicant has. Pure.
 */
import type { Block, DocumentContent } from '../../procedure/documents/content.js';
import type { DocumentPlace } from '../../procedure/served.js';
import { APPLICANT_KINDS, CHANNELS, FORMS, OPINIONS, REPLY_TYPES, WITHHOLDING_GROUNDS, article, type InformationRequest } from './state.js';

export const REQUEST_SERIES = {
  correction: { word: '依申补字', title: '政府信息公开申请补正告知书' },
  consultation: { word: '依申征字', title: '政府信息公开征求第三方意见书' },
  'extension-notice': { word: '依申延字', title: '政府信息公开申请延期答复告知书' },
  reply: { word: '依申答字', title: '政府信息公开申请答复书' },
} as const;

const cn = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

const addressee = (r: InformationRequest): Block => ({ kind: 'paragraph', text: `${r.applicant.name}：` });
const received = (r: InformationRequest) =>
  `本机关于${cn(r.receivedOn)}收到您（单位）通过${CHANNELS[r.channel]}方式提出的政府信息公开申请，申请获取“${r.description}”。`;

/**
 * The remedies against a reply (Art 51). Against a refusal to disclose, 行政复议 comes first
 * (行政复议法 Art 23(1)(四)); against the rest, reconsideration or a lawsuit.
 */
function remedies(r: InformationRequest, place: DocumentPlace): Block {
  const withheld = r.reply?.type === 'withhold' || r.reply?.type === 'partial';
  const gov = `${place.countyName || '本级'}人民政府`;
  return {
    kind: 'paragraph',
    heading: '救济途径',
    text: withheld
      ? `如对本答复不服，可以自收到本答复之日起六十日内向${gov}申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼（不予公开政府信息的，应当先申请行政复议，《中华人民共和国行政复议法》第二十三条）。`
      : `如对本答复不服，可以自收到本答复之日起六十日内向${gov}申请行政复议，或者自收到本答复之日起六个月内向人民法院提起行政诉讼（${article('五十一')}）。`,
  };
}

function correctionNotice(r: InformationRequest): DocumentContent | null {
  const c = r.correction;
  if (!c) return null;
  return {
    id: 'correction',
    title: REQUEST_SERIES.correction.title,
    number: c.number,
    date: c.noticeOn,
    sealed: true,
    blocks: [
      addressee(r),
      {
        kind: 'paragraph',
        text: `${received(r)}经审查，您的申请内容不明确，根据${article('三十')}的规定，现一次性告知您需要补正的事项如下：`,
      },
      { kind: 'paragraph', text: c.items },
      {
        kind: 'paragraph',
        text: `请于${cn(c.answerBy)}前补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      },
    ],
  };
}

function consultationLetters(r: InformationRequest): DocumentContent[] {
  return r.consultations.map((c) => ({
    id: `consultation:${c.seq}`,
    title: REQUEST_SERIES.consultation.title,
    number: c.number,
    date: c.sentOn,
    sealed: true,
    blocks: [
      { kind: 'paragraph', text: `${c.thirdParty}：` },
      { kind: 'paragraph', text: `本机关收到一项政府信息公开申请，申请公开的信息可能涉及您（单位）的合法权益：${c.matter}` },
      {
        kind: 'paragraph',
        text: `根据${article('三十二')}的规定，请您（单位）自收到本意见书之日起 15 个工作日内提出书面意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。`,
      },
      ...(c.opinion
        ? [
            {
              kind: 'field' as const,
              label: '第三方意见',
              value: `${OPINIONS[c.opinion]}（${cn(c.answeredOn!)}）${c.reason ? `：${c.reason}` : ''}`,
            },
          ]
        : []),
    ],
  }));
}

function extensionNotice(r: InformationRequest): DocumentContent | null {
  const x = r.extension;
  if (!x) return null;
  return {
    id: 'extension-notice',
    title: REQUEST_SERIES['extension-notice'].title,
    number: x.number,
    date: x.approvedOn,
    sealed: true,
    blocks: [
      addressee(r),
      {
        kind: 'paragraph',
        text: `${received(r)}因${x.reason}，不能在规定期限内答复。经本机关政府信息公开工作机构负责人同意，答复期限延长 ${x.days} 个工作日，本机关将于${cn(x.until)}前作出答复（${article('三十三')}）。`,
      },
    ],
  };
}

function replyDocument(r: InformationRequest, place: DocumentPlace): DocumentContent | null {
  const x = r.reply;
  if (!x) return null;
  const type = REPLY_TYPES[x.type];
  const ground = x.ground ? WITHHOLDING_GROUNDS[x.ground] : null;
  const blocks: Block[] = [
    addressee(r),
    { kind: 'paragraph', text: received(r) },
    { kind: 'field', label: '答复类型', value: type.name },
    { kind: 'paragraph', heading: '答复内容', text: x.text },
  ];
  if (ground) blocks.push({ kind: 'paragraph', heading: '不予公开的理由和依据', text: `${ground.name}（${ground.citation}）。` });
  if (x.referTo) blocks.push({ kind: 'field', label: '请向以下机关或途径提出', value: x.referTo });
  if (x.publicInterest)
    blocks.push({
      kind: 'paragraph',
      heading: '决定公开的理由',
      text: `第三方不同意公开，但本机关认为不公开会对公共利益造成重大影响：${x.publicInterest}（${article('三十二')}）。`,
    });
  blocks.push({ kind: 'field', label: '获取形式', value: FORMS[r.form] });
  blocks.push({ kind: 'paragraph', text: `本答复依据${type.citation}作出。` });
  blocks.push(remedies(r, place));
  return { id: 'reply', title: REQUEST_SERIES.reply.title, number: x.number, date: x.on, sealed: true, blocks };
}

/** The request's documents in filing order. */
export function requestDocuments(r: InformationRequest, place: DocumentPlace): DocumentContent[] {
  const registration: DocumentContent = {
    id: 'registration',
    title: '政府信息公开申请登记表',
    number: null,
    date: r.receivedOn,
    sealed: false,
    blocks: [
      { kind: 'field', label: '申请人', value: `${r.applicant.name}（${APPLICANT_KINDS[r.applicant.kind]}）` },
      { kind: 'field', label: '身份证号或统一社会信用代码', value: r.applicant.idNumber ?? '—' },
      { kind: 'field', label: '联系电话', value: r.applicant.phone ?? '—' },
      { kind: 'field', label: '电子邮箱', value: r.applicant.email ?? '—' },
      { kind: 'field', label: '通信地址', value: r.applicant.address ?? '—' },
      { kind: 'field', label: '申请方式', value: CHANNELS[r.channel] },
      { kind: 'field', label: '收到申请日期', value: cn(r.receivedOn) },
      { kind: 'field', label: '所需信息', value: r.description },
      { kind: 'field', label: '获取形式', value: FORMS[r.form] },
    ],
  };
  return [registration, correctionNotice(r), ...consultationLetters(r), extensionNotice(r), replyDocument(r, place)].filter(
    (d): d is DocumentContent => d !== null,
  );
}
