/**
 * 法律顾问工作台 (GET /legal-reviews/desk, /legal-reviews/rates): one queue of every legal review
 * waiting on the 法制审核人员 — normative documents, 重大行政决策, contracts and the penalty
 * module's 法制审核 — longest waiting first, with the workload and overdue count per kind;
 * and review rates per agency (the supervisor's view of weak reviewers).
 */
import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../hooks';
import { ErrorResult, emptyText } from '../../components';
import { PageTitle } from '../../heading';
import { DUE_STYLE } from '../../deadlines';

interface Desk {
  today: string;
  workload: { procedure: string; procedureName: string; waiting: number; overdue: number }[];
  queue: {
    items: {
      id: string;
      path: string;
      procedureName: string;
      title: string;
      agency: { name: string };
      step: string;
      since: string;
      nextDue: string | null;
      dueState: 'ok' | 'warning' | 'overdue' | null;
    }[];
  };
}
interface Rate {
  agencyId: string;
  agencyName: string;
  requested: number;
  answered: number;
  late: number;
  objections: number;
  published: number;
  publishedReviewed: number;
}

const pct = (a: number, b: number) => (b ? `${Math.round((a * 100) / b)}%` : '—');

export default function LegalDeskPage() {
  const desk = useResource<Desk>('/legal-reviews/desk?limit=100');
  const rates = useResource<{ items: Rate[] }>('/legal-reviews/rates');
  if (desk.error) return <ErrorResult error={desk.error} />;
  const d = desk.data;
  return (
    <>
      <Card title={<PageTitle>法律顾问工作台</PageTitle>} loading={desk.loading && !d}>
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="desk-workload">
          {(d?.workload ?? []).map((w) => (
            <Col key={w.procedure} xs={12} md={6}>
              <Statistic title={`${w.procedureName}：待审核`} value={w.waiting} suffix={w.overdue ? `（超期 ${w.overdue}）` : ''} />
            </Col>
          ))}
        </Row>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="desk-queue"
          locale={{ emptyText: emptyText('没有待审核的事项') }}
          dataSource={d?.queue.items ?? []}
          columns={[
            { title: '类别', dataIndex: 'procedureName', render: (v: string) => <Tag>{v}</Tag> },
            {
              title: '事项',
              dataIndex: 'title',
              render: (v: string, r) => <Link to={`/console${r.path}/${r.id}`}>{v}</Link>,
            },
            { title: '单位', dataIndex: ['agency', 'name'] },
            { title: '待办步骤', dataIndex: 'step' },
            { title: '等待自', dataIndex: 'since', render: (v: string) => v.slice(0, 10) },
            {
              title: '期限',
              dataIndex: 'nextDue',
              render: (v: string | null, r) =>
                v ? (
                  <span style={r.dueState ? DUE_STYLE[r.dueState] : undefined}>{r.dueState === 'overdue' ? `已超期（${v}）` : v}</span>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <Card title="各单位合法性审核情况" style={{ marginTop: 16 }} loading={rates.loading && !rates.data}>
        <Table
          size="small"
          rowKey="agencyId"
          pagination={false}
          data-testid="review-rates"
          locale={{ emptyText: emptyText('没有审核记录') }}
          dataSource={rates.data?.items ?? []}
          columns={[
            { title: '单位', dataIndex: 'agencyName' },
            { title: '送审', dataIndex: 'requested' },
            { title: '已审', dataIndex: 'answered' },
            { title: '审结率', render: (_: unknown, r: Rate) => pct(r.answered, r.requested) },
            { title: '超期', dataIndex: 'late' },
            { title: '提出修改或不同意', render: (_: unknown, r: Rate) => `${r.objections}（${pct(r.objections, r.answered)}）` },
            { title: '发布的规范性文件经审核', render: (_: unknown, r: Rate) => `${r.publishedReviewed} / ${r.published}` },
          ]}
        />
      </Card>
    </>
  );
}
