import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { download, post, type ApiError } from '../../api';
import { useResource } from '../../hooks';
import { LinkedFromNote } from '../procedure/LinkedFromNote';
import { ErrorResult } from '../../components';
import { useT } from '../../i18n';
import { PageTitle } from '../../heading';
import { ActionForm, caseInitialValues, type FormContext } from './ActionForm';
import { ActionBar } from '../procedure/ActionBar';
import { PayloadSummary, yuanText } from '../procedure/PayloadSummary';
import type { Offer } from '../../../../src/procedure/decide';
import { FileCheckCard } from './FileCheckCard';
import { LatePaymentAlert } from './LatePaymentAlert';
import { WeighingCard } from './WeighingCard';
import { DecisionChanges } from './DecisionChanges';
import { useFormContext } from './useFormContext';
import { can, useSession } from '../session';
import { EvidenceCard, RecordingsCard } from './evidence/EvidenceCard';
import { EvidenceForm } from './evidence/EvidenceForm';
import { useFilePicker } from '../evidence/UploadPanel';
import { uploadQueue } from '../evidence/queue';
import type { PendingFile } from '../evidence/held';
import { DeadlineTable, OverdueBanner } from '../../deadlines';
import { JournalEntries, type JournalEntryView } from '../journal/JournalEntries';
import { yuan, type CaseView, type Dictionaries, type DocumentSummary } from './types';

export default function PenaltyCasePage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const view = useResource<CaseView>(`/penalty-cases/${id}`);
  const docs = useResource<{ items: DocumentSummary[] }>(`/penalty-cases/${id}/documents`);
  const journal = useResource<{ items: JournalEntryView[] }>(`/penalty-cases/${id}/actions`);
  const dict = useResource<Dictionaries>('/penalty-cases/dictionaries');
  const [acting, setActing] = useState<Offer | null>(null);
  const [exporting, setExporting] = useState(false);
  /** The evidence registration form: open with an uploaded file, or with none (null) */
  const [registering, setRegistering] = useState<{ item: PendingFile | null } | null>(null);
  const me = useSession();
  const picker = useFilePicker((files, intent) => {
    if (id) uploadQueue.add(files, id, intent, 'penalty-case').catch((e: unknown) => void message.error((e as Error).message));
  });
  const t = useT();
  const ctx = useFormContext(view.data?.agency.id ?? null, view.data?.case.violationTypeId ?? null, view.data?.case.field ?? null);
  if (view.error) return <ErrorResult error={view.error} />;
  const v = view.data;
  if (!v) return <Card loading />;
  const c = v.case;
  const spec = dict.data?.actions.find((a) => a.type === acting?.type);
  const reload = () => Promise.all([view.reload(), docs.reload(), journal.reload()]);
  const canAddEvidence = v.allowedActions.some((a) => a.type === 'penalty.add-evidence');
  const canUpload = canAddEvidence && can(me, 'evidence.upload');
  const exportCaseFile = async () => {
    setExporting(true);
    try {
      await download(`/penalty-cases/${id}/case-file`, 'case-file.zip');
    } catch (e) {
      void message.error((e as ApiError).message);
    } finally {
      setExporting(false);
    }
  };
  const fileCheck = v.fileCheck && (
    <FileCheckCard
      check={v.fileCheck}
      status={v.status}
      rules={{ archiveWhenIncomplete: ctx?.archiveWhenIncomplete, archiveWithoutRecording: ctx?.archiveWithoutRecording }}
    />
  );
  // Once the case is closed, 归档 waits on the 评查: the card comes first.
  const checkFirst = v.status === 'closed';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <OverdueBanner deadlines={v.deadlines} />
      <Card
        title={
          <Space wrap>
            <PageTitle>{c.party.name}</PageTitle>
            <Tag color="blue" data-testid="case-status">
              {v.statusName}
            </Tag>
            {v.suspended && <Tag color="purple">中止</Tag>}
            {c.proposal?.major && <Tag color="gold">重大执法决定</Tag>}
          </Space>
        }
        extra={<Link to="/console/penalty-cases">{t('backToCases')}</Link>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="执法主体">{v.agency.name}</Descriptions.Item>
          <Descriptions.Item label="程序">{dict.data?.procedures[v.procedure]}</Descriptions.Item>
          <Descriptions.Item label="执法类别">{c.field}</Descriptions.Item>
          <Descriptions.Item label="案件来源">
            {dict.data?.sources[c.source.kind]}（{c.source.receivedOn}）
          </Descriptions.Item>
          <Descriptions.Item label="立案号">{c.filingNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="决定书文号">{c.decision?.number ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="当事人地址">{c.party.address}</Descriptions.Item>
          <Descriptions.Item label="拟处理意见">
            {c.proposal
              ? `${dict.data?.outcomes[c.proposal.outcome]?.name ?? ''}${c.proposal.fineFen ? `，罚款 ${yuan(c.proposal.fineFen)}` : ''}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="案情">{c.source.summary}</Descriptions.Item>
        </Descriptions>
        <LinkedFromNote from={c.linkedFrom} />
        {c.proposal?.outsideBenchmark.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            message={`超出裁量基准：${c.proposal.outsideBenchmark.join('；')}`}
            description={`理由：${c.proposal.discretionReason ?? ''}`}
          />
        ) : null}
        <WeighingCard c={c} dict={dict.data} />
        <DecisionChanges c={c} dict={dict.data} />
        {c.pending.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            message={`待负责人审批：${c.pending.map((p) => dict.data?.approvalKinds[p.kind] ?? p.kind).join('、')}`}
          />
        )}
        {v.latePayment && <LatePaymentAlert late={v.latePayment} />}
        {v.decisionBlockers.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="decision-blockers"
            message="作出决定前尚需："
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {v.decisionBlockers.map((b, i) => (
                  <li key={i}>
                    {b.message}
                    {b.citation && <Typography.Text type="secondary">（{b.citation}）</Typography.Text>}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <div style={{ marginTop: 16 }}>
          <ActionBar
            offers={v.allowedActions}
            upcoming={v.upcoming}
            onAct={(o) => (o.type === 'penalty.add-evidence' ? setRegistering({ item: null }) : setActing(o))}
          >
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportCaseFile()}
              data-testid="export-case-file"
              title="案卷 PDF（封面、卷内目录、文书、备考表）、文书 DOCX 原件、SHA-256 清单与日志包含证明"
            >
              {t('exportCaseFile')}
            </Button>
          </ActionBar>
        </div>
      </Card>
      {checkFirst && fileCheck}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="法定期限" size="small">
            <DeadlineTable deadlines={v.deadlines} emptyText="立案后显示法定期限" />
            {c.extensions.map((e, i) => (
              <div key={i} style={{ marginTop: 8, color: '#555' }}>
                经批准延长办案期限 {e.days} 日（{e.approvedOn}）：{e.reason}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="案件文书" size="small">
            <List
              size="small"
              dataSource={docs.data?.items ?? []}
              locale={{ emptyText: '尚无文书' }}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Link key="view" to={`/console/penalty-cases/${id}/documents/${encodeURIComponent(d.id)}`}>
                      查看/打印
                    </Link>,
                    <a key="docx" href={`/api/v1/penalty-cases/${id}/documents/${encodeURIComponent(d.id)}/docx`} data-doc={d.id}>
                      下载 DOCX
                    </a>,
                  ]}
                >
                  <span>
                    {d.title}
                    {d.number ? <Typography.Text type="secondary"> {d.number}</Typography.Text> : null}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <EvidenceCard
            view={v}
            ctx={ctx}
            canUpload={canUpload}
            canRedact={can(me, 'penalty.act')}
            picker={picker}
            onRegister={(item) => setRegistering({ item })}
          />
        </Col>
        <Col xs={24} lg={9}>
          <RecordingsCard
            view={v}
            canUpload={canUpload}
            onUpload={(step, scene) => picker.open(window.matchMedia?.('(pointer: coarse)').matches ? 'video' : 'any', { step, scene })}
          />
        </Col>
      </Row>
      <div style={{ display: 'none' }}>{picker.inputs}</div>
      {!checkFirst && fileCheck}
      <Card title="全过程记录（日志链）" size="small">
        <JournalEntries entries={journal.data?.items ?? []} testId="case-journal" />
      </Card>
      {registering && ctx && (
        <EvidenceForm view={v} ctx={ctx} item={registering.item} open onClose={() => setRegistering(null)} onDone={reload} />
      )}
      {spec && ctx && acting && (
        <ActionForm
          title={acting.title}
          schema={spec.schema}
          ctx={ctx}
          open
          preset={acting.preset}
          initialValues={caseInitialValues(spec.schema, c)}
          intro={<OfferIntro offer={acting} view={v} dict={dict.data} ctx={ctx} />}
          onCancel={() => setActing(null)}
          onSubmit={async (payload, idempotencyKey) => {
            await post(`/penalty-cases/${id}/actions`, { type: acting.type, payload }, { idempotencyKey });
            void message.success(`${acting.title}：已完成`);
            setActing(null);
            await reload();
          }}
        />
      )}
    </Space>
  );
}

/**
 * What a form is about, above its fields: the request an approval answers, as it was made;
 * the proposal a decision decides on.
 */
function OfferIntro({ offer, view, dict, ctx }: { offer: Offer; view: CaseView; dict?: Dictionaries; ctx: FormContext }) {
  const personName = (pid: string) => ctx.people.find((p) => p.id === pid)?.name ?? '（未知人员）';
  if (offer.request) {
    const schema = dict?.actions.find((a) => a.type === offer.request!.requestType)?.schema;
    return schema ? (
      <PayloadSummary
        title={`审批事项：${offer.request.name}（${offer.request.requestedOn} 提出）`}
        schema={schema}
        payload={offer.request.payload}
        personName={personName}
      />
    ) : null;
  }
  const p = view.case.proposal;
  if (offer.type !== 'penalty.decide' || !p) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title="拟作出的决定（调查终结报告的处理意见）"
      style={{ marginBottom: 16 }}
      data-testid="decision-proposal"
    >
      <Descriptions.Item label="处理意见">{dict?.outcomes[p.outcome]?.name ?? ''}</Descriptions.Item>
      {p.kinds.length > 0 && (
        <Descriptions.Item label="处罚种类">{p.kinds.map((k) => dict?.penaltyKinds?.[k]?.name ?? k).join('、')}</Descriptions.Item>
      )}
      {p.fineFen > 0 && <Descriptions.Item label="罚款">{yuanText(p.fineFen)}</Descriptions.Item>}
      {p.confiscationFen > 0 && <Descriptions.Item label="没收金额">{yuanText(p.confiscationFen)}</Descriptions.Item>}
      <Descriptions.Item label="依据">{p.basis}</Descriptions.Item>
      <Descriptions.Item label="违法事实">{p.facts}</Descriptions.Item>
    </Descriptions>
  );
}
