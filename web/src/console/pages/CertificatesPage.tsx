import { useState } from 'react';
import { Card, Select, Table } from 'antd';
import { Link } from 'react-router-dom';
import { usePagedList } from '../../hooks';
import { query } from '../../api';
import { emptyText, LoadMore, StandingTag } from '../../components';
import type { Certificate } from '../../types';
import { PageTitle } from '../../heading';
import { CertificateQrButton } from '../CertificateQrCard';

const FILTERS = [
  { value: 'attention', label: '需关注（90 日内到期或已过期）' },
  { value: 'in-force', label: '有效' },
  { value: 'expiring', label: '即将到期' },
  { value: 'expired', label: '已过期' },
  { value: 'suspended', label: '暂扣' },
  { value: 'revoked', label: '注销' },
  { value: 'review-failed', label: '年审未通过' },
];

export default function CertificatesPage() {
  const [standing, setStanding] = useState<string>();
  const list = usePagedList<Certificate>(`/certificates${query({ standing, limit: 100 })}`);
  return (
    <Card
      title={<PageTitle>行政执法证件登记</PageTitle>}
      extra={
        <Select
          allowClear
          aria-label="按证件状态筛选"
          placeholder="全部状态"
          style={{ width: 260 }}
          value={standing}
          onChange={setStanding}
          options={FILTERS}
        />
      }
    >
      <Table<Certificate>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: emptyText('没有符合条件的执法证') }}
        columns={[
          { title: '执法证号', dataIndex: 'number' },
          { title: '持证人', dataIndex: 'personName', render: (n: string, c) => <Link to={`/console/people/${c.personId}`}>{n}</Link> },
          { title: '执法主体', dataIndex: 'agencyName' },
          { title: '执法类别', dataIndex: 'field' },
          { title: '执法区域', dataIndex: 'area' },
          { title: '有效期至', dataIndex: 'expiresOn' },
          { title: '状态', render: (_, c) => <StandingTag standing={c.standing} daysLeft={c.daysLeft} /> },
          { title: '亮证二维码', render: (_, c) => <CertificateQrButton c={c} /> },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}
