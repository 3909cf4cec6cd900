import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Select, Space, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useResource } from '../../hooks';
import { get, type ApiError } from '../../api';
import { useT } from '../../i18n';
import type { DeadlineResult, DeadlineRule } from '../../types';
import { PageTitle } from '../../heading';

export default function DeadlinePage() {
  const t = useT();
  const rules = useResource<{ items: DeadlineRule[] }>('/deadlines');
  const [rule, setRule] = useState<string>();
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [result, setResult] = useState<DeadlineResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const compute = async () => {
    if (!rule || !from) return;
    setBusy(true);
    try {
      setResult(await get<DeadlineResult>(`/deadlines/${rule}?from=${from.format('YYYY-MM-DD')}`));
      setError(undefined);
    } catch (e) {
      setError((e as ApiError).message);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={<PageTitle>{t('calculator')}</PageTitle>}
      extra={<Typography.Text type="secondary">按法定计算规则及国务院办公厅节假日安排计算</Typography.Text>}
    >
      <Form layout="inline" onFinish={compute} style={{ marginBottom: 24, rowGap: 12 }}>
        <Form.Item label="期限规则" required>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择法定期限"
            // Beside its label on one line, within a phone's width.
            style={{ width: 420, maxWidth: 'calc(100vw - 170px)' }}
            value={rule}
            onChange={setRule}
            loading={rules.loading}
            aria-label="期限规则"
            // The rule's name only: its id is the API's, not the reader's.
            options={(rules.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
          />
        </Form.Item>
        <Form.Item label="起算日" required>
          <DatePicker value={from} onChange={setFrom} aria-label="起算日" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!rule || !from}>
          计算
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {result.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} />
          ))}
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label="事项">{result.title}</Descriptions.Item>
            <Descriptions.Item label="届满日">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="due">
                {result.due}
              </Typography.Title>
            </Descriptions.Item>
            <Descriptions.Item label="依据">{result.citation}</Descriptions.Item>
            <Descriptions.Item label="计算说明">{result.explanation.summary}</Descriptions.Item>
          </Descriptions>
          {result.explanation.steps.length > 0 && (
            <Timeline
              items={result.explanation.steps.map((s) => ({
                color: s.counted ? 'green' : 'gray',
                children: `${s.date}${s.to ? ` 至 ${s.to}` : ''}：${s.reason}`,
              }))}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
