/**
 * 人民调解 in the console: what the generic procedure pages need to know of a dispute. The
 * names of its enum values (category, source, outcome, performance) are read from the labels
 * of its action schemas, as the forms read them: one source, the server.
 */
import { Alert, Descriptions, Table } from 'antd';
// The server's own state type (type-only: nothing of the server is bundled).
import type { Dispute } from '../../../../src/modules/mediation/state';
import { unwrap } from './SchemaForm';
import type { ProcedureConsole } from './config';
import type { Me } from '../../types';
import type { JsonSchema, ProcedureDictionaries, RecordView } from './types';

/** The labels of a payload field of one of the dispute's actions (`category` of the registration, say). */
function labelsOf(dict: ProcedureDictionaries, action: string, path: string): Record<string, string> {
  let s: JsonSchema | undefined = dict.actions.find((a) => a.type === `dispute.${action}`)?.schema;
  for (const k of path.split('.')) {
    const next: JsonSchema | undefined = s?.properties?.[k] ?? s?.items?.properties?.[k];
    s = next && unwrap(next).s;
  }
  return s?.labels ?? {};
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function Summary({ view, dict }: { view: RecordView<Dispute>; dict: ProcedureDictionaries }) {
  const d = view.record;
  const name = (action: string, path: string, value: string | null) => (value ? (labelsOf(dict, action, path)[value] ?? value) : '—');
  const o = d.outcome;
  const c = d.confirmation;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="调解委员会">{d.committeeName}</Descriptions.Item>
        <Descriptions.Item label="纠纷类别">{name('register', 'category', d.category)}</Descriptions.Item>
        <Descriptions.Item label="纠纷来源">
          {name('register', 'source', d.source)}
          {d.referredBy ? `（${name('register', 'referredBy', d.referredBy)}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="登记日期">{d.registeredOn}</Descriptions.Item>
        <Descriptions.Item label="调解员" span={{ xs: 1, sm: 1, lg: 2 }}>
          {d.mediators ? `${d.mediators.names.join('、')}（${d.mediators.chosen ? '当事人选择' : '委员会指定'}）` : '尚未指定'}
        </Descriptions.Item>
        <Descriptions.Item label="纠纷简要事实" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.facts}</span>
        </Descriptions.Item>
        <Descriptions.Item label="争议焦点" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.points}</span>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        style={{ marginTop: 8 }}
        data-testid="parties"
        dataSource={d.parties}
        columns={[
          { title: '当事人', dataIndex: 'name' },
          { title: '身份证号或统一社会信用代码', dataIndex: 'idNumber' },
          { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: '住址', dataIndex: 'address', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {d.consent && !d.consent.agreed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={`${d.consent.on} 当事人“${d.consent.refusedBy ?? ''}”明确拒绝调解，不予调解（《中华人民共和国人民调解法》第十七条）`}
          description={d.consent.note}
        />
      )}
      {d.sessions.map((s, i) => (
        <Alert
          key={s.seq}
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`${s.on} 第${i + 1}次调解（${s.place}）`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{s.record}</span>}
        />
      ))}
      {d.riskReports.map((r) => (
        <Alert
          key={`${r.on}-${r.to}`}
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={`${r.on} 已报告${r.to}`}
          description={r.note}
        />
      ))}
      {o && (
        <Alert
          type={o.kind === 'ended' ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="outcome"
          title={`${o.on} ${o.kind === 'written' ? '达成书面调解协议' : o.kind === 'oral' ? '达成口头调解协议' : '终止调解'}${o.number ? `（${o.number}）` : ''}`}
          description={
            o.kind === 'ended' ? (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</div>
                <div style={{ whiteSpace: 'pre-wrap' }}>告知的其他途径：{o.routes}</div>
              </>
            ) : (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{o.terms}</div>
                <div>履行方式和期限：{o.performance}</div>
                {o.amountFen > 0 && <div>协议涉及金额：{yuan(o.amountFen)}</div>}
              </>
            )
          }
        />
      )}
      {d.visits.map((v) => (
        <Alert
          key={v.seq}
          type={v.performance === 'full' ? 'success' : 'info'}
          showIcon
          style={{ marginTop: 8 }}
          title={`${v.on} 回访：${name('follow-up', 'performance', v.performance)}`}
          description={v.note}
        />
      ))}
      {c && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="confirmation"
          title={`${c.appliedOn} 双方共同向${c.court}申请司法确认`}
          description={
            c.result ? `${c.resultOn}：${name('record-court-result', 'result', c.result)}（${c.note ?? ''}）` : '等待人民法院裁定'
          }
        />
      )}
    </>
  );
}

/** The committees the mediator sits on (GET /mediation-committees lists those in his scope, with their members). */
function myCommittees(data: unknown, me: Me) {
  const items = (data as { items: { id: string; name: string; members: { personId: string }[] }[] }).items;
  return {
    committee: {
      options: items.filter((c) => c.members.some((m) => m.personId === me.user.personId)).map((c) => ({ value: c.id, label: c.name })),
      none: '您不是任何人民调解委员会的委员',
    },
  };
}

export const DISPUTES_CONSOLE: ProcedureConsole<Dispute> = {
  key: 'disputes',
  api: '/disputes',
  permission: 'mediation.read',
  title: 'disputes',
  openLabel: 'registerDispute',
  searchLabel: 'searchDisputes',
  recordName: '人民调解纠纷',
  openedLabel: '登记日期',
  closedLabel: '结案日期',
  heading: (v) => `${v.record.parties.map((p) => p.name).join('与')}的纠纷`,
  Summary,
  // 指定调解员 offers the committee's mediators (the server checks the roll as it is).
  widgetOptions: (v) => ({
    person: { options: v.record.committeeMembers.map((m) => ({ value: m.personId, label: m.name })), none: '该调解委员会没有登记调解员' },
  }),
  // Most parties are villagers: both sides start as 自然人.
  openWidgets: { path: '/mediation-committees', supply: myCommittees },
  openDefaults: { source: 'application', referredBy: null, committeeId: null, partyA: { kind: 'citizen' }, partyB: { kind: 'citizen' } },
};
