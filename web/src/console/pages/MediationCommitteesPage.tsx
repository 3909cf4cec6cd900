/** 人民调解委员会: each committee's members, chair, term and groups, with what its composition lacks (人民调解法 Arts 8–9). */
import { Alert, Card, Space, Table, Tag } from 'antd';
import { useResource } from '../../hooks';
import { ErrorResult } from '../../components';
import { PageTitle } from '../../heading';

interface Committee {
  id: string;
  name: string;
  kindName: string;
  regionName: string;
  termStart: string;
  termEnd: string;
  chair: string | null;
  members: { personId: string; name: string; positionName: string; gender: string; minority: boolean }[];
  groups: { id: string; name: string }[];
  warnings: { message: string; citation: string }[];
}

export default function MediationCommitteesPage() {
  const { data, error } = useResource<{ items: Committee[] }>('/mediation-committees');
  if (error) return <ErrorResult error={error} />;
  return (
    <Card title={<PageTitle>人民调解委员会</PageTitle>}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={!data}
        dataSource={data?.items ?? []}
        columns={[
          { title: '名称', dataIndex: 'name', key: 'name' },
          { title: '类别', dataIndex: 'kindName', key: 'kind' },
          { title: '主任', dataIndex: 'chair', key: 'chair', render: (v: string | null) => v ?? '—' },
          { title: '本届任期', key: 'term', render: (_: unknown, c: Committee) => `${c.termStart} 至 ${c.termEnd}` },
          {
            title: '委员',
            key: 'members',
            render: (_: unknown, c: Committee) =>
              c.members
                .map((m) => `${m.name}（${m.positionName}${m.gender === 'female' ? '，女' : ''}${m.minority ? '，少数民族' : ''}）`)
                .join('、'),
          },
          { title: '调解小组', key: 'groups', render: (_: unknown, c: Committee) => `${c.groups.length} 个` },
          {
            title: '组成',
            key: 'warnings',
            render: (_: unknown, c: Committee) =>
              c.warnings.length === 0 ? (
                <Tag color="green">符合规定</Tag>
              ) : (
                <Space direction="vertical">
                  {c.warnings.map((w) => (
                    <Alert key={w.message} type="warning" showIcon title={w.message} description={w.citation} />
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
