/**
 * One record of any procedure: its status, what it says, the actions the user may take now
 * (each opens the form the server's schema describes), its statutory deadlines with their
 * articles, its numbered documents (print view, DOCX), its evidence when its procedure keeps
 * any (files attached through the evidence panel) and its journal.
 */
import { useState } from 'react';
import { App, Button, Card, Col, List, Row, Space, Tabs, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { download, post, type ApiError } from '../../api';
import { useResource } from '../../hooks';
import { ErrorResult } from '../../components';
import { useT } from '../../i18n';
import { PageTitle } from '../../heading';
import { DeadlineTable, OverdueBanner } from '../../deadlines';
import { SchemaForm, type Widgets } from './SchemaForm';
import { ActionBar } from './ActionBar';
import { PayloadSummary } from './PayloadSummary';
import { LinkedFromNote } from './LinkedFromNote';
import type { LinkedFrom } from '../../../../src/procedure/links';
import type { Offer, OfferedRequest } from '../../../../src/procedure/decide';
import { JournalEntries } from '../journal/JournalEntries';
import { EvidencePanel } from '../evidence/EvidencePanel';
import type { ProcedureConsole } from './config';
import type { DocumentSummary, JournalEntry, ProcedureDictionaries, RecordView } from './types';

/** The items a withdrawing action may name (its `evidence` widget): those not yet withdrawn. */
const evidenceOptions = (items: RecordView['evidence']): Widgets => ({
  evidence: {
    options: (items ?? []).filter((e) => !e.withdrawn).map((e) => ({ value: e.seq, label: e.title })),
    none: '没有可撤回的材料',
  },
});

export default function ProcedureRecordPage<S>({ config }: { config: ProcedureConsole<S> }) {
  const { id } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const base = `${config.api}/${id}`;
  const view = useResource<RecordView<S>>(base);
  const docs = useResource<{ items: DocumentSummary[] }>(`${base}/documents`);
  const journal = useResource<{ items: JournalEntry[] }>(`${base}/actions`);
  const dict = useResource<ProcedureDictionaries>(`${config.api}/dictionaries`);
  const [acting, setActing] = useState<Offer | null>(null);
  const [exporting, setExporting] = useState(false);
  const actionSource = useResource<unknown>(acting && config.actionWidgets ? config.actionWidgets.path : null);
  const actionWidgets =
    config.actionWidgets && actionSource.data !== undefined ? config.actionWidgets.supply(actionSource.data) : undefined;
  if (view.error) return <ErrorResult error={view.error} />;
  const v = view.data;
  if (!v || !dict.data) return <Card loading />;
  const spec = dict.data.actions.find((a) => a.type === acting?.type);
  // Files are attached from the evidence panel, where the uploaded file is at hand.
  const attaching = new Set(dict.data.actions.filter((a) => a.evidence === 'attach').map((a) => a.type));
  const actions = v.allowedActions.filter((a) => !attaching.has(a.type));
  const evidenceWords = dict.data.evidence;
  const reload = () => Promise.all([view.reload(), docs.reload(), journal.reload()]);
  const exportFile = async () => {
    setExporting(true);
    try {
      await download(`${base}/case-file`, 'case-file.zip');
    } catch (e) {
      void message.error((e as ApiError).message);
    } finally {
      setExporting(false);
    }
  };
  const back = `/console/${config.key}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <OverdueBanner deadlines={v.deadlines} />
      <Card
        title={
          <Space wrap>
            <PageTitle>{config.heading(v)}</PageTitle>
            <Tag color="blue" data-testid="record-status">
              {v.statusName}
            </Tag>
            {v.suspended && <Tag color="purple">中止</Tag>}
          </Space>
        }
        extra={<Link to={back}>返回{config.recordName}列表</Link>}
      >
        <config.Summary view={v} dict={dict.data} />
        <LinkedFromNote from={(v.record as { linkedFrom?: LinkedFrom }).linkedFrom} />
        <div style={{ marginTop: 16 }}>
          <ActionBar offers={actions} upcoming={v.upcoming} onAct={setActing}>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportFile()}
              data-testid="export-case-file"
              title="案卷 PDF、文书 DOCX 原件、SHA-256 清单与日志包含证明"
            >
              {t('exportCaseFile')}
            </Button>
          </ActionBar>
        </div>
      </Card>
      <Tabs
        defaultActiveKey="progress"
        items={[
          {
            key: 'progress',
            label: '期限与文书',
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={14}>
                  <Card title="法定期限" size="small">
                    <DeadlineTable deadlines={v.deadlines} emptyText="没有进行中的法定期限" />
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <Card title="文书" size="small">
                    <List
                      size="small"
                      dataSource={docs.data?.items ?? []}
                      locale={{ emptyText: '尚无文书' }}
                      renderItem={(d) => (
                        <List.Item
                          actions={[
                            <Link
                              key="view"
                              to={`/console/${config.key}/${id}/documents/${encodeURIComponent(d.id)}`}
                              aria-label={`查看/打印：${d.title}`}
                            >
                              查看/打印
                            </Link>,
                            <a
                              key="docx"
                              href={`/api/v1${base}/documents/${encodeURIComponent(d.id)}/docx`}
                              data-doc={d.id}
                              aria-label={`下载 DOCX：${d.title}`}
                            >
                              下载 DOCX
                            </a>,
                          ]}
                        >
                          <span>
                            {d.title}
                            {d.number ? <span style={{ color: '#595959' }}> {d.number}</span> : null}
                          </span>
                        </List.Item>
                      )}
                    />
                  </Card>
                </Col>
                {v.evidence && evidenceWords && (
                  <Col xs={24}>
                    <EvidencePanel
                      base={base}
                      recordId={v.id}
                      items={v.evidence}
                      dict={{ ...dict.data, evidence: evidenceWords }}
                      allowed={v.allowedActions.map((a) => a.type)}
                      handle={config.evidencePermission}
                      onChanged={reload}
                    />
                  </Col>
                )}
              </Row>
            ),
          },
          {
            key: 'journal',
            label: '全过程记录（日志）',
            children: (
              <Card size="small">
                <JournalEntries entries={journal.data?.items ?? []} testId="record-journal" />
              </Card>
            ),
          },
        ]}
      />
      {spec && acting && (
        <SchemaForm
          title={acting.title}
          schema={spec.schema}
          today={dict.data.today}
          widgets={{ ...evidenceOptions(v.evidence), ...config.widgetOptions?.(v), ...actionWidgets }}
          preset={acting.preset}
          intro={acting.request && <RequestIntro request={acting.request} dict={dict.data} />}
          open
          onCancel={() => setActing(null)}
          onSubmit={async (payload, idempotencyKey) => {
            await post(`${base}/actions`, { type: spec.type, payload }, { idempotencyKey });
            void message.success(`${acting.title}：已完成`);
            setActing(null);
            await reload();
          }}
        />
      )}
    </Space>
  );
}

/** The request an approval answers, as it was made (the requesting action's fields by their titles). */
function RequestIntro({ request, dict }: { request: OfferedRequest; dict: ProcedureDictionaries }) {
  const schema = dict.actions.find((a) => a.type === request.requestType)?.schema;
  if (!schema) return null;
  return <PayloadSummary title={`审批事项：${request.name}（${request.requestedOn} 提出）`} schema={schema} payload={request.payload} />;
}
