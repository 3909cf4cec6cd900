import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useResource } from '../../hooks';
import { patch, post, type ApiError } from '../../api';
import { ErrorResult, emptyText } from '../../components';
import { can, useSession } from '../session';
import type { Agency, Office, Region } from '../../types';
import { PageTitle } from '../../heading';

const KINDS = { statutory: '法定行政机关', entrusted: '受委托组织', township: '乡镇综合行政执法' } as const;

function Offices({ agency, editable }: { agency: Agency; editable: boolean }) {
  const { message } = App.useApp();
  const { data, reload } = useResource<{ items: Office[] }>(`/offices?agencyId=${agency.id}`);
  const [name, setName] = useState('');
  const add = async () => {
    try {
      await post('/offices', { agencyId: agency.id, name });
      setName('');
      void reload();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Space direction="vertical">
      <div>
        <b>执法事项：</b>
        {agency.powers.map((p) => (
          <Tag key={p}>{p}</Tag>
        ))}
      </div>
      <div>
        <b>科室/站所：</b>
        {(data?.items ?? []).map((o) => (
          <Tag key={o.id}>{o.name}</Tag>
        ))}
      </div>
      {editable && (
        <Space>
          <Input size="small" placeholder="新科室名称" aria-label="新科室名称" value={name} onChange={(e) => setName(e.target.value)} />
          <Button size="small" disabled={!name.trim()} onClick={add}>
            新增科室
          </Button>
        </Space>
      )}
    </Space>
  );
}

export default function AgenciesPage() {
  const me = useSession();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useResource<{ items: Agency[] }>('/agencies');
  const regions = useResource<{ items: Region[] }>('/regions');
  const [editing, setEditing] = useState<Agency | 'new'>();
  const [form] = Form.useForm();
  const editable = can(me, 'org.manage');
  if (error) return <ErrorResult error={error} />;
  const open = (a: Agency | 'new') => {
    setEditing(a);
    form.setFieldsValue(a === 'new' ? { kind: 'township', powers: [] } : a);
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = { name: v.name, kind: v.kind, legalBasis: v.legalBasis, powers: v.powers ?? [], docPrefix: v.docPrefix };
    try {
      if (editing === 'new') await post('/agencies', { ...body, regionId: v.regionId });
      else if (editing) await patch(`/agencies/${editing.id}`, body);
      void message.success('已保存');
      setEditing(undefined);
      void reload();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Card
      title={<PageTitle>执法主体</PageTitle>}
      extra={
        editable && (
          <Button type="primary" onClick={() => open('new')}>
            新增执法主体
          </Button>
        )
      }
    >
      <Table<Agency>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: emptyText('尚无执法主体') }}
        expandable={{ expandedRowRender: (a) => <Offices agency={a} editable={editable} /> }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kind', render: (k: keyof typeof KINDS) => KINDS[k] },
          { title: '区划', dataIndex: 'regionName' },
          { title: '文号前缀', dataIndex: 'docPrefix' },
          { title: '执法事项', dataIndex: 'powers', render: (p: string[]) => `${p.length} 项` },
          ...(editable
            ? [
                {
                  title: '操作',
                  render: (_: unknown, a: Agency) => (
                    <Button size="small" onClick={() => open(a)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={editing === 'new' ? '新增执法主体' : '编辑执法主体'}
        open={Boolean(editing)}
        onOk={save}
        onCancel={() => setEditing(undefined)}
        okText="保存"
        cancelText="取消"
        width={640}
      >
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <Form.Item name="regionId" label="所在区划" rules={[{ required: true, message: '请选择区划' }]}>
              <Select
                options={(regions.data?.items ?? []).filter((r) => r.level !== 'village').map((r) => ({ value: r.id, label: r.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label="主体类别" rules={[{ required: true }]}>
            <Select options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="legalBasis" label="设立依据" rules={[{ required: true, message: '请输入设立依据' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="powers" label="执法事项（逐项输入后回车）">
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="docPrefix" label="文号前缀（如 妙泉）" rules={[{ required: true, message: '请输入文号前缀' }, { max: 20 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
