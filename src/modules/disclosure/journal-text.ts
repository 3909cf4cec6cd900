/** How the journal names the publications' actions and tells their payloads. */
import type { ActionTexts } from '../../journal/readable.js';
import { WITHDRAWAL_KINDS, type WithdrawalKind } from '../../procedure/spec.js';
import { REDACTABLE_FIELDS, type RedactableField } from './masks.js';

type P = Record<string, unknown>;
const p = (e: { payload: unknown }) => (e.payload ?? {}) as P;

export const DISCLOSURE_ACTION_TEXTS = {
  'disclosure.publication.create': {
    title: '生成公示事项',
    summary: (e) => `${String(p(e).number ?? '决定')}作出于 ${String(p(e).decidedOn)}，应于 ${String(p(e).dueOn)} 前公示`,
  },
  'disclosure.publication.update': {
    title: '公示事项随案件更新',
    summary: (e) => (p(e).withdrawalDue ? `决定已被改变，应于 ${String(p(e).withdrawalDue)} 前撤回公示` : '案件信息更新'),
  },
  'disclosure.publication.release': {
    title: '发布公示',
    summary: (e) => `发布于 ${String(p(e).releasedOn)}${p(e).late ? `（已超过期限 ${String(p(e).dueOn)}）` : ''}`,
  },
  'disclosure.publication.redact': {
    title: '人工遮盖公示内容',
    summary: (e) =>
      `遮盖“${REDACTABLE_FIELDS[p(e).field as RedactableField] ?? ''}”${p(e).text ? `中的“${String(p(e).text)}”` : '整个字段'}，理由：${String(p(e).reason)}`,
  },
  'disclosure.publication.withdraw': {
    title: '撤回公示',
    summary: (e) => `${WITHDRAWAL_KINDS[p(e).kind as WithdrawalKind] ?? ''}：${String(p(e).reason)}`,
  },
  'disclosure.retention.update': {
    title: '修改公示展示期限',
    summary: (e) => `自然人 ${String(p(e).natural)} 个月，法人或者其他组织 ${String(p(e).organisation)} 个月`,
  },
} as const satisfies ActionTexts;
