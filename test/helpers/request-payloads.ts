/** A valid payload for what an information request offers now, dated `today`, aimed at its own items. */
import { addDays } from '../../src/calendar/legal-date.js';
import type { InformationRequest } from '../../src/modules/information-requests/state.js';
import type { OfferedAction } from './penalty-payloads.js';

/** `file`: the SHA-256 of a verified upload of the user's own, for 附加材料. */
export function validRequestPayload(offer: OfferedAction, r: InformationRequest, today: string, file: string): unknown {
  switch (offer.type) {
    case 'information-request.request-correction':
      return { on: today, items: '请补充所需信息的文号或者其他特征性描述', answerBy: addDays(today, 15) };
    case 'information-request.answer-correction':
      return { on: today, answer: '补充了文件的文号', lateReason: null };
    case 'information-request.deem-withdrawn':
      return { on: today };
    case 'information-request.consult-third-party':
      return { sentOn: today, thirdParty: '某某公司', matter: '公开该公司的环评报告是否损害其商业秘密' };
    case 'information-request.record-opinion':
      return {
        consultationSeq: r.consultations.find((c) => !c.answeredOn)?.seq,
        on: today,
        opinion: 'agree',
        reason: null,
      };
    case 'information-request.request-extension':
      return { days: 15, reason: '需要征求第三方意见' };
    case 'information-request.approve':
      return { kind: offer.preset?.kind, opinion: '同意延期' };
    case 'information-request.reject':
      return { kind: offer.preset?.kind, reason: '应在原期限内答复' };
    case 'information-request.reply': {
      const objected = r.consultations.some((c) => c.opinion === 'object');
      return {
        on: today,
        type: 'disclose',
        text: '现将申请公开的信息提供给您',
        ground: null,
        referTo: null,
        publicInterest: objected ? '不公开可能对公共利益造成重大影响' : null,
      };
    }
    case 'information-request.attach-file':
      return { type: 'application', title: '申请书扫描件', description: '窗口收到的纸质申请', file: { sha256: file } };
    case 'information-request.withdraw-file':
      return { seq: r.evidence?.find((m) => !m.withdrawn)?.seq ?? 0, reason: '上传错误' };
    default:
      throw new Error(`no valid payload known for ${offer.type}: add one here`);
  }
}
