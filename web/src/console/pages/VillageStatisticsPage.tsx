/**
 * 村务统计: for the annual report, the villages in the user's scope with their 村规民约 in force
 * (and whether revised this year) and the meetings each held (GET /village-statistics): the
 * 村民代表会议 meets every quarter (村民委员会组织法第二十六条).
 */
import { useState } from 'react';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tag } from 'antd';
import { useResource } from '../../hooks';
import { query } from '../../api';
import { ErrorResult } from '../../components';
import { PageTitle } from '../../heading';

interface VillageRow {
  villageId: string;
  village: string;
  version: number;
  publishedOn: string | null;
  revisedThisYear: boolean;
  meetings: number;
  representativeMeetings: number;
  quarters: number;
  decisions: number;
  publicized: number;
}
interface Statistics {
  year: number;
  citation: string;
  totals: { villages: number; withRules: number; revisedThisYear: number; meetings: number; everyQuarter: number };
  villages: VillageRow[];
}

export default function VillageStatisticsPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const s = useResource<Statistics>(`/village-statistics${query({ year })}`);
  return (
    <Card
      title={<PageTitle>村务统计</PageTitle>}
      extra={
        <Space>
          <label htmlFor="village-statistics-year">年度</label>
          <InputNumber id="village-statistics-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      }
    >
      {s.error && <ErrorResult error={s.error} />}
      {s.data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="village-totals">
            <Col xs={12} md={5}>
              <Statistic title="村数" value={s.data.totals.villages} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title="有现行村规民约" value={s.data.totals.withRules} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={`${s.data.year}年修订公布`} value={s.data.totals.revisedThisYear} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title="召开会议（次）" value={s.data.totals.meetings} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="每季度召开代表会议的村" value={s.data.totals.everyQuarter} />
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="villageId"
            pagination={false}
            data-testid="village-statistics"
            dataSource={s.data.villages}
            columns={[
              { title: '村', dataIndex: 'village' },
              {
                title: '现行村规民约',
                render: (_: unknown, r: VillageRow) => (r.version ? `第${r.version}版（${r.publishedOn}公布）` : '尚未公布'),
              },
              { title: '本年修订', dataIndex: 'revisedThisYear', render: (v: boolean) => (v ? <Tag color="green">是</Tag> : '否') },
              { title: '会议次数', dataIndex: 'meetings' },
              { title: '村民代表会议', dataIndex: 'representativeMeetings' },
              { title: '召开代表会议的季度', dataIndex: 'quarters', render: (v: number) => `${v}/4` },
              { title: '决定事项', dataIndex: 'decisions' },
              { title: '已公开', dataIndex: 'publicized' },
            ]}
          />
          <p style={{ marginTop: 8 }}>村民代表会议每季度召开一次（{s.data.citation}）。</p>
        </>
      )}
    </Card>
  );
}
