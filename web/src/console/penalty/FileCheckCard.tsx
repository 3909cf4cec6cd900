/**
 * 案卷评查（预查）: what the case file scores against the agency's score sheet. The server
 * computes it (CaseView.fileCheck) over the items the case's stage already requires; the
 * items of steps not reached yet are listed apart, muted — a case that has simply not got
 * there is never shown failed. Once closed, every item is owed and 归档 is gated on it; once
 * archived, the deductions the head acknowledged stay beside the score. This card only shows
 * it — to the case unit and to the supervisor alike.
 */
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useT, type StringKey } from '../../i18n';
import type { FileCheck, SheetSection } from './types';

const SECTION_NAMES = { veto: '否决项', form: '卷面（形式）', substance: '内容（实体、程序）' } as const satisfies Record<
  SheetSection,
  string
>;

/** How the card reads: a failed veto item, deductions, nothing missing so far (items still to come), or the whole sheet met. */
type CheckState = 'veto' | 'deductions' | 'on-track' | 'passed';

const STATES = {
  veto: { tag: 'red', label: 'fileCheckVeto', border: '#ffa39e' },
  deductions: { tag: 'orange', label: 'fileCheckDeductions', border: '#ffd591' },
  'on-track': { tag: 'blue', label: 'fileCheckOnTrack', border: '#91caff' },
  passed: { tag: 'green', label: 'fileCheckPassed', border: '#b7eb8f' },
} as const satisfies Record<CheckState, { tag: string; label: StringKey; border: string }>;

const stateOf = (c: FileCheck): CheckState =>
  c.vetoFailed.length ? 'veto' : c.missing.length || c.acknowledged.length ? 'deductions' : c.pending.length ? 'on-track' : 'passed';

/** The archive rules the card explains (the agency's settings) */
export interface ArchiveRules {
  archiveWhenIncomplete?: 'refuse' | 'warn';
  archiveWithoutRecording?: 'refuse' | 'warn';
}

/**
 * What the agency's archive rules mean for this file now (only said once the case is closed).
 * A missing recording answers to its own rule (archiveWithoutRecording), as the gate weighs it.
 */
function archiveNote(check: FileCheck, rules: ArchiveRules): { type: 'success' | 'warning' | 'error'; text: string } {
  if (check.vetoFailed.length) return { type: 'error', text: '存在未通过的否决项，案卷不能归档，请先补正。' };
  const recording = check.missing.some((m) => m.id === 'recordings');
  const others = check.missing.some((m) => m.id !== 'recordings');
  if (!recording && !others) return { type: 'success', text: '各评查项均已满足，预查通过。' };
  if ((others && rules.archiveWhenIncomplete !== 'warn') || (recording && rules.archiveWithoutRecording === 'refuse'))
    return { type: 'error', text: '案卷有扣分项：本单位设置为补正后方可归档。' };
  return { type: 'warning', text: '案卷有扣分项：归档时须确认知悉，扣分项将记入归档记录。' };
}

/** The items still to come, muted and grouped by the step from which they apply. */
function PendingItems({ pending }: { pending: FileCheck['pending'] }) {
  const steps = [...new Set(pending.map((p) => p.dueFromName))];
  return (
    <div data-testid="file-check-pending" style={{ marginTop: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        以后各环节的评查项（尚未到该环节，暂不评分）：
      </Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20, fontSize: 12 }}>
        {steps.map((step) => (
          <li key={step}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {step}后：
              {pending
                .filter((p) => p.dueFromName === step)
                .map((p, i) => (
                  <span key={p.id} data-pending={p.id}>
                    {i > 0 && '；'}
                    {p.text}
                    {p.section === 'veto' ? '（否决项）' : `（${p.points} 分）`}
                  </span>
                ))}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FileCheckCard({
  check,
  status,
  rules,
}: {
  check: FileCheck /** the case's status id */;
  status: string;
  rules: ArchiveRules;
}) {
  const t = useT();
  const deducted = check.missing.reduce((n, m) => n + m.points, 0);
  const state = stateOf(check);
  // 'closed' puts the archive gate first; once closed or archived every item is owed
  const closed = status === 'closed';
  const open = !closed && status !== 'archived';
  const note = closed ? archiveNote(check, rules) : null;
  return (
    <Card
      size="small"
      data-testid="file-check"
      data-state={state}
      title={
        <Space wrap size={4}>
          <span>{t('fileCheck')}</span>
          <Tag color={STATES[state].tag}>{t(STATES[state].label)}</Tag>
        </Space>
      }
      extra={
        <span data-testid="file-check-score" style={{ fontWeight: 600, color: state === 'veto' ? '#a8071a' : undefined }}>
          {check.score}/{check.outOf} 分
          {deducted > 0 && state !== 'veto' ? (
            <span style={{ fontWeight: 400, color: 'rgba(0, 0, 0, 0.6)' }}>（扣 {deducted} 分）</span>
          ) : null}
        </span>
      }
      style={closed ? { borderColor: STATES[state].border, borderWidth: 2 } : undefined}
    >
      {note && (
        <Alert
          type={note.type}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="file-check-archive"
          message={`已结案：归档前须通过案卷评查。${note.text}`}
        />
      )}
      {open && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }} data-testid="file-check-basis">
          按当前阶段应有的项目预查（满分 {check.outOf} 分），随办案进度更新；结案后按评查表全部项目评查，作为归档依据。
        </Typography.Paragraph>
      )}
      {check.vetoFailed.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message="否决项未通过（案卷评查不合格，得 0 分）"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {check.vetoFailed.map((v) => (
                <li key={v.id} data-veto={v.id} style={{ color: '#a8071a' }}>
                  <b>{v.text}</b>：{v.problem}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {check.missing.length > 0 ? (
        <List
          size="small"
          dataSource={check.missing}
          rowKey="id"
          renderItem={(m) => (
            <List.Item
              data-missing={m.id}
              extra={
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  −{m.points} 分
                </Tag>
              }
            >
              <List.Item.Meta
                title={
                  <span style={{ fontWeight: 400 }}>
                    <Tag>{SECTION_NAMES[m.section]}</Tag>
                    {m.text}
                  </span>
                }
                description={m.problem}
              />
            </List.Item>
          )}
        />
      ) : (
        check.vetoFailed.length === 0 &&
        !note && (
          <Typography.Text type="success" data-testid="file-check-empty">
            {open ? '当前阶段应有的评查项均已满足，没有扣分项。' : '评查表各项均已满足，没有扣分项。'}
          </Typography.Text>
        )
      )}
      {check.acknowledged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="file-check-acknowledged"
          message="归档时已确认知悉的问题"
          description={check.acknowledged.join('；')}
        />
      )}
      {check.pending.length > 0 && <PendingItems pending={check.pending} />}
    </Card>
  );
}
