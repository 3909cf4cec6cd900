/**
 * 执法设置: what an agency sets locally for its penalty cases — the 较大数额 that brings a
 * hearing, the 陈述申辩 window, collective discussion, the provision that lets it extend the
 * 90 days (Art 60), the 音像记录 list and the archive checks. Its 裁量基准, 法制审核目录 and
 * 评查表 are long structured lists: shown here, exchanged as a JSON file (exported, edited,
 * imported) and checked by the server before anything is saved. Every save is journaled.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { EnforcementSettings } from '../../../../src/modules/enforcement/settings';
import { ApiError, get, put } from '../../api';
import { ActionErrorAlert, inputIssuesOf } from '../../ActionErrorAlert';
import { emptyText, ErrorResult } from '../../components';
import { PageTitle } from '../../heading';
import { useResource } from '../../hooks';
import { chinaTime } from '../../time';
import { can, useSession } from '../session';
import { yuan } from './types';

interface IndexRow {
  agencyId: string;
  agencyName: string;
  regionName: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The lists kept as a file: exchanged whole, never edited field by field here. */
const LISTS = ['benchmarks', 'reviewCatalog', 'reviewSheet'] as const;
type Lists = Pick<EnforcementSettings, (typeof LISTS)[number]>;

const YUAN = 100;
const EXTENDERS = { head: '经行政机关负责人批准', collective: '经行政机关负责人集体讨论决定' };
const ON_FAILURE = { refuse: '拒绝归档', warn: '提示并记录后可归档' };

/** Settings → form values: amounts in yuan, the extension as a switch and its rows. */
function toForm(s: EnforcementSettings) {
  const y = (fen: number) => fen / YUAN;
  return {
    hearingFine: { citizen: y(s.hearingFineFen.citizen), organisation: y(s.hearingFineFen.organisation) },
    hearingConfiscation: { citizen: y(s.hearingConfiscationFen.citizen), organisation: y(s.hearingConfiscationFen.organisation) },
    statementWindowWorkingDays: s.statementWindowWorkingDays,
    collectiveDiscussionForMajor: s.collectiveDiscussionForMajor,
    extends: s.decisionExtension !== null,
    extensionBasis: s.decisionExtension?.basis ?? '',
    extensionSteps: s.decisionExtension?.steps ?? [{ maxDays: 30, by: 'head' }],
    recordingRequired: s.recordingRequired,
    archiveWithoutRecording: s.archiveWithoutRecording,
    archiveWhenIncomplete: s.archiveWhenIncomplete,
    evidenceRetentionYears: s.evidenceRetentionYears,
  };
}
type FormValues = ReturnType<typeof toForm>;

/** Form values and the lists → the settings the server takes (it checks them all again). */
function fromForm(v: FormValues, lists: Lists): EnforcementSettings {
  const fen = (yuan: number) => Math.round(yuan * YUAN);
  return {
    hearingFineFen: { citizen: fen(v.hearingFine.citizen), organisation: fen(v.hearingFine.organisation) },
    hearingConfiscationFen: { citizen: fen(v.hearingConfiscation.citizen), organisation: fen(v.hearingConfiscation.organisation) },
    statementWindowWorkingDays: v.statementWindowWorkingDays,
    collectiveDiscussionForMajor: v.collectiveDiscussionForMajor,
    decisionExtension: v.extends ? { basis: v.extensionBasis.trim(), steps: v.extensionSteps } : null,
    recordingRequired: v.recordingRequired,
    archiveWithoutRecording: v.archiveWithoutRecording,
    archiveWhenIncomplete: v.archiveWhenIncomplete,
    evidenceRetentionYears: v.evidenceRetentionYears,
    ...lists,
  };
}

/** Where the server's input issue (a path in the settings) belongs on this form. */
const FIELD_OF: Record<string, string[]> = {
  'hearingFineFen.citizen': ['hearingFine', 'citizen'],
  'hearingFineFen.organisation': ['hearingFine', 'organisation'],
  'hearingConfiscationFen.citizen': ['hearingConfiscation', 'citizen'],
  'hearingConfiscationFen.organisation': ['hearingConfiscation', 'organisation'],
  statementWindowWorkingDays: ['statementWindowWorkingDays'],
  'decisionExtension.basis': ['extensionBasis'],
  recordingRequired: ['recordingRequired'],
};

/** A file of lists: the three keys, each an array (the server checks their rows). */
function listsOf(text: string): Lists {
  const data = JSON.parse(text) as Record<string, unknown>;
  const missing = LISTS.filter((k) => !Array.isArray(data[k]));
  if (missing.length) throw new Error(`文件缺少 ${missing.join('、')}（应为导出的执法设置文件）`);
  return { benchmarks: data.benchmarks, reviewCatalog: data.reviewCatalog, reviewSheet: data.reviewSheet } as Lists;
}

export default function SettingsPage() {
  const me = useSession();
  const index = useResource<{ items: IndexRow[]; recordingScenes: Record<string, string> }>('/enforcement/settings');
  const agencies = index.data?.items ?? [];
  const [agencyId, setAgencyId] = useState<string>();
  const chosen = agencyId ?? agencies.find((a) => a.agencyId === me.user.agencyId)?.agencyId ?? agencies[0]?.agencyId;
  if (index.error) return <ErrorResult error={index.error} />;
  const row = agencies.find((a) => a.agencyId === chosen);
  return (
    <Card
      title={<PageTitle>执法设置</PageTitle>}
      extra={
        agencies.length > 0 && (
          <Select
            aria-label="执法主体"
            value={chosen}
            onChange={setAgencyId}
            style={{ minWidth: 260 }}
            options={agencies.map((a) => ({ value: a.agencyId, label: `${a.agencyName}（${a.regionName}）` }))}
          />
        )
      }
      loading={index.loading && !index.data}
    >
      {index.data && agencies.length === 0 && emptyText('数据权限范围内没有执法主体')}
      {row && (
        <AgencySettings
          key={row.agencyId}
          row={row}
          scenes={Object.entries(index.data?.recordingScenes ?? {}).map(([id, name]) => ({ id, name }))}
          editable={can(me, 'enforcement.settings')}
          onSaved={() => void index.reload()}
        />
      )}
    </Card>
  );
}

function AgencySettings({
  row,
  scenes,
  editable,
  onSaved,
}: {
  row: IndexRow;
  scenes: { id: string; name: string }[];
  editable: boolean;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [settings, setSettings] = useState<EnforcementSettings>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [lists, setLists] = useState<Lists>();
  const [imported, setImported] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    get<EnforcementSettings>(`/enforcement/settings/${row.agencyId}`).then((s) => {
      setSettings(s);
      setLists({ benchmarks: s.benchmarks, reviewCatalog: s.reviewCatalog, reviewSheet: s.reviewSheet });
      form.setFieldsValue(toForm(s));
    }, setLoadError);
  }, [row.agencyId, form]);
  const extendsOn = Form.useWatch('extends', form);
  if (loadError) return <ErrorResult error={loadError} />;
  if (!settings || !lists) return null;

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const saved = await put<EnforcementSettings>(`/enforcement/settings/${row.agencyId}`, fromForm(v, lists));
      setSettings(saved);
      setImported(false);
      setError(undefined);
      void message.success(`${row.agencyName}的执法设置已保存`);
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      form.setFields(inputIssuesOf(e).flatMap((i) => (FIELD_OF[i.path] ? [{ name: FIELD_OF[i.path] as never, errors: [i.message] }] : [])));
    } finally {
      setBusy(false);
    }
  };

  const exportLists = () => {
    const blob = new Blob([JSON.stringify(lists, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${row.agencyName}-裁量基准与审核目录.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importLists = async (file: File) => {
    try {
      setLists(listsOf(await file.text()));
      setImported(true);
      void message.info('已读入文件：保存后生效，保存时由服务器逐项检查');
    } catch (e) {
      void message.error(e instanceof SyntaxError ? '文件不是有效的 JSON' : (e as Error).message);
    }
    return false;
  };

  return (
    <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">
        {row.updatedAt ? `最近由 ${row.updatedBy ?? '—'} 于 ${chinaTime(row.updatedAt)} 修改` : '尚未修改：使用系统默认设置'}
        {!editable && '（只读：修改须有“维护执法设置”权限）'}
      </Typography.Paragraph>
      {error && <ActionErrorAlert error={error} unplaced={inputIssuesOf(error).filter((i) => !FIELD_OF[i.path])} />}

      <Card size="small" title="听证与陈述申辩（《中华人民共和国行政处罚法》第六十三条、第四十四条）" style={{ marginTop: 12 }}>
        <Space wrap size="large">
          <YuanField name={['hearingFine', 'citizen']} label="较大数额罚款：公民（元，含）" />
          <YuanField name={['hearingFine', 'organisation']} label="较大数额罚款：法人或其他组织（元，含）" />
          <YuanField name={['hearingConfiscation', 'citizen']} label="较大数额没收：公民（元，含）" />
          <YuanField name={['hearingConfiscation', 'organisation']} label="较大数额没收：法人或其他组织（元，含）" />
        </Space>
        <Space wrap size="large">
          <Form.Item
            name="statementWindowWorkingDays"
            label="陈述申辩期限（工作日）"
            rules={[{ required: true, type: 'integer', min: 3, max: 15, message: '陈述申辩期限应为 3 至 15 个工作日' }]}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="collectiveDiscussionForMajor" label="重大案件须集体讨论（第五十七条）" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Card>

      <Card size="small" title="延长办案期限（第六十条：法律、法规、规章另有规定的除外）" style={{ marginTop: 12 }}>
        <Form.Item name="extends" label="本机关适用的法律、法规或规章规定了延长" valuePropName="checked">
          <Switch />
        </Form.Item>
        {extendsOn ? (
          <>
            <Form.Item
              name="extensionBasis"
              label="依据（法律、法规或规章的名称和条款）"
              rules={[{ required: true, whitespace: true, min: 4, max: 300, message: '请写明依据的名称和条款（4 至 300 字）' }]}
            >
              <Input placeholder="如：《市场监督管理行政处罚程序规定》第六十四条" />
            </Form.Item>
            <Form.List name="extensionSteps">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Typography.Text>第 {i + 1} 次延长</Typography.Text>
                      <Form.Item
                        name={[f.name, 'maxDays']}
                        label="最多延长（日）"
                        rules={[{ required: true, type: 'integer', min: 1, max: 365, message: '1 至 365 日' }]}
                      >
                        <InputNumber precision={0} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'by']} label="决定方式" rules={[{ required: true, message: '请选择' }]}>
                        <Select style={{ width: 260 }} options={Object.entries(EXTENDERS).map(([value, label]) => ({ value, label }))} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button type="link" onClick={() => remove(f.name)} aria-label={`删除第 ${i + 1} 次延长`}>
                          删除
                        </Button>
                      )}
                    </Space>
                  ))}
                  {fields.length < 5 && (
                    <div>
                      <Button onClick={() => add({ maxDays: 30, by: 'collective' })}>增加一次延长</Button>
                    </div>
                  )}
                </>
              )}
            </Form.List>
          </>
        ) : (
          <Alert type="info" showIcon message="不得延长：自立案之日起九十日内作出行政处罚决定（第六十条）" />
        )}
      </Card>

      <Card size="small" title="音像记录与归档" style={{ marginTop: 12 }}>
        <Form.Item name="recordingRequired" label="音像记录事项清单（须全程音像记录的执法环节）">
          <Select mode="multiple" options={scenes.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="archiveWithoutRecording" label="缺少应有的音像记录时">
            <Radio.Group options={Object.entries(ON_FAILURE).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="archiveWhenIncomplete" label="评查有形式或实体扣分项时（否决项一律拒绝）">
            <Radio.Group options={Object.entries(ON_FAILURE).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Space>
        <Space wrap size="large">
          {(['general', 'simple'] as const).map((k) => (
            <Form.Item
              key={k}
              name={['evidenceRetentionYears', k]}
              label={k === 'general' ? '普通程序证据保存（年）' : '简易程序证据保存（年）'}
              rules={[{ required: true, type: 'integer', min: 1, max: 100, message: '1 至 100 年' }]}
            >
              <InputNumber precision={0} />
            </Form.Item>
          ))}
        </Space>
      </Card>

      <ListsCard lists={lists} imported={imported} editable={editable} onExport={exportLists} onImport={importLists} />

      {editable && (
        <Button type="primary" onClick={save} loading={busy} style={{ marginTop: 16 }} disabled={false}>
          保存执法设置
        </Button>
      )}
    </Form>
  );
}

function YuanField({ name, label }: { name: string[]; label: string }) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, type: 'number', min: 0, message: '请填写不小于 0 的金额' }]}>
      <InputNumber precision={2} style={{ width: 200 }} />
    </Form.Item>
  );
}

/** The three long lists: what they hold, and the file to exchange them. */
function ListsCard({
  lists,
  imported,
  editable,
  onExport,
  onImport,
}: {
  lists: Lists;
  imported: boolean;
  editable: boolean;
  onExport: () => void;
  onImport: (file: File) => Promise<boolean>;
}) {
  const types = useMemo(() => lists.benchmarks, [lists]);
  const range = (r: { min: number; max: number } | undefined) => (r ? `${yuan(r.min)}–${yuan(r.max)}` : '—');
  return (
    <Card
      size="small"
      title="裁量基准、法制审核目录与案卷评查表"
      style={{ marginTop: 12 }}
      extra={
        <Space>
          <Button onClick={onExport} disabled={false}>
            导出文件
          </Button>
          {editable && (
            <Upload accept="application/json,.json" showUploadList={false} beforeUpload={onImport}>
              <Button>导入文件</Button>
            </Upload>
          )}
        </Space>
      }
    >
      {imported && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="已导入新文件，尚未保存" />}
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="违法行为（裁量基准）">{lists.benchmarks.length} 项</Descriptions.Item>
        <Descriptions.Item label="法制审核目录">{lists.reviewCatalog.length} 项</Descriptions.Item>
        <Descriptions.Item label="评查表">{lists.reviewSheet.length} 项</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        dataSource={types}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: emptyText('没有裁量基准：当场处罚和调查终结时无法按基准裁量') }}
        columns={[
          { title: '违法行为', dataIndex: 'name' },
          { title: '执法类别', dataIndex: 'field', width: 120 },
          {
            title: '法定罚款幅度（公民）',
            render: (_, t) => <span style={{ whiteSpace: 'nowrap' }}>{range(t.statutoryFineFen?.citizen)}</span>,
          },
          { title: '裁量阶次', render: (_, t) => t.circumstances.map((c) => c.name).join('、') },
        ]}
      />
    </Card>
  );
}
