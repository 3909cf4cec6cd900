import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { emptyText } from '../../components';
import type { WitnessAlert, WitnessView } from '../../types';

const ALERT_KINDS: Record<string, string> = {
  'size-decreased': '日志规模变小（尾部被删除或回滚）',
  'root-differs': '同一规模出现不同的根哈希（日志被改写）',
  inconsistent: '与见证过的检查点不一致（日志被改写）',
  'key-changed': '签名公钥被更换',
  'origin-changed': '日志名称不符',
  'bad-signature': '检查点签名无效',
};

const PUSHED: Record<string, { color: string; text: string }> = {
  accepted: { color: 'green', text: '对方已接受' },
  refused: { color: 'orange', text: '对方拒绝' },
  failed: { color: 'orange', text: '未送达' },
};

/** "最新见证": the latest checkpoint of this journal a trusted witness cosigned, or how to get one. */
export function LatestWitnessCard({
  view,
  error,
  checkpointSize,
}: {
  view: WitnessView | undefined;
  error: string | undefined;
  checkpointSize: number | undefined;
}) {
  const [latest, ...others] = view?.witnessedBy ?? [];
  return (
    <Card title="最新见证" style={{ marginBottom: 16 }} data-testid="witness-latest">
      {view?.trust.error && (
        <Alert type="error" showIcon title="受信任见证方名单无法读取" description={view.trust.error} style={{ marginBottom: 12 }} />
      )}
      {latest ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="见证方">
            {latest.witnessName}（公钥 ID <Typography.Text code>{latest.witnessKeyId}</Typography.Text>）
          </Descriptions.Item>
          <Descriptions.Item label="见证的日志规模">
            {latest.size} 条
            {checkpointSize !== undefined && checkpointSize > latest.size && (
              <Typography.Text type="secondary">（最新检查点 {checkpointSize} 条，其后部分尚待见证）</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="根哈希">
            <Typography.Text code copyable>
              {latest.rootHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="见证时间">{latest.cosignedAt}</Descriptions.Item>
          {others.length > 0 && (
            <Descriptions.Item label="其他见证方">
              <Space orientation="vertical" size={0}>
                {others.map((w) => (
                  <span key={w.witnessKeyId}>
                    {w.witnessName}（{w.witnessKeyId}）：{w.size} 条，{w.cosignedAt}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : view ? (
        emptyText(setupHint(view))
      ) : (
        emptyText(error ?? '加载中')
      )}
    </Card>
  );
}

function setupHint(view: WitnessView): string {
  const trust = view.trust.configured
    ? `本系统信任 ${view.trust.witnesses.length} 个见证方（YIFA_TRUSTED_WITNESSES）`
    : '请把见证方的公钥（其 GET /api/v1/journal/public-key）写入一个文件，并用 YIFA_TRUSTED_WITNESSES 指向它';
  return `尚无见证方联署本日志的检查点。设置方法：${trust}；再由见证方（如县司法局）定期运行 yifa journal witness <本系统地址>。有了见证，连同检查点一起删除或改写的日志也能被发现。`;
}

/** The logs this installation witnesses, their status, and its alerts in red. Nothing when it witnesses none. */
export function WitnessingCard({ view }: { view: WitnessView | undefined }) {
  if (!view || (view.witnessing.length === 0 && view.alerts.length === 0)) return null;
  return (
    <Card
      title={`本系统见证的日志（见证方：${view.self.name}，公钥 ID ${view.self.keyId}）`}
      style={{ marginBottom: 16 }}
      data-testid="witnessing"
    >
      <Table
        rowKey="origin"
        dataSource={view.witnessing}
        pagination={false}
        size="small"
        columns={[
          {
            title: '日志',
            render: (_, l) => (
              <>
                {l.origin}
                <br />
                <Typography.Text type="secondary">{l.url}</Typography.Text>
              </>
            ),
          },
          { title: '公钥 ID', dataIndex: 'keyId', render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
          {
            title: '状态',
            render: (_, l) =>
              l.status === 'alert' ? (
                <Tag color="red" data-status="alert">
                  告警
                </Tag>
              ) : (
                <Tag color="green" data-status="ok">
                  一致
                </Tag>
              ),
          },
          { title: '最近见证', render: (_, l) => (l.latest ? `${l.latest.size} 条，${l.latest.cosignedAt}` : '—') },
          {
            title: '见证签名',
            render: (_, l) =>
              l.latest ? (
                <Tag color={PUSHED[l.latest.pushed]?.color} title={l.latest.pushMessage}>
                  {PUSHED[l.latest.pushed]?.text}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {view.alerts.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          {view.alerts.map((a) => (
            <AlertRow key={a.id} alert={a} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function AlertRow({ alert }: { alert: WitnessAlert }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="witness-alert"
      title={`${alert.detectedAt}　${alert.origin}：${ALERT_KINDS[alert.kind] ?? alert.kind}`}
      description={alert.message}
    />
  );
}
