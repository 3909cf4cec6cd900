import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { usePagedList, useResource } from '../../hooks';
import { patch, post, type ApiError } from '../../api';
import { emptyText, LoadMore } from '../../components';
import type { Dictionaries, Region, User } from '../../types';
import { PageTitle } from '../../heading';

export default function UsersPage() {
  const { message } = App.useApp();
  const list = usePagedList<User>('/users?limit=100');
  const dict = useResource<Dictionaries>('/org/dictionaries');
  const regions = useResource<{ items: Region[] }>('/regions');
  const [editing, setEditing] = useState<User | 'new'>();
  const [form] = Form.useForm();
  // Names only, never the ids: nothing until the dictionary is in, and an id it does not know is 未知角色.
  const roleName = (id: string) => (dict.data ? (dict.data.roles.find((r) => r.id === id)?.name ?? '未知角色') : '');
  const open = (u: User | 'new') => {
    setEditing(u);
    form.resetFields();
    if (u !== 'new') form.setFieldsValue({ displayName: u.displayName, roles: u.roles, dataScope: u.dataScope, active: u.active });
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new')
        await post('/users', {
          username: v.username,
          displayName: v.displayName,
          password: v.password,
          regionId: v.regionId,
          dataScope: v.dataScope,
          roles: v.roles,
        });
      else if (editing)
        await patch(`/users/${editing.id}`, {
          displayName: v.displayName,
          roles: v.roles,
          dataScope: v.dataScope,
          active: v.active,
          ...(v.password ? { password: v.password } : {}),
        });
      void message.success('已保存');
      setEditing(undefined);
      void list.reload();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Card
      title={<PageTitle>用户与角色</PageTitle>}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          新增用户
        </Button>
      }
    >
      <Table<User>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: emptyText('暂无用户') }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (rs: string[]) => (dict.data ? rs.map((r) => <Tag key={r}>{roleName(r)}</Tag>) : null),
          },
          { title: '区划', dataIndex: 'regionName' },
          { title: '数据权限', dataIndex: 'dataScope', render: (s: string) => (dict.data ? (dict.data.dataScopes[s] ?? '—') : '') },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          {
            title: '操作',
            render: (_, u) => (
              <Button size="small" onClick={() => open(u)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      <Modal
        title={editing === 'new' ? '新增用户' : '编辑用户'}
        open={Boolean(editing)}
        onOk={save}
        onCancel={() => setEditing(undefined)}
        okText="保存"
        cancelText="取消"
      >
        <Form form={form} layout="vertical" initialValues={{ dataScope: 'level', active: true }}>
          {editing === 'new' && (
            <>
              <Form.Item
                name="username"
                label="用户名"
                rules={[
                  { required: true, message: '请输入用户名' },
                  { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3–32 位小写字母、数字或 _.-，以字母开头' },
                ]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="regionId" label="所在区划" rules={[{ required: true, message: '请选择区划' }]}>
                <Select options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} />
              </Form.Item>
            </>
          )}
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
            <Select
              mode="multiple"
              options={(dict.data?.roles ?? [])
                .filter((r) => dict.data?.grantableRoles.includes(r.id))
                .map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
          <Form.Item name="dataScope" label="数据权限" rules={[{ required: true }]}>
            <Select options={Object.entries(dict.data?.dataScopes ?? {}).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            name="password"
            label={editing === 'new' ? '初始密码' : '重置密码（留空不修改）'}
            extra="至少 10 位，须同时包含字母和数字"
            rules={editing === 'new' ? [{ required: true, message: '请输入初始密码' }] : []}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label="启用" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
