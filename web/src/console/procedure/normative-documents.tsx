/**
 * 行政规范性文件 in the console: what the generic procedure pages need to know of a document —
 * its particulars, registrations, the reviews with their checklist, the deliberation, and its
 * text with the clause-by-clause diff between versions.
 */
import { Alert, Collapse, Descriptions, Table, Tag } from 'antd';
// The server's own state type (type-only: nothing of the server is bundled).
import type { NormativeDoc } from '../../../../src/modules/normative-docs/state';
import type { ProcedureConsole } from './config';
import type { ProcedureDictionaries, RecordView } from './types';
import ClauseDiff from '../normative/ClauseDiff';

const OPINION: Record<string, string> = { agree: '同意', 'agree-with-changes': '修改后同意', disagree: '不同意' };
const CLEANUP: Record<string, string> = { keep: '继续有效', amend: '需要修改', repeal: '废止', invalid: '宣布失效' };

/** The checklist items' titles, from the review action's schema (the server's words). */
function checklistTitles(dict: ProcedureDictionaries): Record<string, string> {
  const items = dict.actions.find((a) => a.type === 'normative.review-opinion')?.schema?.properties?.checklist?.properties ?? {};
  return Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.title ?? k]));
}

function Reviews({ d, dict }: { d: NormativeDoc; dict: ProcedureDictionaries }) {
  const titles = checklistTitles(dict);
  return (
    <>
      {d.reviews.map((r, i) => {
        const o = r.opinion;
        const blocked = o && Object.entries(o.checklist).filter(([, v]) => v.yes);
        return (
          <Alert
            key={`${r.submittedOn}-v${r.version}`}
            data-testid="review"
            type={!o ? 'info' : o.opinion === 'disagree' ? 'error' : 'success'}
            showIcon
            style={{ marginTop: 8 }}
            title={
              o
                ? `第${i + 1}次合法性审核（第${r.version}稿）：${OPINION[o.opinion]}${o.number ? `（${o.number}）` : ''}`
                : `${r.submittedOn} 提请合法性审核（第${r.version}稿），等待审核意见`
            }
            description={
              o && (
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{o.reasons}</div>
                  {o.clauses && <div>涉及条款：{o.clauses}</div>}
                  {blocked && blocked.length > 0 && (
                    <div data-testid="review-blocked">
                      审核要点为“是”：{blocked.map(([k, v]) => `${titles[k] ?? k}（${v.note}）`).join('；')}
                    </div>
                  )}
                  <div>
                    审核人员：{o.reviewerName}（{o.qualification}），{o.on}
                  </div>
                </>
              )
            }
          />
        );
      })}
    </>
  );
}

function Summary({ view, dict }: { view: RecordView<NormativeDoc>; dict: ProcedureDictionaries }) {
  const d = view.record;
  const last = d.versions.at(-1);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="起草单位">{d.drafter}</Descriptions.Item>
        <Descriptions.Item label="起草日期">{d.draftedOn}</Descriptions.Item>
        <Descriptions.Item label="有效期">
          {d.validityYears} 年{d.provisional ? '（暂行、试行）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="是否属于规范性文件">
          {d.scope ? `${d.scope.inScope ? '属于' : '不属于（内部文件）'}：${d.scope.reason}` : '尚未认定'}
        </Descriptions.Item>
        <Descriptions.Item label="公开征求意见">
          {d.comment
            ? `${d.comment.openedOn} 至 ${d.comment.until}${d.comment.closed ? '（已结束）' : ''}，意见 ${d.comments.length} 条`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="公平竞争审查">
          {!d.marketActivity ? '不涉及' : d.fairCompetition ? (d.fairCompetition.passed ? '通过' : '未通过') : '尚未审查'}
        </Descriptions.Item>
        <Descriptions.Item label="起草说明" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.explanation}</span>
        </Descriptions.Item>
        <Descriptions.Item label="制定依据" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.legalBasis}</span>
        </Descriptions.Item>
      </Descriptions>
      {d.registrations.length > 0 && (
        <Table
          size="small"
          rowKey="number"
          pagination={false}
          style={{ marginTop: 8 }}
          data-testid="registrations"
          dataSource={d.registrations}
          columns={[
            { title: '统一编号', dataIndex: 'number' },
            { title: '登记发布日期', dataIndex: 'on' },
            { title: '施行日期', dataIndex: 'effectiveOn' },
            { title: '有效期至', dataIndex: 'expiresOn' },
            { title: '类型', dataIndex: 'renewal', render: (v: boolean) => (v ? <Tag color="blue">评估后延续</Tag> : '首次发布') },
          ]}
        />
      )}
      <Reviews d={d} dict={dict} />
      {d.deliberation && (
        <Alert
          type={d.deliberation.adopted ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          title={`${d.deliberation.on} ${d.deliberation.meeting}集体讨论${d.deliberation.adopted ? '通过' : '未通过'}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{d.deliberation.minutes}</span>}
        />
      )}
      {d.filing && <Alert type="info" showIcon style={{ marginTop: 8 }} title={`${d.filing.on} 已报${d.filing.to}备案`} />}
      {d.cleanups.map((c) => (
        <Alert
          key={`${c.on}-${c.result}`}
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`${c.on} 清理：${CLEANUP[c.result]}`}
          description={c.reason}
        />
      ))}
      {d.challenges.map((c) => (
        <Alert
          key={c.seq}
          data-testid="challenge"
          type={c.ruling ? (c.ruling.lawful ? 'success' : 'error') : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          title={`${c.receivedOn} ${c.by}转送附带审查（${c.clauses}）${
            c.ruling
              ? `：${c.ruling.on} 认定${c.ruling.lawful ? '合法' : '不合法，停止执行并责令纠正'}`
              : c.answer
                ? `：已于 ${c.answer.on} 书面答复${c.answer.late ? '（逾期）' : ''}，等待处理`
                : '：应当自收到之日起十个工作日内书面答复（行政复议法第五十八条）'
          }`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.points}</div>
              {c.answer && <div style={{ whiteSpace: 'pre-wrap' }}>答复：{c.answer.text}</div>}
              {c.ruling && <div style={{ whiteSpace: 'pre-wrap' }}>处理：{c.ruling.reason}</div>}
              {c.reviewing && <a href={`/console${c.reviewing.path}/${c.reviewing.id}`}>查看{c.reviewing.recordName}</a>}
            </>
          }
        />
      ))}
      {d.lapsed && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`${d.lapsed.on} 有效期届满失效`} description={d.lapsed.reason} />
      )}
      <Collapse
        // A new version opens the diff: remounted, so its default applies again.
        key={d.versions.length}
        style={{ marginTop: 8 }}
        defaultActiveKey={d.versions.length > 1 ? ['diff'] : ['text']}
        items={[
          {
            key: 'text',
            label: `文件正文（第${last?.seq ?? 1}稿，共 ${d.versions.length} 稿）`,
            children: (
              <pre data-testid="document-text" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
                {last?.text}
              </pre>
            ),
          },
          { key: 'diff', label: '版本逐条对比', children: <ClauseDiff id={d.id} versions={d.versions.length} /> },
        ]}
      />
    </>
  );
}

export const NORMATIVE_DOCUMENTS_CONSOLE: ProcedureConsole<NormativeDoc> = {
  key: 'normative-documents',
  api: '/normative-documents',
  permission: 'normative.read',
  title: 'normativeDocuments',
  openLabel: 'draftNormativeDocument',
  searchLabel: 'searchNormativeDocuments',
  recordName: '规范性文件',
  openedLabel: '起草日期',
  closedLabel: '终止日期',
  heading: (v) => v.record.title,
  Summary,
  openDefaults: { marketActivity: false, provisional: false, validityYears: 5, drafter: '妙泉镇党政办公室' },
  // 附带审查: the answer names a challenge not yet answered; a ruling recorded by hand, one not yet ruled on.
  widgetOptions: (v) => ({
    challenge: {
      options: v.record.challenges
        .filter((c) => !c.answer || !c.ruling)
        .map((c) => ({ value: c.seq, label: `${c.by}${c.caseNumber ? `（${c.caseNumber}）` : ''}：${c.clauses}` })),
    },
  }),
};
