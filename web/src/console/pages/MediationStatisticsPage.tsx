/**
 * 人民调解统计: the server's counts by LAW.md §5's categories and by source for a period and
 * a committee (GET /disputes/statistics), per committee with the incidents prevented (防止民转刑,
 * 防止群体性上访), as tables and bar charts (ECharts, with their aria text), and as CSV for Excel.
 */
import { useState } from 'react';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
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
  prevented: {
    criminal: number;
    mass: number;
    fromDisputes: { criminal: number; mass: number };
    fromScreenings: { criminal: number; mass: number };
  };
  byCommittee: {
    committeeId: string;
    name: string;
    received: number;
    succeeded: number;
    successRate: number | null;
    preventedCriminal: number;
    preventedMass: number;
  }[];
  /** 行政调解, counted apart from 人民调解 */
  administrative: { total: Counts; byAgency: (Counts & { agencyId: string; name: string })[] };
}

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** Two series of bars over the same labels (received and succeeded, or the two kinds of incident prevented). */
function Bars({ title, labels, series }: { title: string; labels: string[]; series: { name: string; values: number[]; color: string }[] }) {
  const text = labels.map((l, i) => `${l}：${series.map((x) => `${x.name} ${x.values[i]}`).join('，')}`).join('；');
  return (
    <Card size="small" title={<h2 style={{ fontSize: 14, margin: 0 }}>{title}</h2>}>
      {labels.length === 0 ? (
        <div style={{ color: 'rgba(0,0,0,0.65)' }}>暂无数据</div>
      ) : (
        <div role="img" aria-label={`${title}：${text}`}>
          <ReactEChartsCore
            echarts={echarts}
            style={{ height: Math.max(180, labels.length * 34 + 70) }}
            option={{
              aria: { enabled: true },
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', data: labels, inverse: true },
              series: series.map((x) => ({
                type: 'bar',
                name: x.name,
                data: x.values,
                itemStyle: { color: x.color },
                label: { show: true, position: 'right' },
              })),
            }}
          />
        </div>
      )}
    </Card>
  );
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
        <Space>
          <Button href={`/api/v1/disputes/statistics${query({ ...params, format: 'csv' })}`} data-testid="statistics-csv">
            导出 CSV
          </Button>
          <Button href={`/api/v1/disputes/statistics${query({ ...params, format: 'xlsx' })}`} data-testid="statistics-xlsx">
            导出 Excel
          </Button>
        </Space>
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
          <Row gutter={16} style={{ margin: '16px 0' }} data-testid="statistics-prevented">
            <Col>
              <Statistic title="防止民转刑（起）" value={data.prevented.criminal} />
            </Col>
            <Col>
              <Statistic title="防止群体性上访（起）" value={data.prevented.mass} />
            </Col>
            <Col flex="auto">
              <p style={{ color: 'rgba(0,0,0,0.65)' }}>
                含调解成功的风险纠纷（已报告公安机关或排查时标注风险）民转刑 {data.prevented.fromDisputes.criminal} 起、群体性上访{' '}
                {data.prevented.fromDisputes.mass} 起；排查中当场化解的风险事项民转刑 {data.prevented.fromScreenings.criminal}{' '}
                起、群体性上访 {data.prevented.fromScreenings.mass} 起。转入调解的事项只按其纠纷计一次，移交其他部门的不计。
              </p>
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="committeeId"
            pagination={false}
            data-testid="statistics-by-committee"
            columns={[
              { title: '调解委员会', dataIndex: 'name', key: 'name' },
              { title: '受理数', dataIndex: 'received', key: 'received', align: 'right' as const },
              { title: '调解成功数', dataIndex: 'succeeded', key: 'succeeded', align: 'right' as const },
              {
                title: '调解成功率',
                dataIndex: 'successRate',
                key: 'successRate',
                align: 'right' as const,
                render: (v: number | null) => (v === null ? '—' : `${v}%`),
              },
              { title: '防止民转刑', dataIndex: 'preventedCriminal', key: 'criminal', align: 'right' as const },
              { title: '防止群体性上访', dataIndex: 'preventedMass', key: 'mass', align: 'right' as const },
            ]}
            dataSource={data.byCommittee}
          />
          <h2 style={{ fontSize: 16, margin: '16px 0 8px' }}>行政调解（单独统计，不计入人民调解）</h2>
          <Table
            rowKey="agencyId"
            size="small"
            pagination={false}
            data-testid="statistics-administrative"
            locale={{ emptyText: '本期间没有行政调解' }}
            columns={columns('调解机关')}
            dataSource={
              data.administrative.byAgency.length > 1
                ? [...data.administrative.byAgency, { ...data.administrative.total, agencyId: 'total', name: '合计' }]
                : data.administrative.byAgency
            }
          />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Bars
                title="按纠纷类别：受理与调解成功（件）"
                labels={data.byCategory.filter((c) => c.received > 0).map((c) => c.name)}
                series={[
                  { name: '受理', values: data.byCategory.filter((c) => c.received > 0).map((c) => c.received), color: '#1677ff' },
                  { name: '调解成功', values: data.byCategory.filter((c) => c.received > 0).map((c) => c.succeeded), color: '#389e0d' },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <Bars
                title="按调解委员会：防止民转刑与群体性上访（起）"
                labels={data.byCommittee.map((c) => c.name)}
                series={[
                  { name: '防止民转刑', values: data.byCommittee.map((c) => c.preventedCriminal), color: '#cf1322' },
                  { name: '防止群体性上访', values: data.byCommittee.map((c) => c.preventedMass), color: '#d46b08' },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
