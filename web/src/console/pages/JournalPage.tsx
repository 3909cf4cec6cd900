import { Card, Descriptions, Typography } from 'antd';
import { usePagedList, useResource } from '../../hooks';
import { emptyText, LoadMore } from '../../components';
import type { Checkpoint, WitnessView } from '../../types';
import { chinaTime } from '../../time';
import { LatestWitnessCard, WitnessingCard } from './WitnessCards';
import { JournalEntries, type JournalEntryView } from '../journal/JournalEntries';

export default function JournalPage() {
  const list = usePagedList<JournalEntryView>('/journal/actions?limit=100');
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
            <Descriptions.Item label="签发时间（北京时间）">{chinaTime(cp.data.timestamp, true)}</Descriptions.Item>
            <Descriptions.Item label="签名公钥 ID">{key.data?.keyId}</Descriptions.Item>
          </Descriptions>
        ) : (
          emptyText(cp.error?.message ?? '加载中')
        )}
      </Card>
      <LatestWitnessCard view={witness.data} error={witness.error?.message} checkpointSize={cp.data?.size} />
      <WitnessingCard view={witness.data} />
      <Card title="操作日志（只增不改，按数据权限显示）">
        <JournalEntries entries={list.items} loading={list.loading} testId="journal-entries" withSubject />
        <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      </Card>
    </>
  );
}
