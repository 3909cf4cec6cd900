/** Where a record came from when another procedure routed it here (a petition's 案源 or dispute), linked to that record. */
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { LinkedFrom } from '../../../../src/procedure/links';

export function LinkedFromNote({ from }: { from: LinkedFrom | undefined }) {
  if (!from) return null;
  return (
    <Typography.Paragraph style={{ marginTop: 8 }} data-testid="linked-from">
      {from.on} 由{from.recordName}
      {from.number ? `（${from.number}）` : ''}转来：<Link to={`/console${from.path}/${from.id}`}>查看原{from.recordName}</Link>
      <br />
      <Typography.Text type="secondary">转入理由：{from.reason}</Typography.Text>
    </Typography.Paragraph>
  );
}
