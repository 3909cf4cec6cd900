/**
 * 应诉指标: per defending agency and year of 立案, 被诉数, 审结数, 败诉数 and 败诉率, the hearings
 * held and the 负责人's appearances (负责人出庭应诉率), and late answers (GET
 * /lawsuits/indicators); each figure opens the list it counts (GET /lawsuits/indicators/cases).
 * The two rates are drawn per agency with ECharts (with its aria text). The server counts in the
 * reader's scope.
 */
import { useState } from 'react';
import { Button, Card, InputNumber, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useResource } from '../../hooks';
import { query } from '../../api';
import { ErrorResult, emptyText } from '../../components';
import { PageTitle } from '../../heading';
import type { LitigationIndicators } from '../../../../src/modules/litigation/indicators';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

type Row = LitigationIndicators;
type Figure = 'sued' | 'concluded' | 'lost' | 'hearings' | 'head-appeared' | 'late';
const FIGURE_NAMES: Record<Figure, string> = {
  sued: '被诉',
  concluded: '已审结',
  lost: '败诉',
  hearings: '开庭',
  'head-appeared': '负责人出庭',
  late: '逾期答辩',
};

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function DrillDown({ year, agencyId, figure }: { year: number; agencyId: string; figure: Figure }) {
  const { data, error } = useResource<{
    items: { id: string; title: string; filedOn: string; hearings: number; headAppearances: number }[];
  }>(`/lawsuits/indicators/cases${query({ year, agencyId, figure })}`);
  if (error) return <ErrorResult error={error} />;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="indicator-cases"
      loading={!data}
      dataSource={data?.items ?? []}
      locale={{ emptyText: emptyText('没有案件') }}
      columns={[
        { title: '立案日期', dataIndex: 'filedOn' },
        { title: '案件', dataIndex: 'title', render: (t: string, c: { id: string }) => <Link to={`/console/lawsuits/${c.id}`}>{t}</Link> },
        { title: '开庭', dataIndex: 'hearings' },
        { title: '负责人出庭', dataIndex: 'headAppearances' },
      ]}
    />
  );
}

function RatesChart({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  const names = rows.map((r) => r.agencyName);
  const loss = rows.map((r) => (r.lossRate === null ? 0 : Math.round(r.lossRate * 1000) / 10));
  const appear = rows.map((r) => (r.appearanceRate === null ? 0 : Math.round(r.appearanceRate * 1000) / 10));
  return (
    <div
      role="img"
      style={{ marginTop: 16 }}
      aria-label={`败诉率和负责人出庭应诉率：${rows.map((r) => `${r.agencyName} 败诉率 ${percent(r.lossRate)}，出庭率 ${percent(r.appearanceRate)}`).join('；')}`}
    >
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: Math.max(180, rows.length * 40 + 80) }}
        option={{
          aria: { enabled: true },
          tooltip: { trigger: 'axis' },
          legend: { data: ['败诉率（%）', '负责人出庭应诉率（%）'] },
          grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
          xAxis: { type: 'value', max: 100 },
          yAxis: { type: 'category', data: names, inverse: true },
          series: [
            { name: '败诉率（%）', type: 'bar', data: loss, itemStyle: { color: '#cf1322' }, label: { show: true, position: 'right' } },
            {
              name: '负责人出庭应诉率（%）',
              type: 'bar',
              data: appear,
              itemStyle: { color: '#1677ff' },
              label: { show: true, position: 'right' },
            },
          ],
        }}
      />
    </div>
  );
}

export default function LitigationIndicatorsPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [open, setOpen] = useState<{ agencyId: string; figure: Figure } | null>(null);
  const { data, error } = useResource<{ items: Row[] }>(`/lawsuits/indicators${query({ year })}`);
  if (error) return <ErrorResult error={error} />;
  const figure = (f: Figure, r: Row, n: number) => (
    <Button
      type="link"
      size="small"
      onClick={() => setOpen({ agencyId: r.agencyId, figure: f })}
      aria-label={`${r.agencyName}${FIGURE_NAMES[f]} ${n}`}
    >
      {n}
    </Button>
  );
  return (
    <Card title={<PageTitle>应诉指标</PageTitle>}>
      <Space style={{ marginBottom: 16 }}>
        <span>年度</span>
        <InputNumber aria-label="统计年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      <p>
        按立案年度统计。败诉：生效裁判撤销、变更、确认违法、确认无效被诉行为或者判决履行，以及被告改变行政行为后原告撤诉；败诉率 = 败诉数 ÷
        审结数（裁判已生效）。负责人出庭应诉率 = 正职、副职或者分管负责人出庭的庭次 ÷ 开庭庭次；仅律师出庭不计。
      </p>
      <Table<Row>
        size="small"
        rowKey="agencyId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="litigation-indicators"
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: emptyText('本年度没有行政应诉案件') }}
        columns={[
          { title: '被告', dataIndex: 'agencyName' },
          { title: '被诉数', render: (_, r) => figure('sued', r, r.sued) },
          { title: '已审结', render: (_, r) => figure('concluded', r, r.concluded) },
          { title: '败诉数', render: (_, r) => figure('lost', r, r.lost) },
          { title: '败诉率', render: (_, r) => percent(r.lossRate) },
          { title: '开庭', render: (_, r) => figure('hearings', r, r.hearings) },
          { title: '负责人出庭', render: (_, r) => figure('head-appeared', r, r.headAppearances) },
          { title: '负责人出庭应诉率', render: (_, r) => percent(r.appearanceRate) },
          { title: '逾期答辩', render: (_, r) => figure('late', r, r.lateAnswers) },
        ]}
      />
      <RatesChart rows={data?.items ?? []} />
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
