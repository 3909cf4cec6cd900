/** 重大行政决策 and contract reviews in the console: the generic procedure pages with what a review says. */
import { Alert, Descriptions } from 'antd';
import type { LegalReview } from '../../../../src/modules/normative-docs/legal-review-state';
import type { ProcedureConsole } from './config';
import type { RecordView } from './types';

const KIND: Record<string, string> = { 'major-decision': '重大行政决策', contract: '合同' };
const OPINION: Record<string, string> = { agree: '同意', 'agree-with-changes': '修改后同意', disagree: '不同意' };

function Summary({ view }: { view: RecordView<LegalReview> }) {
  const r = view.record;
  const o = r.opinion;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="审查类别">{KIND[r.kind]}</Descriptions.Item>
        <Descriptions.Item label="承办单位">{r.department}</Descriptions.Item>
        <Descriptions.Item label="登记日期">{r.openedOn}</Descriptions.Item>
        {r.kind === 'major-decision' && (
          <>
            <Descriptions.Item label="公众参与">
              {r.participation ? `${r.participation.from} 至 ${r.participation.until}` : '尚未记录'}
            </Descriptions.Item>
            <Descriptions.Item label="专家论证">{r.experts ? `${r.experts.on} ${r.experts.experts}` : '尚未记录'}</Descriptions.Item>
            <Descriptions.Item label="风险评估">{r.risk ? `${r.risk.on} ${r.risk.summary}` : '尚未记录'}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label="送审">
          {r.submission ? `${r.submission.on}，要求 ${r.submission.dueOn} 前完成` : '尚未送审'}
        </Descriptions.Item>
        <Descriptions.Item label="事项简介" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</span>
        </Descriptions.Item>
      </Descriptions>
      {o && (
        <Alert
          type={o.opinion === 'disagree' ? 'error' : 'success'}
          showIcon
          style={{ marginTop: 8 }}
          title={`${o.on} 合法性审查意见：${OPINION[o.opinion]}${o.number ? `（${o.number}）` : ''}`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{o.reasons}</div>
              {o.clauses && <div>涉及条款或者事项：{o.clauses}</div>}
              <div>
                审查人员：{o.reviewerName}（{o.qualification}）
              </div>
            </>
          }
        />
      )}
      {r.decision && (
        <Alert
          type={r.decision.adopted ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          title={`${r.decision.on} ${r.decision.meeting}集体讨论${r.decision.adopted ? '通过' : '未通过'}`}
          description={r.decision.minutes}
        />
      )}
    </>
  );
}

export const LEGAL_REVIEWS_CONSOLE: ProcedureConsole<LegalReview> = {
  key: 'legal-reviews',
  api: '/legal-reviews',
  permission: 'legal-review.read',
  title: 'legalReviews',
  openLabel: 'openLegalReview',
  searchLabel: 'searchLegalReviews',
  recordName: '合法性审查事项',
  openedLabel: '登记日期',
  closedLabel: '办结日期',
  heading: (v) => `${KIND[v.record.kind]}：${v.record.title}`,
  Summary,
  openDefaults: { kind: 'major-decision' },
};
