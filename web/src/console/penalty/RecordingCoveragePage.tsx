/**
 * 音像记录覆盖率 for the supervisor: per 执法主体 and month (of registration), the share of
 * the cases with steps that must be recorded whose every recording is in the file — the
 * last twelve months, below 60 % in red — and the latest evidence integrity check.
 */
import { Card, Col, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../hooks';
import { ErrorResult } from '../../components';
import { useT } from '../../i18n';
import type { Dictionaries } from './types';
import { IntegrityAlert } from '../evidence/IntegrityAlert';
import { PageTitle } from '../../heading';

interface Counts {
  cases: number;
  complete: number;
  share: number;
  stepsRequired: number;
  stepsMissing: number;
}
interface CoverageRow extends Counts {
  agencyId: string;
  agencyName: string;
  month: string;
}

/** Below this share a cell is red. */
export const COVERAGE_WARN = 0.6;

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The twelve months ending with `today`'s, oldest first (YYYY-MM). */
export function lastTwelveMonths(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

function sum(rows: Counts[]): Counts {
  const s = rows.reduce(
    (a, r) => ({
      cases: a.cases + r.cases,
      complete: a.complete + r.complete,
      stepsRequired: a.stepsRequired + r.stepsRequired,
      stepsMissing: a.stepsMissing + r.stepsMissing,
    }),
    { cases: 0, complete: 0, stepsRequired: 0, stepsMissing: 0 },
  );
  return { ...s, share: s.cases ? s.complete / s.cases : 0 };
}

/**
 * The case list of a cell: its cases still missing a recording, or, when none is, all its cases that needed one
 * (the list's `recording` and `registeredFrom`/`registeredTo` filters count exactly as the grid does).
 */
export function cellCasesUrl(c: Counts, agencyId: string | null, months: readonly [string, string]): { to: string; count: number } {
  const missing = c.cases - c.complete;
  const q = new URLSearchParams({ queue: 'all', recording: missing > 0 ? 'missing' : 'required' });
  if (agencyId) q.set('agencyId', agencyId);
  q.set('registeredFrom', months[0]);
  q.set('registeredTo', months[1]);
  return { to: `/console/penalty-cases?${q.toString()}`, count: missing > 0 ? missing : c.cases };
}

function Cell({ c, testId, link }: { c: Counts | undefined; testId?: string; link: (c: Counts) => { to: string; count: number } }) {
  if (!c || c.cases === 0) return <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}>—</span>;
  const low = c.share < COVERAGE_WARN;
  const { to, count } = link(c);
  const missing = c.cases - c.complete;
  return (
    <Tooltip
      title={`应录案件 ${c.cases} 件，记录齐全 ${c.complete} 件；应录环节 ${c.stepsRequired} 个，缺 ${c.stepsMissing} 个。点击查看${missing > 0 ? '缺少音像记录的' : ''} ${count} 件案件`}
    >
      <Link
        to={to}
        data-testid={testId}
        data-count={count}
        data-share={c.share.toFixed(4)}
        data-low={String(low)}
        style={{
          display: 'block',
          textAlign: 'center',
          borderRadius: 4,
          padding: '2px 4px',
          background: low ? '#fff1f0' : undefined,
          color: low ? '#a8071a' : '#237804',
          fontWeight: 600,
        }}
      >
        {pct(c.share)}
        <div style={{ fontSize: 11, fontWeight: 400, color: 'rgba(0, 0, 0, 0.6)' }}>
          {c.complete}/{c.cases}
        </div>
      </Link>
    </Tooltip>
  );
}

export default function RecordingCoveragePage() {
  const t = useT();
  const dict = useResource<Dictionaries>('/penalty-cases/dictionaries');
  const months = dict.data ? lastTwelveMonths(dict.data.today) : null;
  const coverage = useResource<{ rows: CoverageRow[]; total: Counts }>(
    months ? `/enforcement/recording-coverage?from=${months[0]}&to=${months[11]}` : null,
  );
  if (coverage.error) return <ErrorResult error={coverage.error} />;
  const rows = coverage.data?.rows ?? [];
  const agencies = [...new Map(rows.map((r) => [r.agencyId, r.agencyName])).entries()].map(([id, name]) => ({ id, name }));
  const cell = (agencyId: string, month: string) => rows.find((r) => r.agencyId === agencyId && r.month === month);
  const total = coverage.data?.total;
  type Line = { id: string; name: string; total: boolean };
  const lines: Line[] = [
    ...agencies.map((a) => ({ ...a, total: false })),
    ...(agencies.length > 1 ? [{ id: '__total', name: '合计', total: true }] : []),
  ];
  const agencyOf = (l: Line) => (l.total ? null : l.id);
  const of = (l: Line, month?: string) => {
    const mine = rows.filter((r) => (l.total || r.agencyId === l.id) && (!month || r.month === month));
    return l.total || !month ? sum(mine) : cell(l.id, month);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <IntegrityAlert />
      <Card title={<PageTitle>{t('recordingCoverage')}</PageTitle>} data-testid="coverage-card" loading={!coverage.data && !coverage.error}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          按案件登记月份统计：有须音像记录环节（现场检查、查封扣押、听证、当场处罚、留置送达等）的案件中，各环节音像记录均已入卷的比例。低于{' '}
          {pct(COVERAGE_WARN)} 标红。近 12 个月（{months?.[0]} 至 {months?.[11]}）。
        </Typography.Paragraph>
        {total && (
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic
                title="总体覆盖率"
                value={total.cases ? Math.round(total.share * 100) : '—'}
                suffix={total.cases ? '%' : ''}
                valueStyle={{ color: total.cases && total.share < COVERAGE_WARN ? '#a8071a' : '#237804' }}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="应录案件" value={total.cases} suffix="件" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="记录齐全" value={total.complete} suffix="件" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="缺少音像记录的环节" value={total.stepsMissing} suffix={`/ ${total.stepsRequired}`} />
            </Col>
          </Row>
        )}
        <Table<Line>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={lines}
          scroll={{ x: 'max-content' }}
          data-testid="coverage-table"
          locale={{ emptyText: '近 12 个月没有须音像记录的案件' }}
          onRow={(l) => ({ 'data-agency': l.total ? 'total' : l.id }) as React.HTMLAttributes<HTMLTableRowElement>}
          columns={[
            {
              title: '执法主体',
              dataIndex: 'name',
              fixed: 'left',
              width: 150,
              render: (n: string, l) => (l.total ? <b>{n}</b> : <span style={{ overflowWrap: 'anywhere' }}>{n}</span>),
            },
            ...(months ?? []).map((m) => ({
              key: m,
              title: (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {Number(m.slice(5))}月
                  {m.endsWith('-01') || m === months?.[0] ? (
                    <div style={{ fontSize: 11, color: 'rgba(0, 0, 0, 0.6)' }}>{m.slice(0, 4)}</div>
                  ) : null}
                </span>
              ),
              width: 64,
              align: 'center' as const,
              render: (_: unknown, l: Line) => (
                <Cell
                  c={of(l, m)}
                  testId={`coverage-${l.total ? 'total' : l.id}-${m}`}
                  link={(c) => cellCasesUrl(c, agencyOf(l), [m, m])}
                />
              ),
            })),
            {
              key: 'all',
              title: '近 12 个月',
              width: 80,
              align: 'center' as const,
              render: (_: unknown, l: Line) => (
                <Cell
                  c={of(l)}
                  testId={`coverage-${l.total ? 'total' : l.id}-all`}
                  link={(c) => cellCasesUrl(c, agencyOf(l), [months![0]!, months![11]!])}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
