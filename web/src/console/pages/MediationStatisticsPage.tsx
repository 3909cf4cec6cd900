/**
 * 人民调解统计: the server's counts by LAW.md §5's categories and by source for a period and
 * a committee (GET /disputes/statistics), as a table, with the same as CSV for Excel.
 */
import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useResource } from '../../hooks';
import { query } from '../../api';
import { ErrorResult } from '../../components';
import { PageTitle } from '../../heading';

interface Counts {
  received: number;
  succeeded: number;
  ended: number;
  declined: number;
  successRate: number | null;
  amountFen: number;
}
interface Statistics {
  from: string;
  to: string;
  byCategory: (Counts & { category: string; name: string })[];
  bySource: (Counts & { source: string; name: string })[];
  total: Counts;
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const columns = (first: string) => [
  { title: first, dataIndex: 'name', key: 'name' },
  { title: '受理数', dataIndex: 'received', key: 'received', align: 'right' as const },
  { title: '调解成功数', dataIndex: 'succeeded', key: 'succeeded', align: 'right' as const },
  { title: '终止调解数', dataIndex: 'ended', key: 'ended', align: 'right' as const },
  { title: '拒绝调解数', dataIndex: 'declined', key: 'declined', align: 'right' as const },
  {
    title: '调解成功率',
    dataIndex: 'successRate',
    key: 'successRate',
    align: 'right' as const,
    render: (v: number | null) => (v === null ? '—' : `${v}%`),
  },
  { title: '协议金额', dataIndex: 'amountFen', key: 'amountFen', align: 'right' as const, render: yuan },
];

export default function MediationStatisticsPage() {
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState('');
  const [committee, setCommittee] = useState<string>();
  const committees = useResource<{ items: { id: string; name: string }[] }>('/mediation-committees');
  const params = { from: DATE.test(from) ? from : undefined, to: DATE.test(to) ? to : undefined, committee };
  const { data, error } = useResource<Statistics>(`/disputes/statistics${query(params)}`);
  if (error) return <ErrorResult error={error} />;
  return (
    <Card
      title={<PageTitle>人民调解统计</PageTitle>}
      extra={
        <Button href={`/api/v1/disputes/statistics${query({ ...params, format: 'csv' })}`} data-testid="statistics-csv">
          导出 CSV
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          aria-label="统计起始日期"
          placeholder="起始日期 YYYY-MM-DD"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 180 }}
        />
        <Input
          aria-label="统计截止日期"
          placeholder="截止日期（默认今天）"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 180 }}
        />
        <Select
          aria-label="调解委员会"
          allowClear
          placeholder="全部调解委员会"
          style={{ width: 240 }}
          value={committee}
          onChange={setCommittee}
          options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Space>
      {data && (
        <>
          <p>
            统计期间：{data.from} 至 {data.to}（按登记日期）。调解成功率 = 调解成功数 ÷ 受理数。
          </p>
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            data-testid="statistics-by-category"
            columns={columns('纠纷类别')}
            dataSource={[...data.byCategory, { ...data.total, category: 'total', name: '合计' }]}
          />
          <Table
            size="small"
            rowKey="source"
            pagination={false}
            style={{ marginTop: 16 }}
            columns={columns('纠纷来源')}
            dataSource={data.bySource}
          />
        </>
      )}
    </Card>
  );
}
