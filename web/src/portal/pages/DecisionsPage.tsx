import { useState } from 'react';
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useResource, usePagedList } from '../../hooks';
import { query } from '../../api';
import { emptyText, LoadMore } from '../../components';
import { useT } from '../../i18n';
import { PageTitle } from '../../heading';
import type { PublicDecision } from '../../../../src/modules/disclosure/masks';

interface Filters {
  agencies: { id: string; name: string }[];
  violationTypes: string[];
}

/** 行政执法决定公示: the published decisions (行政处罚, 行政强制措施), searched and filtered; a natural person's name is masked by the server. */
export default function DecisionsPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const [agencyId, setAgencyId] = useState<string>();
  const [violationType, setViolationType] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = useResource<Filters>('/public/decision-filters');
  const list = usePagedList<PublicDecision>(
    `/public/decisions${query({ q: q || undefined, agencyId, violationType, from: from || undefined, to: to || undefined, limit: 20 })}`,
  );
  return (
    <Card
      title={<PageTitle>{t('decisions')}</PageTitle>}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">依据《中华人民共和国行政处罚法》第四十八条、国办发〔2018〕118号公开</Typography.Text>
          <a href="/api/v1/public/decisions.atom">订阅（Atom）</a>
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder="检索文号、当事人、违法行为、决定内容"
          aria-label="检索公示的行政执法决定"
          allowClear
          onSearch={setQ}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="decision-search"
        />
        <Select
          allowClear
          aria-label="按执法机关筛选"
          placeholder="全部执法机关"
          style={{ width: 240 }}
          value={agencyId}
          onChange={setAgencyId}
          options={(filters.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <Select
          allowClear
          aria-label="按违法行为类型筛选"
          placeholder="全部违法行为类型"
          style={{ width: 240 }}
          value={violationType}
          onChange={setViolationType}
          options={(filters.data?.violationTypes ?? []).map((v) => ({ value: v, label: v }))}
        />
        <Input type="date" aria-label="决定日期起" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} />
        <Input type="date" aria-label="决定日期止" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} />
      </Space>
      <Table<PublicDecision>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: emptyText('没有符合条件的公示决定') }}
        columns={[
          { title: '决定书文号', render: (_, d) => <Link to={`/portal/decisions/${d.id}`}>{d.number ?? '（无文号）'}</Link> },
          { title: '决定类别', dataIndex: 'categoryName' },
          { title: '当事人', render: (_, d) => d.party.name },
          { title: '违法行为类型', dataIndex: 'violationType' },
          { title: '决定内容', dataIndex: 'penalty' },
          { title: '执法机关', render: (_, d) => d.agency.name },
          { title: '决定日期', dataIndex: 'decidedOn' },
          {
            title: '状态',
            render: (_, d) => (d.status === 'withdrawn' ? <Tag color="default">已撤回</Tag> : <Tag color="green">公示中</Tag>),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}
