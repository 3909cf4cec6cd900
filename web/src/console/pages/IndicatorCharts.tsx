/**
 * A supervisor's (and a head's) indicators over his area, as charts: records by status per
 * procedure, overdue records by agency, 音像记录 coverage by agency and the 法制审核率 over the
 * last twelve months. ECharts draws them (tree-shaken: bar charts only, canvas), with its
 * aria description, so a screen reader hears what the chart shows.
 */
import { Card, Col, Row, Statistic } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useResource } from '../../hooks';
import type { Indicators } from '../../../../src/procedure/workbench';
import type { ReviewRate } from '../../../../src/modules/enforcement/review-rate';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** The twelve months up to today in China time, as dates and as months. */
function lastYear() {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const to = now.toISOString().slice(0, 10);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: start.toISOString().slice(0, 10), to, fromMonth: start.toISOString().slice(0, 7), toMonth: to.slice(0, 7) };
}

function BarCard({
  title,
  labels,
  values,
  unit,
  testId,
}: {
  title: string;
  labels: string[];
  values: number[];
  unit: string;
  testId: string;
}) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 14, margin: 0 }}>{title}</h2>} data-testid={testId}>
      {labels.length === 0 ? (
        <div style={{ color: 'rgba(0,0,0,0.65)' }}>暂无数据</div>
      ) : (
        <div role="img" aria-label={`${title}：${labels.map((l, i) => `${l} ${values[i]}${unit}`).join('，')}`}>
          <ReactEChartsCore
            echarts={echarts}
            style={{ height: Math.max(160, labels.length * 28 + 60) }}
            option={{
              aria: { enabled: true },
              tooltip: { trigger: 'axis' },
              grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', data: labels, inverse: true },
              series: [{ type: 'bar', data: values, itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
            }}
          />
        </div>
      )}
    </Card>
  );
}

export default function IndicatorCharts({ penalty }: { penalty: boolean }) {
  const y = lastYear();
  const ind = useResource<Indicators>('/workbench/indicators');
  const coverage = useResource<{ rows: { agencyName: string; cases: number; complete: number }[] }>(
    penalty ? `/enforcement/recording-coverage?from=${y.fromMonth}&to=${y.toMonth}` : null,
  );
  const review = useResource<ReviewRate>(penalty ? `/enforcement/review-rate?from=${y.from}&to=${y.to}` : null);
  const status = ind.data?.byStatus ?? [];
  const overdue = ind.data?.overdueByAgency ?? [];
  // Coverage per agency over the twelve months (the endpoint answers per agency and month).
  const perAgency = new Map<string, { cases: number; complete: number }>();
  for (const r of coverage.data?.rows ?? []) {
    const a = perAgency.get(r.agencyName) ?? { cases: 0, complete: 0 };
    perAgency.set(r.agencyName, { cases: a.cases + r.cases, complete: a.complete + r.complete });
  }
  const r = review.data;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="indicators">
      <Col xs={24} lg={12}>
        <BarCard
          title="各类案件按状态（件）"
          testId="chart-status"
          labels={status.map((s) => `${s.procedureName}·${s.statusName}`)}
          values={status.map((s) => s.records)}
          unit="件"
        />
      </Col>
      <Col xs={24} lg={12}>
        <BarCard
          title="各单位已超期（件）"
          testId="chart-overdue"
          labels={overdue.map((o) => o.agencyName)}
          values={overdue.map((o) => o.overdue)}
          unit="件"
        />
      </Col>
      {penalty && (
        <>
          <Col xs={24} lg={12}>
            <BarCard
              title="音像记录覆盖率（近 12 个月，%）"
              testId="chart-coverage"
              labels={[...perAgency.keys()]}
              values={[...perAgency.values()].map((a) => (a.cases ? Math.round((100 * a.complete) / a.cases) : 0))}
              unit="%"
            />
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 style={{ fontSize: 14, margin: 0 }}>法制审核率（近 12 个月）</h2>} data-testid="review-rate">
              <Statistic
                value={r?.share === null || r === undefined ? '—' : Math.round(r.share * 100)}
                suffix={r?.share === null || r === undefined ? '' : '%'}
              />
              <div style={{ color: 'rgba(0,0,0,0.65)' }}>
                {r ? `作出处罚决定 ${r.decisions} 件，其中重大执法决定 ${r.major} 件，经法制审核通过 ${r.reviewed} 件` : '加载中'}
              </div>
            </Card>
          </Col>
        </>
      )}
    </Row>
  );
}
