/**
 * The field labels of 政务公开's lists and guides, one table for the API's schemas (lists.ts),
 * the DOCX (documents.ts) and the web's forms and views (web/src/openness-view.tsx). The web
 * imports this file, so it stays free of any server import. Key order is display order.
 */

export const PROCEDURE_KINDS = { general: '普通程序', simple: '简易程序', both: '普通程序、简易程序' } as const;
export type ProcedureKind = keyof typeof PROCEDURE_KINDS;

export const POWER_CATEGORIES = ['行政处罚', '行政强制', '行政检查', '其他'] as const;

/** 执法事项清单: one row per power. */
export const POWER_LABELS = {
  name: '执法事项名称',
  category: '事项类别',
  basis: '法律依据',
  procedure: '执法程序',
  channels: '投诉举报和监督渠道',
} as const;

/** 随机抽查事项清单: one row per item. */
export const INSPECTION_LABELS = {
  item: '抽查事项',
  basis: '抽查依据',
  object: '抽查对象',
  method: '抽查方式',
  frequency: '抽查频次',
} as const;

/** 办事指南: the materials (a list) come last. */
export const GUIDE_LABELS = {
  basis: '设定依据',
  conditions: '办理条件',
  steps: '办理流程',
  timeLimit: '办理时限',
  fee: '收费标准',
  place: '办理地点和时间',
  channels: '咨询和监督投诉渠道',
  materials: '申请材料',
} as const;

/** The guide's text fields, in order (everything but the materials). */
export const GUIDE_TEXT_FIELDS = (Object.keys(GUIDE_LABELS) as (keyof typeof GUIDE_LABELS)[]).filter(
  (k): k is Exclude<keyof typeof GUIDE_LABELS, 'materials'> => k !== 'materials',
);
