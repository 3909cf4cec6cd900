/**
 * 信访查询: the petitioner enters the tracking code and sees what he may see of his petition —
 * its status, the limits, how it was routed (accepted, declined with the legal route, sent
 * on), an extension and its reason, the 处理意见书 and any 复查 or 复核 — and downloads each
 * written notice as DOCX. Never anyone's personal data nor the investigation notes. The code
 * stays in this page's memory, never in the address.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router-dom';
import { ApiError, download, post } from '../../api';
import { ActionErrorAlert } from '../../ActionErrorAlert';
import { useT } from '../../i18n';
import type { PublicPetitionReview, PublicPetitionView } from '../../types';
import { PageTitle } from '../../heading';
import { PetitionMaterialsCard } from './PetitionMaterialsCard';
import { FactorField } from '../FactorField';
import { PublicDeadlineTable } from '../../deadlines';

const networkError = () => new ApiError(0, 'NETWORK', '网络连接中断，请稍后再试。');

function routingText(r: NonNullable<PublicPetitionView['routing']>): string {
  if (r.kind === 'accept') return `${r.on} 已受理`;
  if (r.kind === 'decline') return `${r.on} 不予受理：${r.route ?? ''}`;
  if (r.kind === 'procedure') return `${r.on} 已转入法定程序：${r.route ?? ''}（登记为${r.to ?? ''}）`;
  return `${r.on} 已${r.kind === 'transfer' ? '转送' : '交办'}${r.to ?? ''}`;
}

function ReviewCard({ what, rv }: { what: string; rv: PublicPetitionReview }) {
  return (
    <Card title={what} size="small" data-testid={`track-${what}`}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={`${what}机关`}>{rv.body}</Descriptions.Item>
        <Descriptions.Item label="请求日期">{rv.requestedOn}</Descriptions.Item>
        {rv.reply && <Descriptions.Item label={`${what}结论`}>{rv.reply.outcome}</Descriptions.Item>}
        {rv.reply && (
          <Descriptions.Item label={`${what}意见`}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{rv.reply.text}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

type ReviewRequest = NonNullable<PublicPetitionView['reviewRequest']>;

/**
 * 请求复查 / 复核 online (Art 35, 36): within its 30 days, with a second factor besides the
 * code — the last four characters of the ID number or the phone given at registration.
 * Outside the window, or after 复核, the page says why and cites the article.
 */
function ReviewRequestCard({
  rr,
  busy,
  error,
  onSubmit,
}: {
  rr: ReviewRequest;
  busy: boolean;
  error: ApiError | undefined;
  onSubmit: (v: { verify: string; body: string; reason: string }) => void;
}) {
  if (rr.kind === 'closed')
    return (
      <Alert
        type="info"
        showIcon
        data-testid="track-review-request"
        title="本信访事项已经复核终结"
        description="信访人对复核意见不服，仍以同一事实和理由提出投诉请求的，不再受理（《信访工作条例》第三十六条）。"
      />
    );
  const article = rr.kind === 'review' ? '第三十五条' : '第三十六条';
  const from = rr.kind === 'review' ? '收到信访处理意见书' : '收到复查意见';
  if (!rr.open)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="track-review-request"
        title={`请求${rr.title}的期限已于 ${rr.until ?? '—'} 届满`}
        description={`应当自${from}之日起 30 日内请求${rr.title}（《信访工作条例》${article}）。`}
      />
    );
  return (
    <Card title={`请求${rr.title}`} size="small" data-testid="track-review-request">
      <Typography.Paragraph>
        对{rr.kind === 'review' ? '处理意见' : '复查意见'}不服的，可以自{from}之日起 30 日内（{rr.until} 前）请求{rr.title}
        （《信访工作条例》
        {article}）。
      </Typography.Paragraph>
      {!rr.verifiable ? (
        <Alert type="info" showIcon title={`登记时未留身份证号或电话，无法在线验证身份，请向信访部门书面请求${rr.title}。`} />
      ) : (
        <Form
          layout="vertical"
          onFinish={(v) => onSubmit(v)}
          initialValues={{ body: rr.kind === 'review' ? '原处理机关的上一级行政机关' : '复查机关的上一级行政机关' }}
        >
          {error && <ActionErrorAlert error={error} />}
          <FactorField />
          <Form.Item name="body" label={`${rr.title}机关`} rules={[{ required: true, message: `请填写${rr.title}机关` }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={`${rr.title}请求和理由`}
            rules={[
              { required: true, message: '请填写请求和理由' },
              { max: 2000, message: '不能超过 2000 个字' },
            ]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-review-request">
            提交{rr.title}请求
          </Button>
        </Form>
      )}
    </Card>
  );
}

export default function PetitionTrackingPage() {
  const t = useT();
  const { message } = App.useApp();
  const location = useLocation();
  const [code, setCode] = useState<string>((location.state as { code?: string } | null)?.code ?? '');
  const [view, setView] = useState<PublicPetitionView | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [rating, setRating] = useState(false);
  const [rateError, setRateError] = useState<ApiError>();
  const [requesting, setRequesting] = useState(false);
  const [requestError, setRequestError] = useState<ApiError>();

  const look = async (c: string) => {
    if (!c.trim()) return;
    setBusy(true);
    try {
      setView(await post<PublicPetitionView>('/public/petitions/track', { code: c.trim() }, { anonymous: true }));
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

  const rate = async (v: { rating: string; comment?: string }) => {
    setRating(true);
    try {
      const body = { code: code.trim(), rating: v.rating, comment: v.comment?.trim() ? v.comment.trim() : null };
      setView(await post<PublicPetitionView>('/public/petitions/track/rate', body, { anonymous: true }));
      setRateError(undefined);
      void message.success('感谢您的评价');
    } catch (e) {
      setRateError(e instanceof ApiError ? e : networkError());
    } finally {
      setRating(false);
    }
  };

  const requestReview = async (v: { verify: string; body: string; reason: string }) => {
    setRequesting(true);
    try {
      const body = { code: code.trim(), verify: v.verify.trim(), body: v.body.trim(), reason: v.reason.trim() };
      setView(await post<PublicPetitionView>('/public/petitions/track/review', body, { anonymous: true }));
      setRequestError(undefined);
      void message.success('请求已提交');
    } catch (e) {
      setRequestError(e instanceof ApiError ? e : networkError());
    } finally {
      setRequesting(false);
    }
  };

  const fetchDocument = async (d: PublicPetitionView['documents'][number]) => {
    try {
      await download('/public/petitions/track/document', `${d.title}.docx`, { code: code.trim(), documentId: d.id });
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<PageTitle>{t('trackPetition')}</PageTitle>}>
        <Typography.Paragraph>输入提出信访事项时得到的查询码，查看受理、办理情况和处理意见。</Typography.Paragraph>
        <Form layout="inline" onFinish={() => void look(code)} style={{ rowGap: 8 }}>
          <Form.Item label={t('trackingCode')} htmlFor="petition-code-input" required>
            <Input
              id="petition-code-input"
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
            title={error.status === 404 ? '查询码不正确，或没有对应的信访事项' : error.message}
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
              <Descriptions.Item label="登记号">{view.number ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="收到日期">{view.receivedOn}</Descriptions.Item>
              <Descriptions.Item label="问题类别">{view.category}</Descriptions.Item>
              <Descriptions.Item label="信访请求" span={{ xs: 1, sm: 2 }}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{view.request}</span>
              </Descriptions.Item>
            </Descriptions>
            <PublicDeadlineTable deadlines={view.deadlines} />
          </Card>
          {view.routing && (
            <Alert
              type={view.routing.kind === 'accept' ? 'success' : 'info'}
              showIcon
              data-testid="track-routing"
              title={routingText(view.routing)}
              description={view.routing.reason ?? undefined}
            />
          )}
          {view.extension && (
            <Alert
              type="info"
              showIcon
              title={`经批准，办理期限延长 ${view.extension.days} 日，至 ${view.extension.until}`}
              description={`延期理由：${view.extension.reason}`}
            />
          )}
          {view.opinion && (
            <Card title="信访处理意见" size="small" data-testid="track-opinion">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="处理意见">{view.opinion.outcome}</Descriptions.Item>
                <Descriptions.Item label="意见书文号">{view.opinion.number ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="日期">{view.opinion.on}</Descriptions.Item>
                <Descriptions.Item label="处理意见和理由">
                  <span style={{ whiteSpace: 'pre-wrap' }}>{view.opinion.text}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          {view.agreement && (
            <Card title={view.agreement.kind} size="small" data-testid="track-agreement">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="协议日期">{view.agreement.on}</Descriptions.Item>
                {view.agreement.number && <Descriptions.Item label="编号">{view.agreement.number}</Descriptions.Item>}
                <Descriptions.Item label="协议内容">
                  <span style={{ whiteSpace: 'pre-wrap' }}>{view.agreement.terms}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          {view.review && <ReviewCard what="复查" rv={view.review} />}
          {view.recheck && <ReviewCard what="复核" rv={view.recheck} />}
          {view.reviewRequest && (
            <ReviewRequestCard rr={view.reviewRequest} busy={requesting} error={requestError} onSubmit={(v) => void requestReview(v)} />
          )}
          <PetitionMaterialsCard code={code.trim()} materials={view.materials} onSent={setView} />
          {(view.canRate || view.ratings.length > 0) && (
            <Card title="满意度评价" size="small" data-testid="track-rating">
              {view.ratings.map((x) => (
                <Typography.Paragraph key={x.on + x.rating}>
                  {x.on} 您的评价：{x.rating}
                </Typography.Paragraph>
              ))}
              {view.canRate && (
                <Form layout="vertical" onFinish={(v) => void rate(v)} initialValues={{ rating: 'satisfied' }}>
                  {rateError && <ActionErrorAlert error={rateError} />}
                  <Form.Item name="rating" label="您对本次处理的评价" rules={[{ required: true, message: '请选择评价' }]}>
                    <Radio.Group
                      options={[
                        { value: 'satisfied', label: '满意' },
                        { value: 'basically-satisfied', label: '基本满意' },
                        { value: 'dissatisfied', label: '不满意' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name="comment" label="意见和建议（选填）" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
                    <Input.TextArea rows={3} maxLength={500} showCount />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={rating} data-testid="submit-rating">
                    提交评价
                  </Button>
                </Form>
              )}
            </Card>
          )}
          {view.documents.length > 0 && (
            <Card title="告知书、意见书（DOCX）" size="small">
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
