import type { PublicDecision } from '../../src/modules/disclosure/masks';

/** What a published decision, its conclusion and its basis are called, by its 决定类别 (the server's CATEGORY_LABELS). */
export const DECISION_LABELS = {
  penalty: { decision: '行政处罚决定', conclusion: '处罚内容', basis: '处罚依据' },
  'coercive-measure': { decision: '行政强制措施决定', conclusion: '强制措施', basis: '实施依据' },
} as const satisfies Record<PublicDecision['category'], { decision: string; conclusion: string; basis: string }>;
