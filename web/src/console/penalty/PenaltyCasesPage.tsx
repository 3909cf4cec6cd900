import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Grid, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { get, post, query } from '../../api';
import { usePagedList, useResource } from '../../hooks';
import { emptyText, LoadMore } from '../../components';
import { useT } from '../../i18n';
import type { Agency, Me, Person, Region } from '../../types';
import { can, useSession } from '../session';
import { DueTag } from '../../deadlines';
import { ActionForm } from './ActionForm';
import { useFormContext } from './useFormContext';
import { yuan, type CaseListItem, type CaseView, type Dictionaries, type ViolationType } from './types';
import { PageTitle } from '../../heading';

const QUEUES = [
  { key: 'mine', label: '我的案件' },
  { key: 'approve', label: '待审批' },
  { key: 'review', label: '待法制审核' },
  { key: 'serve', label: '待送达' },
  { key: 'overdue', label: '已超期' },
  { key: 'all', label: '全部' },
] as const;

/** The list's filters live in the URL (bookmarkable, survive a reload): these are its parameters. */
const FILTERS = ['status', 'agencyId', 'officerId', 'violationTypeId', 'q', 'recording', 'registeredFrom', 'registeredTo'] as const;

/** The 音像记录 filters the coverage grid links to (no control of their own: shown as a tag that clears them). */
const RECORDING_FILTERS = { required: '须音像记录的案件', missing: '缺少音像记录的案件' } as const;

/** What the coverage grid's link asked for, in words: "缺少音像记录的案件 · 2026-05 登记". */
function recordingFilterText(f: Partial<Record<(typeof FILTERS)[number], string>>): string | null {
  const which = RECORDING_FILTERS[f.recording as keyof typeof RECORDING_FILTERS];
  const months =
    f.registeredFrom && f.registeredFrom === f.registeredTo
      ? f.registeredFrom
      : [f.registeredFrom, f.registeredTo].some(Boolean)
        ? `${f.registeredFrom ?? ''} 至 ${f.registeredTo ?? ''}`
        : null;
  if (!which && !months) return null;
  return [which, months && `${months} 登记`].filter(Boolean).join(' · ');
}

const defaultQueue = (me: Me) =>
  me.roles.some((r) => r.id === 'supervisor') ? 'all' : me.roles.some((r) => r.id === 'legal_reviewer') ? 'review' : 'mine';

/**
 * The agencies whose cases the user's data scope reaches: every one for 全部, those in the
 * user's region and below for 本级及下级, those in the user's region for 本级.
 */
function agenciesInScope(me: Me, agencies: Agency[], regions: Region[]): Agency[] {
  const kind = me.dataScope.kind;
  if (kind === 'all') return agencies;
  if (kind === 'level') return agencies.filter((a) => a.regionId === me.user.regionId);
  if (kind !== 'subtree') return agencies.filter((a) => a.id === me.user.agencyId);
  const parent = new Map(regions.map((r) => [r.id, r.parentId]));
  const under = (regionId: string | null | undefined): boolean => {
    for (let r = regionId, guard = 0; r && guard < 20; r = parent.get(r), guard++) if (r === me.user.regionId) return true;
    return false;
  };
  return agencies.filter((a) => under(a.regionId));
}

/** The 裁量基准 violation types of these agencies, one entry per id (agencies may share a benchmark). */
function useViolationTypes(agencyIds: string[]): ViolationType[] {
  const [types, setTypes] = useState<ViolationType[]>([]);
  const key = agencyIds.join(',');
  useEffect(() => {
    let live = true;
    if (!key) {
      setTypes([]);
      return;
    }
    void Promise.all(
      key.split(',').map((id) =>
        get<{ benchmarks: ViolationType[] }>(`/enforcement/settings/${id}`).then(
          (s) => s.benchmarks,
          () => [],
        ),
      ),
    ).then((lists) => {
      if (!live) return;
      const byId = new Map<string, ViolationType>();
      for (const t of lists.flat()) if (!byId.has(t.id)) byId.set(t.id, t);
      setTypes([...byId.values()]);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return types;
}

/** 执法人员 filter: searches people (in the user's scope) by name, within the chosen agency. */
function OfficerSelect({
  agencyId,
  value,
  onChange,
  placeholder,
  width,
}: {
  agencyId: string | undefined;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  placeholder: string;
  width: number | string;
}) {
  const [search, setSearch] = useState('');
  const people = useResource<{ items: Person[] }>(`/people${query({ agencyId, q: search.trim() || undefined, limit: 50 })}`);
  // A bookmarked officer who is not on the first page still shows by name.
  const chosen = useResource<Person>(value && !people.data?.items.some((p) => p.id === value) ? `/people/${value}` : null);
  const options = [...(people.data?.items ?? []), ...(chosen.data && chosen.data.id === value ? [chosen.data] : [])]
    .filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i)
    .map((p) => ({ value: p.id, label: agencyId ? `${p.name}（${p.post}）` : `${p.name}（${p.agencyName}）` }));
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={people.loading}
      aria-label={placeholder}
      placeholder={placeholder}
      value={value}
      onChange={(v?: string) => {
        setSearch('');
        onChange(v);
      }}
      options={options}
      style={{ width }}
      data-testid="filter-officer"
      notFoundContent={people.loading ? '加载中…' : '没有匹配的人员'}
    />
  );
}

export default function PenaltyCasesPage() {
  const me = useSession();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const narrow = screens.sm === false;
  /** Filter widths: one per line on a phone */
  const w = (px: number) => (narrow ? '100%' : px);
  const [params, setParams] = useSearchParams();
  const queue = params.get('queue') ?? defaultQueue(me);
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<
    (typeof FILTERS)[number],
    string | undefined
  >;
  const overdue = params.get('overdue') === 'true';
  /** Changes some parameters; the others stay, so a filtered list keeps its filters. */
  const setFilter = (changes: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, v);
    setParams(next);
  };
  const [searchText, setSearchText] = useState(filter.q ?? '');
  useEffect(() => setSearchText(filter.q ?? ''), [filter.q]);
  const [opening, setOpening] = useState<'penalty.register' | 'penalty.on-the-spot' | null>(null);

  const dict = useResource<Dictionaries>('/penalty-cases/dictionaries');
  const agencies = useResource<{ items: Agency[] }>('/agencies');
  const regions = useResource<{ items: Region[] }>(me.dataScope.kind === 'subtree' ? '/regions' : null);
  const scoped = useMemo(
    () =>
      agencies.data && (me.dataScope.kind !== 'subtree' || regions.data)
        ? agenciesInScope(me, agencies.data.items, regions.data?.items ?? [])
        : [],
    [me, agencies.data, regions.data],
  );
  // Violation types of the chosen agency, else of every agency the user can see.
  const violationTypes = useViolationTypes(filter.agencyId ? [filter.agencyId] : scoped.map((a) => a.id));
  const typeName = useMemo(() => new Map(violationTypes.map((v) => [v.id, v.name])), [violationTypes]);

  const list = usePagedList<CaseListItem>(
    `/penalty-cases${query({
      queue: queue === 'all' ? undefined : queue,
      ...filter,
      overdue: overdue ? 'true' : undefined,
      limit: 50,
    })}`,
  );
  const ctx = useFormContext(me.user.agencyId, null);
  const openSpec = dict.data?.actions.find((a) => a.type === opening);
  const filtered = FILTERS.some((k) => filter[k]) || overdue;
  const officerAgency = filter.agencyId ?? (scoped.length === 1 ? scoped[0]!.id : undefined);

  const actions = can(me, 'penalty.act') && (
    <Space wrap style={narrow ? { marginBottom: 12 } : undefined}>
      <Button type="primary" onClick={() => setOpening('penalty.register')} data-testid="register-case">
        {t('registerCase')}
      </Button>
      <Button onClick={() => setOpening('penalty.on-the-spot')} data-testid="on-the-spot">
        {t('onTheSpot')}
      </Button>
    </Space>
  );
  return (
    <Card
      title={<PageTitle>{t('penaltyCases')}</PageTitle>}
      extra={narrow ? null : actions}
      styles={narrow ? { body: { padding: 12 } } : undefined}
    >
      {narrow && actions}
      <Tabs activeKey={queue} onChange={(k) => setFilter({ queue: k })} items={QUEUES.map((x) => ({ key: x.key, label: x.label }))} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 16 }} data-testid="case-filters">
        <Input.Search
          aria-label={t('searchCases')}
          placeholder={t('searchCases')}
          allowClear
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() })}
          style={{ width: w(260) }}
          data-testid="filter-q"
        />
        {scoped.length > 1 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('filterAgency')}
            placeholder={t('filterAgency')}
            style={{ width: w(220) }}
            value={filter.agencyId}
            data-testid="filter-agency"
            onChange={(v?: string) => setFilter({ agencyId: v, officerId: undefined, violationTypeId: undefined })}
            options={scoped.map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <OfficerSelect
          agencyId={officerAgency}
          value={filter.officerId}
          onChange={(v) => setFilter({ officerId: v })}
          placeholder={t('filterOfficer')}
          width={w(200)}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('filterViolationType')}
          placeholder={t('filterViolationType')}
          style={{ width: w(240) }}
          value={filter.violationTypeId}
          data-testid="filter-violation-type"
          popupMatchSelectWidth={false}
          onChange={(v?: string) => setFilter({ violationTypeId: v })}
          options={violationTypes.map((v) => ({ value: v.id, label: v.name }))}
        />
        <Select
          allowClear
          aria-label={t('filterStatus')}
          placeholder={t('filterStatus')}
          style={{ width: w(160) }}
          value={filter.status}
          data-testid="filter-status"
          onChange={(v?: string) => setFilter({ status: v })}
          options={Object.entries(dict.data?.statuses ?? {}).map(([value, label]) => ({ value, label }))}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => setFilter({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="filter-overdue"
        >
          {t('overdueOnly')}
        </Checkbox>
        {recordingFilterText(filter) && (
          <Tag
            closable
            color="blue"
            data-testid="filter-recording"
            onClose={() => setFilter({ recording: undefined, registeredFrom: undefined, registeredTo: undefined })}
          >
            {recordingFilterText(filter)}
          </Tag>
        )}
        {filtered && (
          <Button type="link" onClick={() => setFilter(Object.fromEntries([...FILTERS, 'overdue'].map((k) => [k, undefined])))}>
            {t('clearFilters')}
          </Button>
        )}
      </div>
      <Table<CaseListItem>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1050 }}
        locale={{ emptyText: emptyText(filtered ? '没有符合筛选条件的案件' : '没有符合条件的案件') }}
        onRow={(c) => ({ 'data-case': c.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '当事人',
            dataIndex: 'partyName',
            width: 150,
            render: (n: string, c) => <Link to={`/console/penalty-cases/${c.id}`}>{n}</Link>,
          },
          { title: '程序', dataIndex: 'procedure', width: 88, render: (p: string) => dict.data?.procedures[p] ?? '' },
          {
            title: '状态',
            dataIndex: 'statusName',
            width: 120,
            render: (s: string, c) => (
              <Space size={4}>
                <Tag>{s}</Tag>
                {c.suspended && <Tag color="purple">中止</Tag>}
                {c.major && <Tag color="gold">重大</Tag>}
              </Space>
            ),
          },
          {
            title: '违法行为',
            dataIndex: 'violationTypeId',
            width: 170,
            ellipsis: true,
            // The type's name, never its id (— until the names are in).
            render: (v: string | null) => (v && typeName.has(v) ? <span title={typeName.get(v)}>{typeName.get(v)}</span> : '—'),
          },
          { title: '登记日期', dataIndex: 'registeredOn', width: 112 },
          { title: '决定书文号', dataIndex: 'decisionNumber', render: (v: string | null) => v ?? '—' },
          { title: '罚款', dataIndex: 'fineFen', width: 120, align: 'right', render: (f: number) => (f ? yuan(f) : '—') },
          {
            title: '最近期限',
            dataIndex: 'nextDue',
            width: 150,
            render: (d: string | null, c) => (d ? <DueTag due={d} state={c.dueState} /> : '—'),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      {openSpec && ctx && (
        <ActionForm
          title={openSpec.title}
          schema={openSpec.schema}
          ctx={ctx}
          open={!!opening}
          onCancel={() => setOpening(null)}
          onSubmit={async (payload, idempotencyKey) => {
            const created = await post<CaseView>('/penalty-cases', { type: opening, payload }, { idempotencyKey });
            void message.success(opening === 'penalty.register' ? '案源已登记' : '当场处罚决定已作出');
            setOpening(null);
            navigate(`/console/penalty-cases/${created.id}`);
          }}
        />
      )}
    </Card>
  );
}
