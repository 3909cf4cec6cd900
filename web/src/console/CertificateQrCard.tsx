/**
 * A 执法证's QR code (亮证, issue 13 §8) as a card to print and carry beside the certificate:
 * the holder's name, agency, number, field, area and validity, and the QR code of the portal's
 * public profile, which tells whoever scans it whether the certificate is in force today.
 */
import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { QrCode } from '../qr';
import type { Certificate } from '../types';

export function CertificateQrButton({ c }: { c: Certificate }) {
  const [open, setOpen] = useState(false);
  if (!c.profileUrl) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`${c.personName ?? ''}的执法证二维码`}>
        二维码
      </Button>
      <Modal
        open={open}
        title="执法证二维码（亮证）"
        onCancel={() => setOpen(false)}
        footer={
          <Space className="no-print">
            <Button onClick={() => setOpen(false)}>关闭</Button>
            <Button type="primary" onClick={() => window.print()}>
              打印卡片
            </Button>
          </Space>
        }
      >
        <div
          className="certificate-card"
          data-testid="certificate-card"
          style={{ border: '1px solid #d9d9d9', padding: 16, display: 'flex', gap: 16 }}
        >
          <QrCode text={c.profileUrl} size={140} label={`执法证查验二维码：${c.profileUrl}`} />
          <div>
            <p style={{ fontSize: 18, fontWeight: 600, margin: 0 }}>{c.personName}</p>
            <p style={{ margin: 0 }}>{c.agencyName}</p>
            <p style={{ margin: 0 }}>执法证号：{c.number}</p>
            <p style={{ margin: 0 }}>
              执法类别：{c.field}；区域：{c.area}
            </p>
            <p style={{ margin: 0 }}>
              有效期：{c.issuedOn} 至 {c.expiresOn}
            </p>
            <p style={{ marginTop: 8, fontSize: 12 }}>扫码查验本人执法证今日是否有效</p>
          </div>
        </div>
      </Modal>
    </>
  );
}
