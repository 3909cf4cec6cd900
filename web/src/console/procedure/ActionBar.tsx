/**
 * What the user may do on a record, the way a clerk reads it: the one or two steps the record
 * expects next first, as buttons with what they are about (the request an approval answers),
 * and everything else the server offers under 更多操作. The server decides what is offered
 * (`allowedActions`, src/procedure/decide.ts `offers`); this only lays it out.
 */
import { Button, Dropdown, Space, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Offer, Upcoming } from '../../../../src/procedure/decide';

/** An offer's key: an approval is offered once per pending request. */
export const offerKey = (o: Offer) => (o.preset ? `${o.type}:${o.preset.kind}` : o.type);

export function ActionBar({
  offers,
  upcoming = [],
  onAct,
  hint,
  children,
}: {
  offers: readonly Offer[];
  /** Expected steps the day still holds back: shown, not offered, each with why not today */
  upcoming?: readonly Upcoming[];
  onAct: (o: Offer) => void;
  /** What a next step needs, shown under its button (the decision's outstanding gates) */
  hint?: (o: Offer) => ReactNode;
  /** Other buttons of the page (export), after the actions */
  children?: ReactNode;
}) {
  const next = offers.filter((o) => o.next);
  const more = offers.filter((o) => !o.next);
  return (
    <div data-testid="record-actions">
      {offers.length === 0 && upcoming.length === 0 && <Typography.Text type="secondary">当前没有您可以执行的操作</Typography.Text>}
      {(next.length > 0 || upcoming.length > 0) && (
        <Space wrap align="start" data-testid="next-actions" style={{ marginBottom: 8 }}>
          <Typography.Text strong>下一步：</Typography.Text>
          {next.map((o, i) => (
            <Space key={offerKey(o)} direction="vertical" size={2}>
              <Button type={i === 0 ? 'primary' : 'default'} onClick={() => onAct(o)} data-action={o.type} data-request={o.preset?.kind}>
                {o.title}
              </Button>
              {o.request && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.request.requestedOn} 提出
                </Typography.Text>
              )}
              {hint?.(o)}
            </Space>
          ))}
          {upcoming.map((u) => (
            <Space key={u.type} direction="vertical" size={2} data-upcoming={u.type}>
              <Button disabled>{u.title}</Button>
              <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 360, display: 'inline-block' }}>
                {u.until.message}
                {u.until.citation && `（${u.until.citation}）`}
              </Typography.Text>
            </Space>
          ))}
        </Space>
      )}
      <Space wrap>
        {more.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: more.map((o) => ({
                key: offerKey(o),
                label: (
                  <span data-action={o.type} data-request={o.preset?.kind}>
                    {o.title}
                  </span>
                ),
              })),
              onClick: ({ key }) => {
                const o = more.find((x) => offerKey(x) === key);
                if (o) onAct(o);
              },
            }}
          >
            <Button data-testid="more-actions">
              {next.length ? '更多操作' : '可以办理的操作'} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        {children}
      </Space>
    </div>
  );
}
