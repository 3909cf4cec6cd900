/**
 * 行政复议查询: with the tracking code and the last 4 of the ID number or phone given, the
 * applicant sees what he may see of his application — its status, the deadlines he is told
 * of, each step taken (补正, 受理 or 不予受理, 延长, the decision, 调解, 终止) — and downloads the
 * documents addressed to him as DOCX. Never personal data, the respondent's answer or
 * evidence. The code and the factor stay in this page's memory, never in the address.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router-dom';
import { ApiError, download, post } from '../../api';
import { inputIssuesOf } from '../../ActionErrorAlert';
import { useT } from '../../i18n';
import type { PublicReconsiderationView } from '../../types';
import { PageTitle } from '../../heading';
import { FactorField } from '../FactorField';
import { PublicDeadlineTable } from '../../deadlines';

interface Asked {
  code: string;
  verify: string;
}

const networkError = () => new ApiError(0, 'NETWORK', '网络连接中断，请稍后再试。');

/** The steps taken, in the order the law takes them, each as one line of the timeline. */
function steps(v: PublicReconsiderationView) {
  const pre = (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
  return [
    v.correction && {
      key: 'correction',
      on: v.correction.on,
      content: (
        <>
          复议机构通知补正，请于 {v.correction.answerBy} 前向{v.agency}提交补正材料（无正当理由逾期不补正的，视为放弃申请）：
          <br />
          {pre(v.correction.items)}
        </>
      ),
    },
    v.acceptance && {
      key: 'acceptance',
      on: v.acceptance.on,
      content: v.acceptance.deemed
        ? '复议机构在审查期限内未作出不予受理决定，自审查期限届满之日起视为受理（《中华人民共和国行政复议法》第三十条）'
        : `已受理，适用${v.acceptance.simple ? '简易程序' : '普通程序'}`,
    },
    v.refusal && { key: 'refusal', on: v.refusal.on, content: <>决定不予受理：{pre(v.refusal.reason)}</> },
    v.extension && {
      key: 'extension',
      on: null,
      content: `经批准，审理期限延长 ${v.extension.days} 日，至 ${v.extension.until}`,
    },
    v.decision && {
      key: 'decision',
      on: v.decision.on,
      content: `作出行政复议决定：${v.decision.type}${v.decision.number ? `（${v.decision.number}）` : ''}`,
    },
    v.settlement && {
      key: 'settlement',
      on: v.settlement.on,
      content: `经调解达成协议，制作行政复议调解书${v.settlement.number ? `（${v.settlement.number}）` : ''}`,
    },
    v.termination && { key: 'termination', on: v.termination.on, content: `终止行政复议：${v.termination.ground}` },
  ].filter((s) => !!s);
}

function Progress({ view }: { view: PublicReconsiderationView }) {
  const taken = steps(view);
  return (
    <Card title="办理情况" size="small" data-testid="track-result">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="办理状态">
          <Tag color="blue" data-testid="track-status">
            {view.statusName}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="复议机构">{view.agency}</Descriptions.Item>
        <Descriptions.Item label="被申请人">{view.respondent}</Descriptions.Item>
        <Descriptions.Item label="收到申请日期">{view.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="申请复议的行政行为" span={{ xs: 1, sm: 2 }}>
          {view.challengedAct}
        </Descriptions.Item>
        <Descriptions.Item label="行政复议请求" span={{ xs: 1, sm: 2 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{view.requests}</span>
        </Descriptions.Item>
      </Descriptions>
      {view.suspended && <Alert type="info" showIcon title="行政复议已中止审理，恢复审理前不计算审理期限" />}
      <PublicDeadlineTable deadlines={view.deadlines} />
      {taken.length > 0 && (
        <section data-testid="track-steps" style={{ marginTop: 16 }}>
          <Typography.Title level={2} style={{ fontSize: 14, marginTop: 0 }}>
            办理经过
          </Typography.Title>
          {/* The date above its step, not beside it: a phone's width keeps the text. */}
          <Timeline
            items={taken.map((s) => ({
              key: s.key,
              content: (
                <div data-step={s.key}>
                  {s.on && <Typography.Text strong>{s.on}</Typography.Text>}
                  <div>{s.content}</div>
                </div>
              ),
            }))}
          />
        </section>
      )}
    </Card>
  );
}

export default function ReconsiderationTrackingPage() {
  const t = useT();
  const { message } = App.useApp();
  const passed = (useLocation().state as { code?: string } | null)?.code;
  const [view, setView] = useState<PublicReconsiderationView | null>(null);
  // What the view shown was found with: its documents are asked for with the same.
  const [asked, setAsked] = useState<Asked>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const look = async (v: Asked) => {
    const q = { code: v.code.trim(), verify: v.verify.trim() };
    setBusy(true);
    try {
      setView(await post<PublicReconsiderationView>('/public/reconsiderations/track', q, { anonymous: true }));
      setAsked(q);
      setError(undefined);
    } catch (e) {
      setView(null);
      setError(e instanceof ApiError ? e : networkError());
    } finally {
      setBusy(false);
    }
  };

  const fetchDocument = async (d: PublicReconsiderationView['documents'][number]) => {
    if (!asked) return;
    try {
      await download('/public/reconsiderations/track/document', `${d.title}.docx`, { ...asked, documentId: d.id });
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<PageTitle>{t('trackReconsideration')}</PageTitle>}>
        <Typography.Paragraph>
          输入申请行政复议时得到的查询码，以及申请时填写的身份证号码（统一社会信用代码）或联系电话的后 4
          位，查看受理、审理情况和复议机构送达的文书。
        </Typography.Paragraph>
        <Form<Asked>
          name="reconsideration-track"
          layout="inline"
          onFinish={(v) => void look(v)}
          initialValues={{ code: passed ?? '' }}
          style={{ rowGap: 8 }}
        >
          <Form.Item
            name="code"
            label={t('trackingCode')}
            rules={[
              { required: true, whitespace: true, message: '请输入查询码' },
              { pattern: /^\s*[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}\s*$/, message: '查询码为 16 位字母和数字' },
            ]}
          >
            <Input
              placeholder="XXXX-XXXX-XXXX-XXXX"
              autoComplete="off"
              spellCheck={false}
              style={{ width: 220, maxWidth: '100%', fontFamily: 'monospace' }}
            />
          </Form.Item>
          {/* Arriving with the code from the application page, the factor is what is left to type. */}
          <FactorField label="身份证号码或联系电话的后 4 位" autoFocus={!!passed} />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="track-submit">
            {t('track')}
          </Button>
        </Form>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            data-testid="track-error"
            title={error.message}
            description={
              inputIssuesOf(error)
                .map((i) => i.message)
                .join('；') || undefined
            }
          />
        )}
      </Card>
      {view && (
        <>
          <Progress view={view} />
          {view.documents.length > 0 && (
            <Card title="复议机构送达的文书（DOCX）" size="small" data-testid="track-documents">
              <Space wrap>
                {view.documents.map((d) => (
                  <Button
                    key={d.id}
                    icon={<DownloadOutlined />}
                    onClick={() => void fetchDocument(d)}
                    data-doc={d.id}
                    // A long title and number wrap on a phone rather than run out of the card.
                    style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                  >
                    {d.title}
                    {d.number ? `（${d.number}）` : ''}
                  </Button>
                ))}
              </Space>
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
