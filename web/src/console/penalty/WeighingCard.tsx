/**
 * How the penalty was weighed and, for an on-the-spot decision, what followed it: the party's
 * age at the act and the grounds that lightened the penalty (行政处罚法 Arts 30–32), the 告知
 * and the party's statement (Arts 44–45, 52), the cash taken with its receipt, handed in and
 * banked (Arts 68–71), and the 备案 (Art 52). Nothing when none of it applies.
 */
import { Alert, Descriptions } from 'antd';
import type { CaseView, Dictionaries } from './types';

export function WeighingCard({ c, dict }: { c: CaseView['case']; dict: Dictionaries | undefined }) {
  const m = c.onTheSpot?.mitigation ?? c.proposal?.mitigation;
  const spot = c.onTheSpot;
  const cash = spot?.cash;
  if (!m?.lightening && !spot?.statement && !cash && spot?.filedOn === undefined) return null;
  return (
    <>
      {m?.lightening && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="mitigation"
          message={`${dict?.lightenings[m.lightening] ?? m.lightening}${m.ageAtAct !== null ? `（当事人违法时 ${m.ageAtAct} 周岁）` : ''}`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {m.grounds.map((g) => (
                <li key={g.ground}>
                  {dict?.mitigatingGrounds[g.ground]?.name ?? g.ground}（{dict?.mitigatingGrounds[g.ground]?.citation}）：{g.evidence}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {spot && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }} data-testid="on-the-spot">
          <Descriptions.Item label="陈述、申辩">{spot.statement ?? '未提出'}</Descriptions.Item>
          {spot.statement && <Descriptions.Item label="复核意见">{spot.statementReply}</Descriptions.Item>}
          {cash && (
            <>
              <Descriptions.Item label="当场收缴">
                {dict?.cashGrounds[cash.ground]?.name ?? cash.ground}
                {cash.groundNote ? `：${cash.groundNote}` : ''}（票据 {cash.receiptNumber}）
              </Descriptions.Item>
              <Descriptions.Item label="交至行政机关">{cash.handedInOn ?? '未交'}</Descriptions.Item>
              <Descriptions.Item label="缴付银行">{cash.bankedOn ? `${cash.bankedOn}（${cash.bankReceipt}）` : '未缴付'}</Descriptions.Item>
            </>
          )}
          {spot.filedOn !== undefined && <Descriptions.Item label="报机关备案">{spot.filedOn ?? '未备案'}</Descriptions.Item>}
        </Descriptions>
      )}
    </>
  );
}
