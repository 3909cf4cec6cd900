/**
 * 政府信息公开申请 in the console: what the generic procedure pages need to know of it. The
 * names of its enum values (channel, form, reply type, ground, opinion) are read from the
 * labels of its action schemas, as the forms read them: one source, the server.
 */
import { Alert, Descriptions, Modal, Typography } from 'antd';
// The server's own state type (type-only: nothing of the server is bundled).
import type { InformationRequest } from '../../../../src/modules/information-requests/state';
import { unwrap } from './SchemaForm';
import type { ProcedureConsole } from './config';
import type { JsonSchema, ProcedureDictionaries, RecordView } from './types';

/** The labels of a payload field of one of the procedure's actions (`applicant.kind` of the submit action, say). */
function labelsOf(dict: ProcedureDictionaries, action: string, path: string): Record<string, string> {
  let s: JsonSchema | undefined = dict.actions.find((a) => a.type === `information-request.${action}`)?.schema;
  for (const k of path.split('.')) s = s?.properties?.[k] && unwrap(s.properties[k]!).s;
  return s?.labels ?? {};
}

function Summary({ view, dict }: { view: RecordView<InformationRequest>; dict: ProcedureDictionaries }) {
  const r = view.record;
  const name = (action: string, path: string, value: string | null) => (value ? (labelsOf(dict, action, path)[value] ?? value) : '—');
  const contact = [r.applicant.phone, r.applicant.email, r.applicant.address].filter(Boolean).join('；') || '—';
  const c = r.correction;
  const x = r.extension;
  const reply = r.reply;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="申请人">
          {r.applicant.name}（{name('submit', 'applicant.kind', r.applicant.kind)}）
        </Descriptions.Item>
        <Descriptions.Item label="身份证号或统一社会信用代码">{r.applicant.idNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系方式">{contact}</Descriptions.Item>
        <Descriptions.Item label="受理机关">{view.agency.name}</Descriptions.Item>
        <Descriptions.Item label="申请方式">{name('submit', 'channel', r.channel)}</Descriptions.Item>
        <Descriptions.Item label="收到申请日期">{r.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="获取信息的方式" span={{ xs: 1, sm: 2, lg: 3 }}>
          {name('submit', 'form', r.form)}
        </Descriptions.Item>
        <Descriptions.Item label="所需信息" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>
        </Descriptions.Item>
      </Descriptions>
      {c && (
        <Alert
          type={c.answeredOn ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="correction"
          title={`${c.noticeOn} 已一次性告知补正${c.number ? `（${c.number}）` : ''}，补正期限至 ${c.answerBy}`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>需要补正的事项：{c.items}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {c.answeredOn ? `申请人于 ${c.answeredOn} 补正：${c.answer ?? ''}` : '申请人尚未补正（补正期间不计入答复期限）'}
              </div>
            </>
          }
        />
      )}
      {r.consultations.map((k) => (
        <Alert
          key={k.seq}
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`${k.sentOn} 书面征求第三方（${k.thirdParty}）意见${k.number ? `（${k.number}）` : ''}`}
          description={
            k.answeredOn
              ? `${k.answeredOn}：${name('record-opinion', 'opinion', k.opinion)}${k.reason ? `，${k.reason}` : ''}`
              : `等待第三方意见。征求的事项：${k.matter}`
          }
        />
      ))}
      {r.pending.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`待负责人审批：${r.pending.map((p) => dict.approvalKinds[p.kind] ?? p.kind).join('、')}`}
        />
      )}
      {x && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`经负责人同意，答复期限延长 ${x.days} 个工作日，至 ${x.until}${x.number ? `（${x.number}）` : ''}`}
          description={`延期理由：${x.reason}`}
        />
      )}
      {r.withdrawnOn && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`申请人逾期未补正，${r.withdrawnOn} 视为放弃申请`} />
      )}
      {reply && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="reply"
          title={`${reply.on} 已答复：${name('reply', 'type', reply.type)}${reply.number ? `（${reply.number}）` : ''}`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{reply.text}</div>
              {reply.ground && <div>不予公开的依据：{name('reply', 'ground', reply.ground)}</div>}
              {reply.referTo && <div>告知的机关、途径或渠道：{reply.referTo}</div>}
            </>
          }
        />
      )}
    </>
  );
}

/** The tracking code of a request registered at the counter or by letter: the server shows it this once. */
function Opened({ answer, onClose }: { answer: RecordView<InformationRequest> & Record<string, unknown>; onClose: () => void }) {
  const code = typeof answer.trackingCode === 'string' ? answer.trackingCode : null;
  return (
    <Modal
      open
      title="申请已登记"
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下，查看申请"
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      maskClosable={false}
    >
      <p>请将查询码写在回执上交给申请人。申请人凭此码在公开门户"申请查询"中查看办理进度、提交补正、下载答复书。</p>
      {code && (
        <Typography.Paragraph
          copyable={{ text: code }}
          style={{ fontSize: 24, fontFamily: 'monospace', textAlign: 'center', margin: '16px 0' }}
          data-testid="tracking-code"
        >
          {code}
        </Typography.Paragraph>
      )}
      <Alert type="warning" showIcon title="查询码只显示这一次：系统只保存它的摘要，关闭后无法再次查看。" />
    </Modal>
  );
}

export const INFORMATION_REQUESTS_CONSOLE: ProcedureConsole<InformationRequest> = {
  key: 'information-requests',
  api: '/information-requests',
  permission: 'information-request.read',
  title: 'informationRequests',
  openLabel: 'registerRequest',
  searchLabel: 'searchRequests',
  recordName: '政府信息公开申请',
  openedLabel: '收到申请日期',
  closedLabel: '办结日期',
  heading: (v) => `${v.record.applicant.name}的政府信息公开申请`,
  Summary,
  // 登记第三方意见 names the consultation it answers: those still waiting.
  widgetOptions: (v) => ({
    consultation: {
      options: v.record.consultations
        .filter((k) => !k.answeredOn)
        .map((k) => ({ value: k.seq, label: `${k.thirdParty}（${k.sentOn} 发出）` })),
    },
  }),
  evidencePermission: 'information-request.evidence',
  // At the console a request comes at the counter or by letter (online ones come through the portal).
  openDefaults: { channel: 'counter' },
  Opened,
};
