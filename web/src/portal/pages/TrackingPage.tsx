/**
 * 申请查询: the applicant enters the tracking code and sees the request's progress, the 补正
 * notice (and answers it here, while it is open), an extension, and the reply, and downloads
 * each written notice as DOCX. The code stays in this page's memory: it is never put in the
 * address (where history, logs and referrers would keep it).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router-dom';
import { ApiError, download, post } from '../../api';
import { useT } from '../../i18n';
import { ActionErrorAlert } from '../../ActionErrorAlert';
import type { PublicRequestView } from '../../types';
import { PageTitle } from '../../heading';
import { PublicDeadlineTable } from '../../deadlines';

const networkError = () => new ApiError(0, 'NETWORK', '网络连接中断，请稍后再试。');

export default function TrackingPage() {
  const t = useT();
  const { message } = App.useApp();
  const location = useLocation();
  const [code, setCode] = useState<string>((location.state as { code?: string } | null)?.code ?? '');
  const [view, setView] = useState<PublicRequestView | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [answering, setAnswering] = useState(false);
  const [answerError, setAnswerError] = useState<ApiError>();
  const [answerForm] = Form.useForm<{ answer: string }>();

  const look = async (c: string) => {
    if (!c.trim()) return;
    setBusy(true);
    try {
      setView(await post<PublicRequestView>('/public/information-requests/track', { code: c.trim() }, { anonymous: true }));
      setError(undefined);
    } catch (e) {
      setView(null);
      setError(e instanceof ApiError ? e : networkError());
    } finally {
      setBusy(false);
    }
  };
  // Arriving from the filing page with its code: look it up at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival; the code typed later is looked up on submit
  useEffect(() => {
    if (code) void look(code);
  }, []);

  const answer = async ({ answer: text }: { answer: string }) => {
    setAnswering(true);
    try {
      setView(
        await post<PublicRequestView>(
          '/public/information-requests/track/correction',
          { code: code.trim(), answer: text },
          { anonymous: true },
        ),
      );
      setAnswerError(undefined);
      answerForm.resetFields();
      void message.success('补正已提交，答复期限自本机关收到补正之日起重新计算');
    } catch (e) {
      setAnswerError(e instanceof ApiError ? e : networkError());
    } finally {
      setAnswering(false);
    }
  };

  const fetchDocument = async (d: PublicRequestView['documents'][number]) => {
    try {
      await download('/public/information-requests/track/document', `${d.title}.docx`, { code: code.trim(), documentId: d.id });
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<PageTitle>{t('trackRequest')}</PageTitle>}>
        <Typography.Paragraph>输入提交申请时得到的查询码，查看办理进度、补正告知和答复。</Typography.Paragraph>
        <Form layout="inline" onFinish={() => void look(code)} style={{ rowGap: 8 }}>
          <Form.Item label={t('trackingCode')} htmlFor="tracking-code-input" required>
            <Input
              id="tracking-code-input"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="XXXX-XXXX-XXXX-XXXX"
              autoComplete="off"
              spellCheck={false}
              style={{ width: 260, fontFamily: 'monospace' }}
            />
          </Form.Item>
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
            title={error.status === 404 ? '查询码不正确，或没有对应的申请' : error.message}
          />
        )}
      </Card>
      {view && (
        <>
          <Card title="办理情况" size="small" data-testid="track-result">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label="办理状态">
                <Tag color="blue" data-testid="track-status">
                  {view.statusName}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label="受理机关">{view.agency}</Descriptions.Item>
              <Descriptions.Item label="收到申请日期">{view.receivedOn}</Descriptions.Item>
              <Descriptions.Item label="所需信息" span={{ xs: 1, sm: 2 }}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{view.description}</span>
              </Descriptions.Item>
            </Descriptions>
            <PublicDeadlineTable deadlines={view.deadlines} title="法定期限" />
          </Card>
          {view.correction && (
            <Card title="补正告知" size="small" data-testid="track-correction">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {view.correction.noticeOn} 告知您补正以下事项：{'\n'}
                {view.correction.items}
              </Typography.Paragraph>
              <Typography.Paragraph>
                请于 {view.correction.answerBy} 前补正；无正当理由逾期不补正的，视为放弃申请。答复期限自收到补正之日起计算。
              </Typography.Paragraph>
              {view.correction.answeredOn && <Alert type="success" showIcon title={`您已于 ${view.correction.answeredOn} 提交补正`} />}
              {view.canAnswerCorrection && (
                <Form form={answerForm} layout="vertical" onFinish={(v) => void answer(v)}>
                  {answerError && <ActionErrorAlert error={answerError} />}
                  <Form.Item
                    name="answer"
                    label="补正内容"
                    rules={[
                      { required: true, whitespace: true, message: '请填写补正内容' },
                      { max: 2000, message: '不能超过 2000 个字' },
                    ]}
                  >
                    <Input.TextArea rows={4} maxLength={2000} showCount />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={answering} data-testid="answer-correction">
                    {t('answerCorrection')}
                  </Button>
                </Form>
              )}
            </Card>
          )}
          {view.extension && (
            <Alert
              type="info"
              showIcon
              title={`答复期限已延长至 ${view.extension.until}`}
              description={`延期理由：${view.extension.reason}`}
            />
          )}
          {view.reply && (
            <Card title="答复" size="small" data-testid="track-reply">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="答复类型">{view.reply.typeName}</Descriptions.Item>
                <Descriptions.Item label="答复书文号">{view.reply.number ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="答复日期">{view.reply.on}</Descriptions.Item>
                <Descriptions.Item label="答复内容">
                  <span style={{ whiteSpace: 'pre-wrap' }}>{view.reply.text}</span>
                </Descriptions.Item>
                {view.reply.ground && <Descriptions.Item label="不予公开的依据">{view.reply.ground}</Descriptions.Item>}
                {view.reply.referTo && <Descriptions.Item label="请向以下机关或途径提出">{view.reply.referTo}</Descriptions.Item>}
              </Descriptions>
            </Card>
          )}
          {view.documents.length > 0 && (
            <Card title="告知书、答复书（DOCX）" size="small">
              <Space wrap>
                {view.documents.map((d) => (
                  <Button key={d.id} icon={<DownloadOutlined />} onClick={() => void fetchDocument(d)} data-doc={d.id}>
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
