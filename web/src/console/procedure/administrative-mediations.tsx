/**
 * 行政调解 in the console: what the generic procedure pages need to know of a mediation the
 * town government or an agency runs itself (its staff, its seal). The names of its enum
 * values are read from the labels of its action schemas, as the forms read them.
 */
import { Alert, Descriptions, Table } from 'antd';
import { Link } from 'react-router-dom';
// The server's own state type (type-only: nothing of the server is bundled).
import type { AdminMediation } from '../../../../src/modules/mediation/admin-state';
import { unwrap } from './SchemaForm';
import type { ProcedureConsole } from './config';
import type { Me } from '../../types';
import type { JsonSchema, ProcedureDictionaries, RecordView } from './types';

function labelsOf(dict: ProcedureDictionaries, action: string, path: string): Record<string, string> {
  let s: JsonSchema | undefined = dict.actions.find((a) => a.type === `admin-mediation.${action}`)?.schema;
  for (const k of path.split('.')) {
    const next: JsonSchema | undefined = s?.properties?.[k] ?? s?.items?.properties?.[k];
    s = next && unwrap(next).s;
  }
  return s?.labels ?? {};
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function Summary({ view, dict }: { view: RecordView<AdminMediation>; dict: ProcedureDictionaries }) {
  const m = view.record;
  const name = (action: string, path: string, value: string | null) => (value ? (labelsOf(dict, action, path)[value] ?? value) : '—');
  const o = m.outcome;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="调解机关">{m.agencyName}</Descriptions.Item>
        <Descriptions.Item label="纠纷类别">{name('register', 'category', m.category)}</Descriptions.Item>
        <Descriptions.Item label="调解来源">{name('register', 'source', m.source)}</Descriptions.Item>
        <Descriptions.Item label="调解依据" span={{ xs: 1, sm: 2, lg: 2 }}>
          {name('register', 'basis', m.basis)}
        </Descriptions.Item>
        <Descriptions.Item label="登记日期">{m.registeredOn}</Descriptions.Item>
        <Descriptions.Item label="关联案件" span={{ xs: 1, sm: 2, lg: 3 }}>
          {m.penaltyCase ? <Link to={`/console/penalty-cases/${m.penaltyCase.id}`}>{m.penaltyCase.title}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="主持调解的工作人员" span={{ xs: 1, sm: 2, lg: 3 }}>
          {m.hosts.length ? m.hosts.join('、') : '尚未确定'}
        </Descriptions.Item>
        <Descriptions.Item label="纠纷简要事实" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{m.facts}</span>
        </Descriptions.Item>
        <Descriptions.Item label="争议焦点" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{m.points}</span>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        style={{ marginTop: 8 }}
        data-testid="parties"
        dataSource={m.parties}
        locale={{ emptyText: '无当事人' }}
        columns={[
          { title: '当事人', dataIndex: 'name' },
          { title: '身份证号或统一社会信用代码', dataIndex: 'idNumber' },
          { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: '住址', dataIndex: 'address', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {m.consent && !m.consent.agreed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={`${m.consent.on} 当事人“${m.consent.refusedBy ?? ''}”不同意调解，不予调解`}
          description={m.consent.note}
        />
      )}
      {m.sessions.map((s, i) => (
        <Alert
          key={s.seq}
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`${s.on} 第${i + 1}次调解（${s.place}）`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{s.record}</span>}
        />
      ))}
      {o && (
        <Alert
          type={o.kind === 'ended' ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="outcome"
          title={`${o.on} ${o.kind === 'ended' ? '终止行政调解' : '达成行政调解协议'}${o.number ? `（${o.number}）` : ''}`}
          description={
            o.kind === 'ended' ? (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</div>
                <div style={{ whiteSpace: 'pre-wrap' }}>其他途径及后续处理：{o.routes}</div>
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
      {m.visits.map((v) => (
        <Alert
          key={v.seq}
          type={v.performance === 'full' ? 'success' : 'info'}
          showIcon
          style={{ marginTop: 8 }}
          title={`${v.on} 回访：${name('follow-up', 'performance', v.performance)}`}
          description={v.note}
        />
      ))}
    </>
  );
}

/** The penalty cases of the user's own agency (GET /penalty-cases lists those in his scope). */
function ownCases(data: unknown, me: Me) {
  const items = (
    data as { items: { id: string; agency: { id: string }; partyName: string; decisionNumber: string | null; statusName: string }[] }
  ).items;
  return {
    'penalty-case': {
      options: items
        .filter((c) => c.agency.id === me.user.agencyId)
        .map((c) => ({ value: c.id, label: `${c.decisionNumber ?? '（未决定）'} ${c.partyName}（${c.statusName}）` })),
      none: '本机关没有可关联的行政处罚案件',
    },
  };
}

export const ADMINISTRATIVE_MEDIATIONS_CONSOLE: ProcedureConsole<AdminMediation> = {
  key: 'administrative-mediations',
  api: '/administrative-mediations',
  permission: 'mediation.administrative',
  title: 'administrativeMediations',
  openLabel: 'registerAdministrativeMediation',
  searchLabel: 'searchAdministrativeMediations',
  recordName: '行政调解',
  openedLabel: '登记日期',
  closedLabel: '结案日期',
  heading: (v) => `${v.record.parties.map((p) => p.name).join('与')}的纠纷（行政调解）`,
  Summary,
  openWidgets: { path: '/penalty-cases?limit=100', supply: ownCases },
  openDefaults: { source: 'application', basis: 'civil', penaltyCaseId: null, partyA: { kind: 'citizen' }, partyB: { kind: 'citizen' } },
};
