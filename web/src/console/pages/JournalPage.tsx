import { Card, Descriptions, Table, Typography } from 'antd';
import { usePagedList, useResource } from '../../hooks';
import { emptyText, LoadMore } from '../../components';
import type { Action, Checkpoint, WitnessView } from '../../types';
import { LatestWitnessCard, WitnessingCard } from './WitnessCards';

export default function JournalPage() {
  const list = usePagedList<Action>('/journal/actions?limit=100');
  const cp = useResource<Checkpoint>('/journal/checkpoint');
  const key = useResource<{ keyId: string; publicKeyPem: string }>('/journal/public-key');
  const witness = useResource<WitnessView>('/journal/witness');
  return (
    <>
      <Card title="最新签名检查点" style={{ marginBottom: 16 }}>
        {cp.data ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="日志规模">{cp.data.size} 条</Descriptions.Item>
            <Descriptions.Item label="根哈希">
              <Typography.Text code copyable>
                {cp.data.rootHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="签发时间">{cp.data.timestamp}</Descriptions.Item>
            <Descriptions.Item label="签名公钥 ID">{key.data?.keyId}</Descriptions.Item>
          </Descriptions>
        ) : (
          emptyText(cp.error?.message ?? '加载中')
        )}
      </Card>
      <LatestWitnessCard view={witness.data} error={witness.error?.message} checkpointSize={cp.data?.size} />
      <WitnessingCard view={witness.data} />
      <Card title="操作日志（只增不改，按数据权限显示）">
        <Table<Action>
          rowKey="seq"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          size="small"
          locale={{ emptyText: emptyText('暂无记录') }}
          expandable={{
            // A payload the reader may not see says why (its record's read rule), rather than showing nothing.
            expandedRowRender: (a) =>
              a.withheld ? (
                <Typography.Text type="secondary">内容不予显示：{a.withheld.message}</Typography.Text>
              ) : (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(a.payload, null, 2)}</pre>
              ),
          }}
          columns={[
            { title: '序号', dataIndex: 'seq' },
            { title: '操作', dataIndex: 'type' },
            { title: '对象', render: (_, a) => (a.subject ? `${a.subject.type} ${a.subject.id.slice(0, 8)}` : '—') },
            { title: '角色', render: (_, a) => a.actor.role ?? '—' },
            { title: '接收时间', dataIndex: 'receivedAt' },
            { title: '叶哈希', dataIndex: 'leafHash', render: (h: string) => <Typography.Text code>{h.slice(0, 16)}…</Typography.Text> },
          ]}
        />
        <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      </Card>
    </>
  );
}
