/**
 * 政府信息公开申请 on the portal, without an account (条例 Art 29): the agency, who applies and
 * how to reach them, the information wanted and in what form. The answer carries a
 * tracking code, shown here once: with it the applicant follows the request, answers a
 * 补正 notice and downloads the written reply (申请查询).
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';

import { ApiError, post } from '../../api';
import { useResource } from '../../hooks';
import { useT } from '../../i18n';
import { ActionErrorAlert, inputIssuesOf } from '../../ActionErrorAlert';
import type { Page, PublicAgency, PublicRequestView } from '../../types';
import { PageTitle } from '../../heading';
import TrackingCodeIssued from '../TrackingCodeIssued';

interface Values {
  agencyId: string;
  applicant: { kind: 'citizen' | 'organisation'; name: string; idNumber: string; phone?: string; email?: string; address?: string };
  description: string;
  form: 'paper' | 'electronic' | 'either';
}

const ID_NUMBER = /^\d{17}[\dXx]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const blank = (v: string | undefined) => !v?.trim();

export default function InformationRequestPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const agencies = useResource<Page<PublicAgency>>('/public/agencies');
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'citizen';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [filed, setFiled] = useState<(PublicRequestView & { trackingCode: string }) | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const a = v.applicant;
      const body = {
        agencyId: v.agencyId,
        applicant: {
          kind: a.kind,
          name: a.name,
          idNumber: a.idNumber.trim(),
          phone: blank(a.phone) ? null : a.phone!.trim(),
          email: blank(a.email) ? null : a.email!.trim(),
          address: blank(a.address) ? null : a.address!.trim(),
        },
        description: v.description,
        form: v.form,
      };
      setFiled(await post<PublicRequestView & { trackingCode: string }>('/public/information-requests', body, { anonymous: true }));
      setError(undefined);
      window.scrollTo(0, 0);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(new ApiError(0, 'NETWORK', '网络连接中断，未能确认申请是否提交成功。请稍后凭查询码查询，或重新提交。'));
        return;
      }
      // Each input issue at its field, when the form has one (paths as the server names them).
      const issues = inputIssuesOf(e);
      form.setFields(issues.map((i) => ({ name: i.path.split('.') as never, errors: [i.message] })));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (filed)
    return (
      <TrackingCodeIssued
        title="申请已提交"
        subTitle={`受理机关：${filed.agency}　收到申请日期：${filed.receivedOn}`}
        code={filed.trackingCode}
        trackPath="/portal/tracking"
        extra={
          <Button
            onClick={() => {
              setFiled(null);
              form.resetFields();
            }}
          >
            再提交一份申请
          </Button>
        }
      />
    );

  const isCitizen = kind === 'citizen';
  return (
    <Card title={<PageTitle>{t('informationRequests')}</PageTitle>}>
      <Typography.Paragraph>
        依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取政府信息。
        行政机关自收到申请之日起 20 个工作日内答复；申请内容不明确的，将在 7 个工作日内一次性告知补正。
      </Typography.Paragraph>
      {error && (
        <ActionErrorAlert error={error} unplaced={inputIssuesOf(error).filter((i) => !form.getFieldInstance(i.path.split('.') as never))} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 720 }}
        scrollToFirstError
        initialValues={{ applicant: { kind: 'citizen' }, form: 'either' }}
        data-testid="request-form"
      >
        <Form.Item name="agencyId" label="受理申请的行政机关" rules={[{ required: true, message: '请选择受理申请的行政机关' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="请选择"
            loading={agencies.loading}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <fieldset style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 16px 0', marginBottom: 16 }}>
          <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0, color: 'rgba(0, 0, 0, 0.88)' }}>
            申请人信息
          </legend>
          <Form.Item name={['applicant', 'kind']} label="申请人类型">
            <Radio.Group
              options={[
                { value: 'citizen', label: '公民' },
                { value: 'organisation', label: '法人或者其他组织' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name={['applicant', 'name']}
            label={isCitizen ? '姓名' : '名称'}
            rules={[
              { required: true, whitespace: true, message: isCitizen ? '请填写姓名' : '请填写法人或者其他组织的名称' },
              { max: 100, message: '不能超过 100 个字' },
            ]}
          >
            <Input maxLength={100} autoComplete={isCitizen ? 'name' : 'organization'} />
          </Form.Item>
          <Form.Item
            name={['applicant', 'idNumber']}
            label={isCitizen ? '身份证号码' : '统一社会信用代码'}
            rules={[
              { required: true, message: isCitizen ? '请填写身份证号码' : '请填写统一社会信用代码' },
              {
                pattern: isCitizen ? ID_NUMBER : CREDIT_CODE,
                message: isCitizen ? '身份证号码须为 18 位（末位可为 X）' : '统一社会信用代码须为 18 位数字或大写字母',
              },
            ]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Typography.Paragraph style={{ color: '#595959', marginBottom: 8 }}>
            联系电话、电子邮箱、通信地址至少填写一项，以便送达补正告知和答复。
          </Typography.Paragraph>
          <Form.Item
            name={['applicant', 'phone']}
            label="联系电话"
            dependencies={[
              ['applicant', 'email'],
              ['applicant', 'address'],
            ]}
            rules={[
              { pattern: /^[\d-]{7,20}$/, message: '电话号码格式不正确（7 至 20 位数字或连字符）' },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  blank(v) && blank(getFieldValue(['applicant', 'email'])) && blank(getFieldValue(['applicant', 'address']))
                    ? Promise.reject(new Error('请至少填写联系电话、电子邮箱、通信地址中的一项'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item
            name={['applicant', 'email']}
            label="电子邮箱"
            rules={[
              { type: 'email', message: '电子邮箱格式不正确' },
              { max: 100, message: '不能超过 100 个字符' },
            ]}
          >
            <Input maxLength={100} autoComplete="email" />
          </Form.Item>
          <Form.Item name={['applicant', 'address']} label="通信地址" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
        </fieldset>
        <Form.Item
          name="description"
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          rules={[
            { required: true, whitespace: true, message: '请描述您需要的政府信息' },
            { max: 2000, message: '不能超过 2000 个字' },
          ]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="form" label="获取信息的方式和载体形式" rules={[{ required: true, message: '请选择获取信息的方式' }]}>
          <Select
            options={[
              { value: 'either', label: '不限' },
              { value: 'paper', label: '纸质' },
              { value: 'electronic', label: '电子数据' },
            ]}
          />
        </Form.Item>
        <Typography.Paragraph style={{ color: '#595959' }}>您填写的身份证件号码、联系方式仅用于办理本申请，不予公开。</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-request">
          {t('submitRequest')}
        </Button>
      </Form>
    </Card>
  );
}
