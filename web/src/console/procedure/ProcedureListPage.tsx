/**
 * The list of any procedure's records in the user's scope: filter by status, overdue only,
 * search the text, "加载更多" for the next page. The filters live in the URL (bookmarkable,
 * kept on reload). Opening a record (登记) uses the opening action's own form.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post, query } from '../../api';
import { usePagedList, useResource } from '../../hooks';
import { emptyText, LoadMore } from '../../components';
import { useT } from '../../i18n';
import type { DeadlineRule } from '../../types';
import { useSession } from '../session';
import { DueTag } from '../../deadlines';
import { SchemaForm } from './SchemaForm';
import type { ProcedureConsole } from './config';
import type { ActionEntry, ProcedureDictionaries, RecordListItem, RecordView } from './types';
import { PageTitle } from '../../heading';

const FILTERS = ['status', 'overdue', 'q'] as const;

export default function ProcedureListPage<S>({ config }: { config: ProcedureConsole<S> }) {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<
    (typeof FILTERS)[number],
    string | undefined
  >;
  const setFilter = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  };
  const [searchText, setSearchText] = useState(filter.q ?? '');
  useEffect(() => setSearchText(filter.q ?? ''), [filter.q]);

  const dict = useResource<ProcedureDictionaries>(`${config.api}/dictionaries`);
  // The rules' names, for the next deadline of each row.
  const rules = useResource<{ items: DeadlineRule[] }>('/deadlines');
  const ruleTitle = useMemo(() => new Map((rules.data?.items ?? []).map((r) => [r.id, r.title])), [rules.data]);
  const list = usePagedList<RecordListItem>(
    `${config.api}${query({ status: filter.status, overdue: filter.overdue === 'true' ? 'true' : undefined, q: filter.q, limit: 50 })}`,
  );
  const filtered = FILTERS.some((k) => filter[k]);

  // The opening actions the user's roles may take.
  const roleIds = new Set(me.roles.map((r) => r.id));
  const openers = (dict.data?.actions ?? []).filter((a) => a.opens && a.roles.some((r) => roleIds.has(r)));
  const [opening, setOpening] = useState<ActionEntry | null>(null);
  // What the opening form's page widgets offer (the committees a mediator sits on), read once the form opens.
  const openSource = useResource<unknown>(opening && config.openWidgets ? config.openWidgets.path : null);
  const openWidgets = config.openWidgets && openSource.data !== undefined ? config.openWidgets.supply(openSource.data, me) : undefined;
  const [opened, setOpened] = useState<(RecordView<S> & Record<string, unknown>) | null>(null);

  return (
    <Card
      title={<PageTitle>{t(config.title)}</PageTitle>}
      extra={
        <Space>
          {openers.map((a) => (
            <Button key={a.type} type="primary" onClick={() => setOpening(a)} data-open={a.type}>
              {openers.length === 1 ? t(config.openLabel) : a.title}
            </Button>
          ))}
        </Space>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 16 }} data-testid="record-filters">
        <Input.Search
          aria-label={t(config.searchLabel)}
          placeholder={t(config.searchLabel)}
          allowClear
          value={searchText}
          style={{ width: 300 }}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() })}
          data-testid="filter-q"
        />
        <Select
          aria-label={t('filterStatus')}
          allowClear
          placeholder={t('filterStatus')}
          style={{ width: 180 }}
          value={filter.status}
          data-testid="filter-status"
          onChange={(v?: string) => setFilter({ status: v })}
          options={Object.entries(dict.data?.statuses ?? {}).map(([value, label]) => ({ value, label }))}
        />
        <Checkbox
          checked={filter.overdue === 'true'}
          onChange={(e) => setFilter({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="filter-overdue"
        >
          {t('overdueOnly')}
        </Checkbox>
        {filtered && (
          <Button type="link" onClick={() => setFilter({ status: undefined, overdue: undefined, q: undefined })}>
            {t('clearFilters')}
          </Button>
        )}
      </div>
      <Table<RecordListItem>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: emptyText(filtered ? `没有符合筛选条件的${config.recordName}` : `暂无${config.recordName}`) }}
        onRow={(r) => ({ 'data-record': r.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: config.recordName,
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/console/${config.key}/${r.id}`}>{title}</Link>,
          },
          { title: '承办单位', dataIndex: ['agency', 'name'], width: 200 },
          { title: '状态', dataIndex: 'statusName', width: 130, render: (s: string) => <Tag>{s}</Tag> },
          { title: config.openedLabel, dataIndex: 'openedOn', width: 120 },
          { title: config.closedLabel, dataIndex: 'closedOn', width: 120, render: (d: string | null) => d ?? '—' },
          {
            title: '最近期限',
            dataIndex: 'nextDue',
            width: 200,
            render: (d: string | null, r) =>
              d ? (
                <div>
                  <DueTag due={d} state={r.dueState} />
                  {r.nextRule && <div style={{ fontSize: 12, color: '#595959' }}>{ruleTitle.get(r.nextRule) ?? ''}</div>}
                </div>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      {opening && dict.data && (
        <SchemaForm
          title={opening.title}
          schema={opening.schema}
          today={dict.data.today}
          initialValues={config.openDefaults}
          widgets={openWidgets}
          aside={config.OpenAside ? (values) => config.OpenAside && <config.OpenAside values={values} /> : undefined}
          open
          onCancel={() => setOpening(null)}
          onSubmit={async (payload, idempotencyKey) => {
            const answer = await post<RecordView<S> & Record<string, unknown>>(
              config.api,
              { type: opening.type, payload },
              { idempotencyKey },
            );
            setOpening(null);
            if (config.Opened) setOpened(answer);
            else navigate(`/console/${config.key}/${answer.id}`);
          }}
        />
      )}
      {opened && config.Opened && (
        <config.Opened
          answer={opened}
          onClose={() => {
            const id = opened.id;
            setOpened(null);
            navigate(`/console/${config.key}/${id}`);
          }}
        />
      )}
    </Card>
  );
}
