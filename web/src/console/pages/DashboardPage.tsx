import { Card, Col, Row, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../hooks';
import { emptyText, ErrorResult, StandingTag } from '../../components';
import type { Agency, Certificate, Page } from '../../types';
import { can, useSession } from '../session';
import WorkbenchCards from './WorkbenchCards';
import IndicatorCharts from './IndicatorCharts';
import { IntegrityAlert } from '../evidence/IntegrityAlert';
import OverduePublicationsCard from '../disclosure/OverduePublicationsCard';

/** The roles who oversee an area (the supervisor, the heads): they see its indicators as charts. */
const OVERSEERS = ['supervisor', 'unit_head'];

/** The twelve months up to this one, in China time: YYYY-MM of the first and the last. */
function lastTwelveMonths(): { from: string; to: string } {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const k = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const ym = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  return { from: ym(k - 11), to: ym(k) };
}

/** 音像记录 coverage over the last twelve months, in the user's scope: the seed's weak point, measured. */
function CoverageCard() {
  const { from, to } = lastTwelveMonths();
  const coverage = useResource<{ total: { cases: number; complete: number; share: number } }>(
    `/enforcement/recording-coverage?from=${from}&to=${to}`,
  );
  const t = coverage.data?.total;
  return (
    <Card data-testid="dashboard-coverage">
      <Statistic
        title={
          <>
            音像记录覆盖率（近 12 个月）{' '}
            <Link to="/console/recording-coverage" style={{ textDecoration: 'underline' }}>
              明细
            </Link>
          </>
        }
        value={t?.cases ? Math.round(t.share * 100) : '-'}
        suffix={t?.cases ? `%（${t.complete}/${t.cases} 件）` : ''}
        valueStyle={{ color: t?.cases && t.share < 0.6 ? '#cf1322' : undefined }}
      />
    </Card>
  );
}

export default function DashboardPage() {
  const alerts = useResource<Page<Certificate>>('/certificates?standing=attention&limit=200');
  const all = useResource<Page<Certificate>>('/certificates?limit=200');
  const agencies = useResource<{ items: Agency[] }>('/agencies');
  const me = useSession();
  if (alerts.error) return <ErrorResult error={alerts.error} />;
  const items = alerts.data?.items ?? [];
  const count = (s: string) => items.filter((c) => c.standing === s).length;
  const inForce = (all.data?.items ?? []).filter((c) => c.standing === 'in-force' || c.standing === 'expiring').length;
  return (
    <>
      {can(me, 'penalty.read') && <IntegrityAlert quietWhenOk style={{ marginBottom: 16 }} />}
      <WorkbenchCards />
      {can(me, 'disclosure.read') && <OverduePublicationsCard />}
      {me && OVERSEERS.some((r) => me.roles.some((x) => x.id === r)) && <IndicatorCharts penalty={can(me, 'penalty.read')} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title="执法主体" value={agencies.data?.items.length ?? '-'} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="持有效执法证" value={inForce} suffix="人" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="90 日内到期" value={count('expiring')} valueStyle={{ color: '#d46b08' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="已过期" value={count('expired')} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
      </Row>
      {can(me, 'penalty.read') && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={12}>
            <CoverageCard />
          </Col>
        </Row>
      )}
      <Card title="执法证预警（90 日内到期为橙色，已过期为红色）">
        <Table<Certificate>
          rowKey="id"
          loading={alerts.loading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: emptyText('没有即将到期或已过期的执法证') }}
          rowClassName={(c) => `standing-${c.standing}`}
          columns={[
            { title: '持证人', dataIndex: 'personName', render: (n: string, c) => <Link to={`/console/people/${c.personId}`}>{n}</Link> },
            { title: '执法主体', dataIndex: 'agencyName' },
            { title: '执法证号', dataIndex: 'number' },
            { title: '执法类别', dataIndex: 'field' },
            { title: '有效期至', dataIndex: 'expiresOn' },
            { title: '状态', render: (_, c) => <StandingTag standing={c.standing} daysLeft={c.daysLeft} /> },
          ]}
        />
      </Card>
    </>
  );
}
