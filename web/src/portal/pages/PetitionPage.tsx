/**
 * 网上信访 on the portal, without an account (《信访工作条例》第十八条、第十九条、第二十一条):
 * the agency, who petitions (up to five, each with name and address), the request, its facts
 * and reasons, the category and the place. The answer carries a tracking code, shown here
 * once: with it the petitioner follows the petition (信访查询).
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError, post } from '../../api';
import { provePetition } from '../proof';
import { useResource } from '../../hooks';
import { useT } from '../../i18n';
import { ActionErrorAlert, inputIssuesOf } from '../../ActionErrorAlert';
import type { Page, PublicAgency, PublicPetitionView } from '../../types';
import { PageTitle } from '../../heading';
import TrackingCodeIssued from '../TrackingCodeIssued';

interface Person {
  name: string;
  idNumber?: string;
  phone?: string;
  address: string;
}
interface Values {
  agencyId: string;
  petitioners: Person[];
  request: string;
  factsAndReasons: string;
  category: string;
  place: string;
}

/** The categories the server knows (state.ts CATEGORIES), in the order a petitioner looks for them. */
const CATEGORIES = [
  ['land-acquisition', '征地拆迁'],
  ['land-reclamation', '土地复垦'],
  ['land-contract', '农村土地承包'],
  ['social-security', '劳动和社会保障'],
  ['construction', '城乡建设'],
  ['environment', '生态环境'],
  ['civil-affairs', '民政救助'],
  ['law-related', '涉法涉诉'],
  ['other', '其他'],
] as const;

const MAX_PETITIONERS = 5;
const blank = (v: string | undefined) => !v?.trim();

export default function PetitionPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const agencies = useResource<Page<PublicAgency>>('/public/agencies');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [filed, setFiled] = useState<(PublicPetitionView & { trackingCode: string }) | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body = {
        agencyId: v.agencyId,
        petitioners: v.petitioners.map((p) => ({
          name: p.name.trim(),
          idNumber: blank(p.idNumber) ? null : p.idNumber!.trim(),
          phone: blank(p.phone) ? null : p.phone!.trim(),
          address: p.address.trim(),
        })),
        request: v.request,
        factsAndReasons: v.factsAndReasons,
        category: v.category,
        place: v.place,
        // A second or so of the browser's work, asked of every online filing (anti-abuse).
        proof: await provePetition(),
      };
      setFiled(await post<PublicPetitionView & { trackingCode: string }>('/public/petitions', body, { anonymous: true }));
      setError(undefined);
      window.scrollTo(0, 0);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(new ApiError(0, 'NETWORK', '网络连接中断，未能确认信访事项是否提交成功。请稍后凭查询码查询，或重新提交。'));
        return;
      }
      form.setFields(
        inputIssuesOf(e).map((i) => ({
          name: i.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) as never,
          errors: [i.message],
        })),
      );
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (filed)
    return (
      <TrackingCodeIssued
        title="信访事项已提交"
        subTitle={`受理机关：${filed.agency}　登记号：${filed.number ?? '—'}　收到日期：${filed.receivedOn}`}
        code={filed.trackingCode}
        next="受理机关将自收到之日起 15 日内告知是否受理。"
        trackPath="/portal/petition-tracking"
      />
    );

  return (
    <Card title={<PageTitle>{t('filePetition')}</PageTitle>}>
      <Typography.Paragraph>
        依据《信访工作条例》，您可以通过网上信访反映情况，提出建议、意见或者投诉请求。请如实填写姓名、住址和请求、事实、理由。
        受理机关自收到之日起 15 日内书面告知是否受理；受理的，自受理之日起 60
        日内办结。依法应当通过诉讼、行政复议、仲裁等法定途径解决的，将告知您相应途径。
      </Typography.Paragraph>
      <Typography.Paragraph>
        已经提出过信访事项？<Link to="/portal/petition-tracking">凭查询码查询办理进度（{t('trackPetition')}）</Link>
      </Typography.Paragraph>
      {error && <ActionErrorAlert error={error} unplaced={inputIssuesOf(error).filter((i) => !i.path.startsWith('petitioners'))} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 720 }}
        scrollToFirstError
        initialValues={{ petitioners: [{}], category: 'land-acquisition' }}
        data-testid="petition-form"
      >
        <Form.Item name="agencyId" label="受理信访事项的机关" rules={[{ required: true, message: '请选择受理信访事项的机关' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="请选择"
            loading={agencies.loading}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.List name="petitioners">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <fieldset key={f.key} style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 16px 0', marginBottom: 16 }}>
                  <legend
                    style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0, color: 'rgba(0, 0, 0, 0.88)' }}
                  >
                    信访人（{i + 1}）
                    {fields.length > 1 && (
                      <Button type="link" size="small" onClick={() => remove(f.name)}>
                        删除
                      </Button>
                    )}
                  </legend>
                  <Form.Item
                    name={[f.name, 'name']}
                    label="姓名"
                    rules={[
                      { required: true, whitespace: true, message: '请填写姓名' },
                      { max: 50, message: '不能超过 50 个字' },
                    ]}
                  >
                    <Input maxLength={50} autoComplete={i === 0 ? 'name' : 'off'} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'address']}
                    label="住址"
                    rules={[
                      { required: true, whitespace: true, message: '请填写住址' },
                      { max: 200, message: '不能超过 200 个字' },
                    ]}
                  >
                    <Input maxLength={200} autoComplete={i === 0 ? 'street-address' : 'off'} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'phone']}
                    label="联系电话"
                    rules={[{ pattern: /^[\d-]{7,20}$/, message: '电话号码格式不正确（7 至 20 位数字或连字符）' }]}
                  >
                    <Input maxLength={20} autoComplete={i === 0 ? 'tel' : 'off'} inputMode="tel" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'idNumber']}
                    label="身份证号码（选填）"
                    rules={[{ pattern: /^\d{17}[\dXx]$/, message: '身份证号码须为 18 位（末位可为 X）' }]}
                  >
                    <Input maxLength={18} />
                  </Form.Item>
                </fieldset>
              ))}
              {fields.length < MAX_PETITIONERS ? (
                <Button type="dashed" block onClick={() => add({})} style={{ marginBottom: 16 }}>
                  增加信访人
                </Button>
              ) : (
                <Typography.Paragraph style={{ color: '#595959' }}>
                  多人提出同一信访事项的，应当推选代表，代表人数不超过 5 人。
                </Typography.Paragraph>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
          <Select options={CATEGORIES.map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="place"
          label="问题发生地（村、社区或地点）"
          rules={[
            { required: true, whitespace: true, message: '请填写问题发生地' },
            { max: 100, message: '不能超过 100 个字' },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="request"
          label="信访请求"
          rules={[
            { required: true, whitespace: true, message: '请填写您的请求' },
            { max: 2000, message: '不能超过 2000 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="factsAndReasons"
          label="事实和理由"
          rules={[
            { required: true, whitespace: true, message: '请填写事实和理由' },
            { max: 5000, message: '不能超过 5000 个字' },
          ]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <Typography.Paragraph style={{ color: '#595959' }}>
          您填写的身份证号码、电话和住址仅用于办理本信访事项，不予公开。
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-petition">
          {t('submitPetition')}
        </Button>
      </Form>
    </Card>
  );
}
