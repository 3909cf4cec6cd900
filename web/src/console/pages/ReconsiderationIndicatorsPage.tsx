/**
 * 行政复议指标: per respondent agency and year, 被复议数, 已审结数, 纠错数 and 纠错率, and late
 * answers (GET /reconsiderations/indicators); each figure opens the list it counts (GET
 * /reconsiderations/indicators/cases). The server counts in the reader's scope.
 */
import { useState } from 'react';
import { Button, Card, InputNumber, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../hooks';
import { query } from '../../api';
import { ErrorResult, emptyText } from '../../components';
import { PageTitle } from '../../heading';

interface Row {
  agencyId: string;
  agencyName: string;
  received: number;
  concluded: number;
  corrected: number;
  correctionRate: number | null;
  lateAnswers: number;
}
type Figure = 'received' | 'concluded' | 'corrected' | 'late';
const FIGURE_NAMES: Record<Figure, string> = { received: '被复议', concluded: '已审结', corrected: '纠错', late: '逾期答复' };

function DrillDown({ year, agencyId, figure }: { year: number; agencyId: string; figure: Figure }) {
  const { data, error } = useResource<{ items: { id: string; title: string; receivedOn: string; outcome: string | null }[] }>(
    `/reconsiderations/indicators/cases${query({ year, agencyId, figure })}`,
  );
  if (error) return <ErrorResult error={error} />;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="indicator-cases"
      loading={!data}
      dataSource={data?.items ?? []}
      locale={{ emptyText: emptyText('没有案件') }}
      columns={[
        { title: '收到申请日期', dataIndex: 'receivedOn' },
        {
          title: '案件',
          dataIndex: 'title',
          render: (t: string, c: { id: string }) => <Link to={`/console/reconsiderations/${c.id}`}>{t}</Link>,
        },
      ]}
    />
  );
}

export default function ReconsiderationIndicatorsPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [open, setOpen] = useState<{ agencyId: string; figure: Figure } | null>(null);
  const { data, error } = useResource<{ items: Row[] }>(`/reconsiderations/indicators${query({ year })}`);
  if (error) return <ErrorResult error={error} />;
  const figure = (f: Figure, r: Row, n: number) => (
    <Button
      type="link"
      size="small"
      onClick={() => setOpen({ agencyId: r.agencyId, figure: f })}
      aria-label={`${r.agencyName}${FIGURE_NAMES[f]}案件 ${n} 件`}
    >
      {n}
    </Button>
  );
  return (
    <Card title={<PageTitle>行政复议指标</PageTitle>}>
      <Space style={{ marginBottom: 16 }}>
        <span>年度</span>
        <InputNumber aria-label="统计年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      <p>
        纠错：变更、撤销（含责令重新作出）、确认违法、责令履行、确认无效；纠错率 = 纠错数 ÷
        已审结数（作出决定或者调解结案）。按收到申请的年度统计。
      </p>
      <Table<Row>
        size="small"
        rowKey="agencyId"
        pagination={false}
        data-testid="reconsideration-indicators"
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: emptyText('本年度没有行政复议案件') }}
        columns={[
          { title: '被申请人', dataIndex: 'agencyName' },
          { title: '被复议数', render: (_, r) => figure('received', r, r.received) },
          { title: '已审结', render: (_, r) => figure('concluded', r, r.concluded) },
          { title: '纠错数', render: (_, r) => figure('corrected', r, r.corrected) },
          { title: '纠错率', render: (_, r) => (r.correctionRate === null ? '—' : `${(r.correctionRate * 100).toFixed(1)}%`) },
          { title: '逾期答复', render: (_, r) => figure('late', r, r.lateAnswers) },
        ]}
      />
      {open && (
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={`${data?.items.find((r) => r.agencyId === open.agencyId)?.agencyName ?? ''}：${FIGURE_NAMES[open.figure]}案件`}
          extra={<Button onClick={() => setOpen(null)}>关闭</Button>}
        >
          <DrillDown year={year} agencyId={open.agencyId} figure={open.figure} />
        </Card>
      )}
    </Card>
  );
}
