/**
 * 政府信息公开目录 on the portal: the catalog by category (with how many entries each holds),
 * searched by title, newest first, a page at a time; each entry with its 索引号 opens to what it
 * catalogues, and its file (the numbered DOCX of a list or 以案释法, a registered PDF) downloads
 * while it is in force — a superseded version is marked with the day it lapsed. Published
 * 执法事项清单, 随机抽查事项清单, 办事指南 (with their earlier published versions) and 以案释法
 * (the party masked, the articles cited) have their own pages here.
 */
import { useState } from 'react';
import { Card, Descriptions, Input, Segmented, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useResource, usePagedList } from '../../hooks';
import { query } from '../../api';
import { ErrorResult, LoadMore, emptyText } from '../../components';
import { PageTitle } from '../../heading';
import { CitationList, ContentView, type CatalogEntry } from '../../openness-view';

interface Category {
  id: string;
  name: string;
  code: string;
  count: number;
}

/** A catalogued link: a portal page opens inside the portal. */
const EntryLink = ({ e }: { e: CatalogEntry }) =>
  e.link?.startsWith('/portal/') ? <Link to={e.link}>{e.title}</Link> : <span>{e.title}</span>;

/** The entry's file: a download while in force, the day it lapsed once withdrawn. */
const EntryFile = ({ e }: { e: CatalogEntry }) => {
  if (e.withdrawn) return <Tag title={e.withdrawn.reason}>{`${e.withdrawn.on} 失效`}</Tag>;
  if (!e.download) return <span>—</span>;
  return (
    <a href={e.download} download aria-label={`下载：${e.title}`} data-testid="catalog-download">
      下载
    </a>
  );
};

export default function CatalogPage() {
  const [category, setCategory] = useState<string>('all');
  const [q, setQ] = useState('');
  const categories = useResource<Category[]>('/public/openness/catalog-categories');
  const list = usePagedList<CatalogEntry>(
    `/public/openness/catalog${query({ category: category === 'all' ? undefined : category, q: q || undefined, limit: 20 })}`,
  );
  return (
    <Card title={<PageTitle>政府信息公开目录</PageTitle>}>
      <Typography.Paragraph type="secondary">
        依据《中华人民共和国政府信息公开条例》主动公开的政府信息。索引号由机关代字、类别代码、年度和序号组成。
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented
            aria-label="按类别浏览"
            value={category}
            onChange={(v) => setCategory(v as string)}
            options={[
              { value: 'all', label: '全部' },
              ...(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.count}）` })),
            ]}
            data-testid="catalog-categories"
          />
        </div>
        <Input.Search
          allowClear
          placeholder="检索标题"
          aria-label="检索政府信息公开目录"
          onSearch={setQ}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="catalog-search"
        />
      </Space>
      <Table<CatalogEntry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="catalog-list"
        locale={{ emptyText: emptyText('没有符合条件的公开信息') }}
        columns={[
          { title: '索引号', dataIndex: 'indexNumber' },
          { title: '类别', render: (_, e) => <Tag>{e.categoryName}</Tag> },
          { title: '标题', render: (_, e) => <EntryLink e={e} /> },
          { title: '发布机关', render: (_, e) => e.agency.name },
          { title: '发布日期', dataIndex: 'publishedOn' },
          { title: '文件', render: (_, e) => <EntryFile e={e} /> },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}

interface PublicList {
  id: string;
  title: string;
  kindName: string;
  topic: string | null;
  version: number;
  status: string;
  statusName: string;
  content: Parameters<typeof ContentView>[0]['content'];
  reason: string;
  publishedOn: string | null;
  supersededOn: string | null;
  indexNumber: string | null;
  number: string | null;
  history: {
    id: string;
    version: number;
    status: string;
    statusName: string;
    reason: string;
    publishedOn: string | null;
    supersededOn: string | null;
  }[];
}

export function OpennessListPage() {
  const { id } = useParams();
  const r = useResource<PublicList>(`/public/openness/lists/${encodeURIComponent(id ?? '')}`);
  if (r.error) return <ErrorResult error={r.error} />;
  if (!r.data) return <Spin />;
  const v = r.data;
  return (
    <Card title={<PageTitle>{v.title}</PageTitle>} extra={<Link to="/portal/catalog">返回目录</Link>}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="索引号">{v.indexNumber}</Descriptions.Item>
        <Descriptions.Item label="文号">{v.number ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="版本">
          第 {v.version} 版 <Tag color={v.status === 'published' ? 'green' : 'default'}>{v.statusName}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="发布日期">{v.publishedOn}</Descriptions.Item>
        <Descriptions.Item label="修订说明">{v.reason}</Descriptions.Item>
      </Descriptions>
      <div data-testid="openness-list-content">
        <ContentView content={v.content} />
      </div>
      <Card size="small" title="历次发布" style={{ marginTop: 16 }}>
        <Timeline
          items={v.history.map((h) => ({
            color: h.status === 'published' ? 'green' : 'gray',
            children:
              h.id === v.id ? (
                <span>
                  第 {h.version} 版（本页）· {h.publishedOn} 发布
                </span>
              ) : (
                <Link to={`/portal/openness/lists/${h.id}`}>
                  第 {h.version} 版 · {h.publishedOn} 发布{h.supersededOn ? ` · ${h.supersededOn} 被替代` : ''}（{h.reason}）
                </Link>
              ),
          }))}
        />
      </Card>
    </Card>
  );
}

interface PublicExplanation {
  id: string;
  title: string;
  facts: {
    number: string | null;
    party: { name: string; kindName: string };
    violationType: string;
    penalty: string;
    basis: string;
    agencyName: string;
    decidedOn: string;
  };
  body: string;
  citations: { law: string; article: string; excerpt?: string | null }[];
  publishedOn: string;
  indexNumber: string;
  number: string | null;
}

export function ExplanationPage() {
  const { id } = useParams();
  const r = useResource<PublicExplanation>(`/public/openness/explanations/${encodeURIComponent(id ?? '')}`);
  if (r.error) return <ErrorResult error={r.error} />;
  if (!r.data) return <Spin />;
  const x = r.data;
  return (
    <Card title={<PageTitle>{x.title}</PageTitle>} extra={<Link to="/portal/catalog">返回目录</Link>}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="索引号">{x.indexNumber}</Descriptions.Item>
        <Descriptions.Item label="文号">{x.number ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="发布日期">{x.publishedOn}</Descriptions.Item>
        <Descriptions.Item label="执法机关">{x.facts.agencyName}</Descriptions.Item>
        <Descriptions.Item label="当事人">{x.facts.party.name}</Descriptions.Item>
        <Descriptions.Item label="违法行为类型">{x.facts.violationType}</Descriptions.Item>
        <Descriptions.Item label="处罚内容">{x.facts.penalty}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="explanation-body">
        {x.body}
      </Typography.Paragraph>
      <Card size="small" title="相关法律条文">
        <CitationList citations={x.citations} />
      </Card>
    </Card>
  );
}
