/**
 * The party's own view of his publication (issue 13 §5), under the verify page: with the last 4
 * of his ID number or phone he sees where the publication stands, what the public sees, and the
 * ground of each mask and each manual redaction (POST /public/verify/:code/party).
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Table, Typography } from 'antd';
import { ApiError, post } from '../../api';
import { ActionErrorAlert } from '../../ActionErrorAlert';
import type { MaskedField, PublicDecision } from '../../../../src/modules/disclosure/masks';
import { DECISION_LABELS } from '../../decision-labels';
import { FactorField } from '../FactorField';
import { Scrollable } from '../../Scrollable';

interface PartyView {
  publication: {
    status: 'pending' | 'released' | 'withdrawn';
    statusName: string;
    dueOn: string;
    releasedOn: string | null;
    onPortalUntil: string | null;
    onPortal: boolean;
    withdrawalDue: string | null;
    withdrawnOn: string | null;
  };
  publicView: Omit<PublicDecision, 'status' | 'statusName'>;
  account: { fields: MaskedField[]; redactions: { field: string; reason: string; on: string }[] };
}

function standing(p: PartyView['publication']): string {
  if (p.status === 'pending') return `待公示：应于 ${p.dueOn} 前公示`;
  if (p.status === 'withdrawn') return `已于 ${p.withdrawnOn} 撤回公示`;
  if (!p.onPortal) return `已于 ${p.releasedOn} 公示，展示期已满，已从门户撤下`;
  const withdrawing = p.withdrawalDue ? `；决定已被改变或撤销，应于 ${p.withdrawalDue} 前撤回` : '';
  return `已于 ${p.releasedOn} 公示，展示至 ${p.onPortalUntil}${withdrawing}`;
}

function Account({ v }: { v: PartyView }) {
  const d = v.publicView;
  const labels = DECISION_LABELS[d.category];
  return (
    <div data-testid="party-view">
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="公示状态">{standing(v.publication)}</Descriptions.Item>
        <Descriptions.Item label="公众看到的当事人">{d.party.name}</Descriptions.Item>
        <Descriptions.Item label="违法行为类型">{d.violationType}</Descriptions.Item>
        <Descriptions.Item label={labels.conclusion}>{d.penalty}</Descriptions.Item>
        <Descriptions.Item label={labels.basis}>{d.basis}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        您的个人信息如何处理
      </Typography.Title>
      <Scrollable label="个人信息的处理">
        <Table<MaskedField>
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={v.account.fields}
          columns={[
            { title: '项目', dataIndex: 'field' },
            { title: '公众看到', dataIndex: 'shownAs', render: (s: string | null) => s ?? '—' },
            { title: '处理方式', dataIndex: 'treatment' },
            { title: '依据', dataIndex: 'citation', render: (c: string | null) => c ?? '—' },
          ]}
        />
      </Scrollable>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        人工遮盖
      </Typography.Title>
      {v.account.redactions.length ? (
        <Scrollable label="人工遮盖">
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.field}-${r.on}-${r.reason}`}
            dataSource={v.account.redactions}
            columns={[
              { title: '遮盖的内容', dataIndex: 'field' },
              { title: '理由', dataIndex: 'reason' },
              { title: '日期', dataIndex: 'on' },
            ]}
          />
        </Scrollable>
      ) : (
        <Typography.Paragraph type="secondary">没有人工遮盖的内容。</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">如认为公示内容有误或侵犯您的合法权益，可以向作出决定的机关提出。</Typography.Paragraph>
    </div>
  );
}

export function PartyViewCard({ code }: { code: string }) {
  const [view, setView] = useState<PartyView>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ verify }: { verify: string }) => {
    setBusy(true);
    try {
      setView(await post<PartyView>(`/public/verify/${encodeURIComponent(code)}/party`, { verify: verify.trim() }, { anonymous: true }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', '网络连接中断，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="我是当事人：查看本人的公示情况" style={{ marginTop: 16 }}>
      {view ? (
        <Account v={view} />
      ) : (
        <Form layout="vertical" onFinish={submit}>
          <Typography.Paragraph type="secondary">
            当事人可以查看该决定的公示状态和期限、公众看到的内容，以及每项个人信息的处理方式和依据。
          </Typography.Paragraph>
          {error &&
            (error.status === 404 ? (
              <Alert type="info" showIcon message={error.message} style={{ marginBottom: 12 }} />
            ) : (
              <ActionErrorAlert error={error} />
            ))}
          <FactorField label="本案登记的当事人身份证件号码或联系电话的后 4 位" />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="party-view-submit">
            查看
          </Button>
        </Form>
      )}
    </Card>
  );
}
