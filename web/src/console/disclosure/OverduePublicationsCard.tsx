import { Card, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../hooks';
import type { Page } from '../../types';

/** On the 工作台 of whoever reads publications (the supervisor among them): decisions not published, or not withdrawn, in time. */
export default function OverduePublicationsCard() {
  const overdue = useResource<Page<{ id: string }>>('/publications?overdue=1&limit=200');
  const n = overdue.data?.items.length;
  return (
    <Card data-testid="dashboard-overdue-publications" style={{ marginBottom: 16 }}>
      <Statistic
        title={
          <>
            逾期未公示或未撤回的行政处罚决定{' '}
            <Link to="/console/publications" style={{ textDecoration: 'underline' }}>
              查看
            </Link>
          </>
        }
        value={n === undefined ? '-' : `${n}${overdue.data?.next ? '+' : ''}`}
        suffix="项"
        valueStyle={{ color: n ? '#cf1322' : undefined }}
      />
    </Card>
  );
}
