/**
 * 信访热点: where petitions concentrate (GET /petitions/hot-spots), by village, category or
 * month, for a period, each with its breakdown (a village's categories; a category's or a
 * month's villages) as a bar of shares — no map — and the same as CSV for Excel. The
 * server counts in the reader's scope: the county sees every town it holds.
 */
import { useState } from 'react';
import { Button, Card, Input, Radio, Space, Table, Tag } from 'antd';
import { useResource } from '../../hooks';
import { query } from '../../api';
import { ErrorResult, emptyText } from '../../components';
import { PageTitle } from '../../heading';

type GroupBy = 'place' | 'category' | 'month';
interface HotSpot {
  key: string;
  label: string;
  count: number;
  overdue: number;
  breakdown: { key: string; label: string; count: number }[];
}
interface HotSpots {
  from: string;
  to: string;
  groupBy: GroupBy;
  groupName: string;
  breakdownName: string;
  total: number;
  items: HotSpot[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function Breakdown({ g }: { g: HotSpot }) {
  return (
    <div data-testid="hot-spot-breakdown">
      {g.breakdown.map((b) => (
        <div key={b.key} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <span style={{ width: 140, flex: 'none' }}>{b.label}</span>
          {/* The share as a bar, for the eye only: the count beside it says the same in text. */}
          <div aria-hidden="true" style={{ flex: 1, height: 8, background: '#f0f0f0', borderRadius: 4 }}>
            <div style={{ width: `${Math.round((b.count * 100) / g.count)}%`, height: 8, background: '#1677ff', borderRadius: 4 }} />
          </div>
          <span style={{ width: 40, textAlign: 'right' }}>{b.count}</span>
        </div>
      ))}
    </div>
  );
}

export default function PetitionHotSpotsPage() {
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('place');
  const params = { from: DATE.test(from) ? from : undefined, to: DATE.test(to) ? to : undefined, groupBy };
  const { data, error } = useResource<HotSpots>(`/petitions/hot-spots${query(params)}`);
  if (error) return <ErrorResult error={error} />;
  return (
    <Card
      title={<PageTitle>信访热点</PageTitle>}
      extra={
        <Button href={`/api/v1/petitions/hot-spots${query({ ...params, format: 'csv' })}`} data-testid="hot-spots-csv">
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
        <Radio.Group
          aria-label="统计方式"
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value)}
          optionType="button"
          options={[
            { value: 'place', label: '按村（社区）' },
            { value: 'category', label: '按问题类别' },
            { value: 'month', label: '按月份' },
          ]}
        />
      </Space>
      {data && (
        <>
          <p>
            统计期间：{data.from} 至 {data.to}（按收到日期），共 {data.total} 件；并入其他信访事项的重复信访不重复计数。
          </p>
          <Table<HotSpot>
            size="small"
            rowKey="key"
            pagination={false}
            data-testid="hot-spots"
            locale={{ emptyText: emptyText('统计期间内没有信访事项') }}
            dataSource={data.items}
            columns={[
              { title: data.groupName, dataIndex: 'label', width: 180 },
              { title: '信访事项数', dataIndex: 'count', width: 110, align: 'right' },
              {
                title: '其中超期',
                dataIndex: 'overdue',
                width: 100,
                align: 'right',
                render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
              },
              { title: `${data.breakdownName}分布`, key: 'breakdown', render: (_: unknown, g) => <Breakdown g={g} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
