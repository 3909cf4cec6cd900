import { useState } from 'react';
import { Card, Input, Select, Space, Table, Typography } from 'antd';
import { useResource, usePagedList } from '../../hooks';
import { query } from '../../api';
import { emptyText, LoadMore } from '../../components';
import { useT } from '../../i18n';
import type { Page, PublicAgency, PublicOfficer } from '../../types';
import { PageTitle } from '../../heading';
import { Scrollable } from '../../Scrollable';

export default function OfficersPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const [agencyId, setAgencyId] = useState<string>();
  const agencies = useResource<Page<PublicAgency>>('/public/agencies');
  const list = usePagedList<PublicOfficer>(`/public/officers${query({ q, agencyId, limit: 50 })}`);
  return (
    <Card
      title={<PageTitle>{t('officers')}</PageTitle>}
      extra={<Typography.Text type="secondary">仅列出持有效行政执法证件的人员</Typography.Text>}
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search placeholder="按姓名查询" allowClear onSearch={setQ} style={{ width: 220 }} aria-label="按姓名查询" />
        <Select
          allowClear
          aria-label="按执法主体筛选"
          placeholder="全部执法主体"
          style={{ width: 280 }}
          value={agencyId}
          onChange={setAgencyId}
          options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
      </Space>
      <Scrollable label="行政执法人员清单">
        <Table<PublicOfficer>
          rowKey="certificateNumber"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          locale={{ emptyText: emptyText('没有符合条件的执法人员') }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '执法主体', dataIndex: 'agency' },
            { title: '执法证号', dataIndex: 'certificateNumber' },
            { title: '执法类别', dataIndex: 'field' },
            { title: '执法区域', dataIndex: 'area' },
            { title: '有效期', render: (_, o) => `${o.validFrom} 至 ${o.validUntil}` },
          ]}
        />
      </Scrollable>
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}
