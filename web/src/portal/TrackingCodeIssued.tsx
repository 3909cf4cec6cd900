/**
 * What a citizen sees once something is filed on the portal without an account (信访, 依申请公开,
 * 行政复议): the tracking code, shown here once and never again (only its hash is stored), the
 * warning to keep it, what happens next, and the way to the tracking page carrying the code.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';

const SHOWN_ONCE = '查询码只在此显示一次，本网站不保存查询码本身，遗失后无法找回。请抄写或截图保存。';

export default function TrackingCodeIssued(props: {
  title: string;
  /** Who received it and when */
  subTitle: string;
  code: string;
  /** What follows (the limit for the answer, the factor asked when tracking), after the warning */
  next?: string;
  /** The tracking page (it reads the code from the router state) */
  trackPath: string;
  /** More buttons beside 查询办理进度 */
  extra?: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Card>
      <Result status="success" title={props.title} subTitle={props.subTitle} />
      <div style={{ maxWidth: 560, margin: '0 auto', textAlign: 'center' }}>
        <div style={{ fontSize: 16 }}>{t('trackingCode')}</div>
        <Typography.Paragraph
          copyable={{ text: props.code }}
          data-testid="tracking-code"
          // On one line at a phone's width too: the code is copied by eye.
          style={{
            fontSize: 'clamp(16px, 5vw, 28px)',
            fontFamily: 'monospace',
            letterSpacing: 1,
            whiteSpace: 'nowrap',
            margin: '8px 0 16px',
          }}
        >
          {props.code}
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          title={t('keepTrackingCode')}
          description={`${SHOWN_ONCE}${props.next ?? ''}`}
          style={{ textAlign: 'left' }}
        />
        <Space style={{ marginTop: 24 }}>
          <Button type="primary" onClick={() => navigate(props.trackPath, { state: { code: props.code } })}>
            查询办理进度
          </Button>
          {props.extra}
        </Space>
      </div>
    </Card>
  );
}
