/**
 * 加处罚款 as it stands today: from the day after payment was due, 3 % of the fine a day,
 * never more than the fine (行政处罚法 Art 72; 行政强制法 Art 45), with how it grew day by day.
 */
import { Alert, Table, Typography } from 'antd';
import { yuanText } from '../procedure/PayloadSummary';
import type { LatePayment } from '../../../../src/modules/enforcement/penalty-case';

export function LatePaymentAlert({ late }: { late: LatePayment }) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="late-payment"
      message={`加处罚款：缴款期限 ${late.dueOn} 届满，自次日起每日 ${yuanText(late.perDayFen)}，至 ${late.until} 共 ${late.days} 日，计 ${yuanText(late.fen)}${late.capped ? '（已达罚款数额，不再增加）' : ''}`}
      description={
        <>
          <Typography.Text type="secondary">{late.citation}</Typography.Text>
          <Table
            size="small"
            style={{ marginTop: 8, maxWidth: 360 }}
            pagination={late.byDay.length > 10 ? { pageSize: 10, size: 'small' } : false}
            rowKey="on"
            dataSource={late.byDay}
            columns={[
              { title: '日期', dataIndex: 'on' },
              {
                title: '累计加处罚款',
                dataIndex: 'fen',
                align: 'right',
                render: (fen: number) => <span style={{ whiteSpace: 'nowrap' }}>{yuanText(fen)}</span>,
              },
            ]}
          />
        </>
      }
    />
  );
}
