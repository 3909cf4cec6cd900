/**
 * 案卷评查（预查）: what the case file would score against the agency's score sheet, the
 * veto items it fails and each missing item with its problem and points. The server
 * computes it (CaseView.fileCheck) and gates 归档 on it; this card only shows it — to the
 * case unit and to the supervisor alike.
 */
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import type { FileCheck, SheetSection } from './types';

const SECTION_NAMES = { veto: '否决项', form: '卷面（形式）', substance: '内容（实体、程序）' } as const satisfies Record<
  SheetSection,
  string
>;

/** What the agency's archive rule means for this file now (only said once the case is closed). */
function archiveNote(check: FileCheck, rule: 'refuse' | 'warn' | undefined): { type: 'success' | 'warning' | 'error'; text: string } {
  if (check.vetoFailed.length) return { type: 'error', text: '存在未通过的否决项，案卷不能归档，请先补正。' };
  if (check.missing.length) {
    return rule === 'warn'
      ? { type: 'warning', text: '案卷有扣分项：归档时须确认知悉，扣分项将记入归档记录。' }
      : { type: 'error', text: '案卷有扣分项：本单位设置为补正后方可归档。' };
  }
  return { type: 'success', text: '各评查项均已满足，预查通过。' };
}

export function FileCheckCard({
  check,
  status,
  archiveWhenIncomplete,
  archiveWarnings,
}: {
  check: FileCheck;
  /** the case's status id: 'closed' puts the archive gate first */
  status: string;
  archiveWhenIncomplete?: 'refuse' | 'warn';
  archiveWarnings?: string[];
}) {
  const t = useT();
  const deducted = check.missing.reduce((n, m) => n + m.points, 0);
  const state = check.vetoFailed.length ? 'veto' : check.missing.length ? 'deductions' : 'passed';
  const closed = status === 'closed';
  const note = closed ? archiveNote(check, archiveWhenIncomplete) : null;
  const color = state === 'passed' ? '#b7eb8f' : state === 'veto' ? '#ffa39e' : '#ffd591';
  return (
    <Card
      size="small"
      data-testid="file-check"
      data-state={state}
      title={
        <Space wrap size={4}>
          <span>{t('fileCheck')}</span>
          <Tag color={state === 'passed' ? 'green' : state === 'veto' ? 'red' : 'orange'}>
            {t(state === 'passed' ? 'fileCheckPassed' : state === 'veto' ? 'fileCheckVeto' : 'fileCheckDeductions')}
          </Tag>
        </Space>
      }
      extra={
        <span data-testid="file-check-score" style={{ fontWeight: 600, color: state === 'veto' ? '#a8071a' : undefined }}>
          {check.score} 分
          {deducted > 0 && state !== 'veto' ? (
            <span style={{ fontWeight: 400, color: 'rgba(0, 0, 0, 0.6)' }}>（扣 {deducted} 分）</span>
          ) : null}
        </span>
      }
      style={closed ? { borderColor: color, borderWidth: 2 } : undefined}
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
      {!closed && status !== 'archived' && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
          按本单位案卷评查表自动预查，随办案进度更新；结案后作为归档依据。
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
            评查表各项均已满足，没有扣分项。
          </Typography.Text>
        )
      )}
      {archiveWarnings && archiveWarnings.length > 0 && (
        <Alert type="info" style={{ marginTop: 12 }} message="归档时已确认知悉的扣分项" description={archiveWarnings.join('；')} />
      )}
    </Card>
  );
}
