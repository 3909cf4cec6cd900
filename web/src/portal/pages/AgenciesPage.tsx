import { Card, Table, Tag, Typography } from 'antd';
import { useResource } from '../../hooks';
import { emptyText, ErrorResult } from '../../components';
import { useT } from '../../i18n';
import type { Page, PublicAgency } from '../../types';
import { PageTitle } from '../../heading';
import { Scrollable } from '../../Scrollable';

export default function AgenciesPage() {
  const t = useT();
  const { data, error, loading } = useResource<Page<PublicAgency>>('/public/agencies');
  if (error) return <ErrorResult error={error} />;
  return (
    <Card title={<PageTitle>{t('agencies')}</PageTitle>}>
      <Scrollable label="行政执法主体清单">
        <Table<PublicAgency>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: emptyText('暂无公示的执法主体') }}
          expandable={{
            expandedRowRender: (a) => (
              <ol style={{ margin: 0 }}>
                {a.powers.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ol>
            ),
            rowExpandable: (a) => a.powers.length > 0,
          }}
          columns={[
            { title: '执法主体名称', dataIndex: 'name' },
            { title: '主体类别', dataIndex: 'kindName', render: (k: string) => <Tag>{k}</Tag> },
            { title: '所在区划', dataIndex: 'region' },
            {
              title: '设立依据',
              dataIndex: 'legalBasis',
              render: (s: string) => <Typography.Text style={{ fontSize: 13 }}>{s}</Typography.Text>,
            },
            { title: '执法事项', dataIndex: 'powers', render: (p: string[]) => `${p.length} 项（展开查看）` },
          ]}
        />
      </Scrollable>
    </Card>
  );
}
