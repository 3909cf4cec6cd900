/**
 * What became of the decision after it was made: 复议 and 诉讼 results and the agency's own
 * corrections (each with its effect on what is owed), clerical errors corrected, and money paid
 * back. Nothing when the decision stands as made.
 */
import { Alert } from 'antd';
import { yuanText } from '../procedure/PayloadSummary';
import type { CaseView, Dictionaries } from './types';

export function DecisionChanges({ c, dict }: { c: CaseView['case']; dict: Dictionaries | undefined }) {
  const changes = c.changes ?? [];
  const corrections = c.corrections ?? [];
  const refunds = c.refunds ?? [];
  if (changes.length + corrections.length + refunds.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="decision-changes"
      message="决定作出后的变动"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {changes.map((ch) => (
            <li key={`c${ch.seq}`}>
              {ch.on} {dict?.changeSources[ch.source] ?? ch.source}：{ch.body}
              {ch.documentNumber ? `（${ch.documentNumber}）` : ''}对{ch.decisionNumber ?? '原决定'}
              {dict?.changeOutcomes[ch.outcome]?.name ?? ch.outcome}
              {ch.varied ? `，变更后罚款 ${yuanText(ch.varied.fineFen)}` : ''}
              {ch.redo ? `，应于 ${ch.redo.by} 前重新作出` : ''}。理由：{ch.reason}
            </li>
          ))}
          {corrections.map((k) => (
            <li key={`k${k.seq}`}>
              {k.on} 更正（{k.number}）：“{k.wrong}”更正为“{k.corrected}”
            </li>
          ))}
          {refunds.map((r) => (
            <li key={`r${r.on}${r.voucher}`}>
              {r.on} 退还 {yuanText(r.amountFen)}（{r.voucher}）
            </li>
          ))}
        </ul>
      }
    />
  );
}
