import { Button, Empty, Result, Tag } from 'antd';
import type { ApiError } from './api';
import type { Standing } from './types';
import { DUE_STYLE, type DueState } from './deadlines';

export function LoadMore({ next, loading, onMore }: { next: string | null; loading: boolean; onMore: () => void }) {
  if (!next) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      <Button onClick={onMore} loading={loading}>
        加载更多
      </Button>
    </div>
  );
}

export function ErrorResult({ error }: { error: ApiError }) {
  const status = error.status === 404 ? '404' : error.status === 403 ? '403' : 'error';
  return <Result status={status} title={error.status === 404 ? '记录不存在或您无权查看' : '加载失败'} subTitle={error.message} />;
}

export const emptyText = (hint: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hint} />;

/** A certificate's standing in the signal colours of deadlines: valid as on time, expiring as due soon, lapsed as overdue. */
const STANDING_TAGS: Record<Standing, { signal: DueState; text: string }> = {
  'in-force': { signal: 'ok', text: '有效' },
  expiring: { signal: 'warning', text: '即将到期' },
  expired: { signal: 'overdue', text: '已过期' },
  'not-yet-valid': { signal: 'met', text: '未生效' },
  suspended: { signal: 'overdue', text: '暂扣' },
  revoked: { signal: 'met', text: '注销' },
  'review-failed': { signal: 'overdue', text: '年审未通过' },
};

export function StandingTag({ standing, daysLeft }: { standing: Standing; daysLeft?: number }) {
  const t = STANDING_TAGS[standing];
  const extra =
    standing === 'expiring' && daysLeft !== undefined
      ? `（剩 ${daysLeft} 天）`
      : standing === 'expired' && daysLeft !== undefined
        ? `（已过 ${-daysLeft} 天）`
        : '';
  return (
    <Tag style={DUE_STYLE[t.signal]} data-standing={standing}>
      {t.text}
      {extra}
    </Tag>
  );
}
