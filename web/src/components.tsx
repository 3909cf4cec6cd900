import { Button, Empty, Result, Tag } from 'antd';
import type { ApiError } from './api';
import type { Standing } from './types';

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

const STANDING_TAGS: Record<Standing, { color: string; text: string }> = {
  'in-force': { color: 'green', text: '有效' },
  expiring: { color: 'orange', text: '即将到期' },
  expired: { color: 'red', text: '已过期' },
  'not-yet-valid': { color: 'default', text: '未生效' },
  suspended: { color: 'volcano', text: '暂扣' },
  revoked: { color: 'default', text: '注销' },
  'review-failed': { color: 'red', text: '年审未通过' },
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
    <Tag color={t.color} data-standing={standing}>
      {t.text}
      {extra}
    </Tag>
  );
}
