import { Alert, Card, Descriptions, Spin, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../../hooks';
import { ErrorResult } from '../../components';
import { PageTitle } from '../../heading';
import type { PublicDecision } from '../../../../src/modules/disclosure/masks';
import { DECISION_LABELS } from '../../decision-labels';

/** One published decision (a penalty, a 不予行政处罚, a 查封、扣押): its summary, or that it was withdrawn and why. */
export default function DecisionPage() {
  const { id } = useParams();
  const d = useResource<PublicDecision>(`/public/decisions/${encodeURIComponent(id ?? '')}`);
  if (d.error) return <ErrorResult error={d.error} />;
  if (!d.data) return <Spin />;
  const x = d.data;
  const labels = DECISION_LABELS[x.category];
  return (
    <Card
      title={
        <PageTitle>
          {labels.decision}公示：{x.number ?? '（无文号）'}
        </PageTitle>
      }
      extra={<Link to="/portal/decisions">返回列表</Link>}
    >
      {x.withdrawal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="withdrawn"
          message={`本决定已于 ${x.withdrawal.on} 撤回公示（${x.withdrawal.kindName}）`}
          description={`撤回理由：${x.withdrawal.reason}`}
        />
      )}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="状态">{x.status === 'withdrawn' ? <Tag>已撤回</Tag> : <Tag color="green">公示中</Tag>}</Descriptions.Item>
        <Descriptions.Item label="决定类别">{x.categoryName}</Descriptions.Item>
        <Descriptions.Item label="决定书文号">{x.number ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="当事人">
          {x.party.name}（{x.party.kindName}）
        </Descriptions.Item>
        {x.party.representative && <Descriptions.Item label="法定代表人（负责人）">{x.party.representative}</Descriptions.Item>}
        <Descriptions.Item label="违法行为类型">{x.violationType}</Descriptions.Item>
        <Descriptions.Item label={labels.conclusion}>{x.penalty}</Descriptions.Item>
        <Descriptions.Item label={labels.basis}>{x.basis}</Descriptions.Item>
        <Descriptions.Item label="执法机关">{x.agency.name}</Descriptions.Item>
        <Descriptions.Item label="决定日期">{x.decidedOn}</Descriptions.Item>
        <Descriptions.Item label="公示日期">{x.releasedOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      {x.redactedFields.length > 0 && (
        <Alert type="info" style={{ marginTop: 16 }} message={`部分内容已依法遮盖：${x.redactedFields.join('、')}`} />
      )}
    </Card>
  );
}
