/**
 * 网上申请行政复议 on the portal, without an account (《中华人民共和国行政复议法》第二十二条):
 * who applies, against which agency, the act, when he knew of it, his requests, facts and
 * reasons. Past the 60 days of Art 20 the page explains the exceptions and offers them. The
 * answer carries a tracking code, shown here once: with it and the last 4 of the ID number or
 * phone the applicant follows the application (行政复议查询).
 */
import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError, get, post } from '../../api';
import { useResource } from '../../hooks';
import { useT } from '../../i18n';
import { ActionErrorAlert, inputIssuesOf, refusalsOf, type Refusal } from '../../ActionErrorAlert';
import type { DeadlineResult, Page, PublicAgency, PublicReconsiderationView } from '../../types';
import { PageTitle } from '../../heading';
import TrackingCodeIssued from '../TrackingCodeIssued';

interface Values {
  applicant: { kind: 'citizen' | 'organisation'; name: string; idNumber?: string; phone?: string; address?: string };
  respondentAgencyId: string;
  actNumber?: string;
  actContent: string;
  knewOn: string;
  requests: string;
  reasons: string;
  lateException?: { kind?: 'obstacle' | 'rights-not-told'; reason?: string; from?: string; to?: string };
}
type Filed = PublicReconsiderationView & { trackingCode: string };

const ID_NUMBER = /^\d{17}[\dXx]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const LATE_KINDS = [
  { value: 'obstacle', label: '因不可抗力或者其他正当理由耽误了申请期限' },
  { value: 'rights-not-told', label: '行政机关作出行政行为时未告知申请行政复议的权利、行政复议机关和申请期限' },
];
// Chinese runs on without spaces: the text is a string, not JSX lines (whose breaks become spaces).
const INTRO =
  '公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益的，可以依照《中华人民共和国行政复议法》申请行政复议。' +
  '请自知道该行政行为之日起六十日内提出申请。复议机构自收到申请之日起五个工作日内审查，决定是否受理；申请材料不齐全或者表述不清楚的，一次性书面通知补正。';
/** The browser's own date input: a phone's picker, and YYYY-MM-DD as the value whatever the locale shows. */
const DATE = { width: 200 };
const blank = (v: string | undefined) => !v?.trim();
const day = (d: string | undefined) => d || null;
/** Today in China, where the law's dates are (the browser may be elsewhere). */
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Where the form shows what the server says of a path: the act is one text there, two fields here. */
const FIELD_OF: Record<string, string[]> = { challengedAct: ['actContent'], lateException: ['lateException', 'kind'] };
const PLACED = new Set([
  'applicant.kind',
  'applicant.name',
  'applicant.idNumber',
  'applicant.phone',
  'applicant.address',
  'respondentAgencyId',
  'challengedAct',
  'knewOn',
  'requests',
  'reasons',
  'lateException',
  'lateException.kind',
  'lateException.reason',
  'lateException.from',
  'lateException.to',
]);
const fieldName = (path: string) => FIELD_OF[path] ?? path.split('.');

function toBody(v: Values) {
  const a = v.applicant;
  const e = v.lateException;
  return {
    applicant: {
      kind: a.kind,
      name: a.name.trim(),
      // The server takes an empty ID number as none; a phone or address left out is null.
      idNumber: a.idNumber?.trim() ?? '',
      phone: blank(a.phone) ? null : a.phone!.trim(),
      address: blank(a.address) ? null : a.address!.trim(),
    },
    respondentAgencyId: v.respondentAgencyId,
    // The documents quote it after 作出的: the act first, its number after it.
    challengedAct: blank(v.actNumber) ? v.actContent.trim() : `${v.actContent.trim()}（${v.actNumber!.trim()}）`,
    knewOn: day(v.knewOn),
    requests: v.requests,
    reasons: v.reasons,
    lateException: e?.kind
      ? { kind: e.kind, reason: e.reason ?? '', from: day(e.from), to: e.kind === 'obstacle' ? day(e.to) : null }
      : null,
  };
}

/** The 60-day window of Art 20 from the day he knew of the act, as the server counts it (a last day on a holiday moves on). */
function useWindowDue(knewOn: string | null) {
  const [due, setDue] = useState<{ from: string; due: string }>();
  useEffect(() => {
    if (!knewOn) return setDue(undefined);
    let live = true;
    get<DeadlineResult>(`/deadlines/reconsideration.application?from=${knewOn}`).then(
      (r) => live && setDue({ from: knewOn, due: r.due }),
      () => live && setDue(undefined),
    );
    return () => {
      live = false;
    };
  }, [knewOn]);
  return due?.from === knewOn ? due.due : undefined;
}

function FiledResult({ filed }: { filed: Filed }) {
  const acceptance = filed.deadlines.find((d) => d.rule === 'reconsideration.acceptance');
  return (
    <TrackingCodeIssued
      title="行政复议申请已提交"
      subTitle={`复议机构：${filed.agency}　被申请人：${filed.respondent}　收到申请日期：${filed.receivedOn}`}
      code={filed.trackingCode}
      next={`查询时还须输入您填写的身份证号码（统一社会信用代码）或联系电话的后 4 位。${
        acceptance ? `${filed.agency}应于 ${acceptance.due} 前决定是否受理。` : ''
      }`}
      trackPath="/portal/reconsideration-tracking"
    />
  );
}

/** Art 20's exceptions, offered once the 60 days have passed: which one, why, and its dates. */
function LateException({ due }: { due: string | undefined }) {
  const kind = Form.useWatch(['lateException', 'kind']) as 'obstacle' | 'rights-not-told' | undefined;
  return (
    <fieldset
      data-testid="late-exception"
      style={{ border: '1px solid #ffd591', borderRadius: 6, padding: '8px 16px 0', marginBottom: 16 }}
    >
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0, color: 'rgba(0, 0, 0, 0.88)' }}>
        超过六十日申请期限的例外情形
      </legend>
      <Typography.Paragraph>
        依照《中华人民共和国行政复议法》第二十条，应当自知道或者应当知道该行政行为之日起六十日内提出行政复议申请
        {due ? `（本申请的期限至 ${due} 届满）` : ''}
        。因不可抗力或者其他正当理由耽误申请期限的，申请期限自障碍消除之日起继续计算；行政机关作出行政行为时未告知申请行政复议的权利、行政复议机关和申请期限的，自知道或者应当知道这些事项之日起计算，但自知道行政行为内容之日起最长不得超过一年。属于下列情形之一的，请选择并说明；否则复议机构将不予受理。
      </Typography.Paragraph>
      <Form.Item name={['lateException', 'kind']} label="例外情形">
        <Select allowClear placeholder="请选择（不属于的，不选）" options={LATE_KINDS} />
      </Form.Item>
      {kind && (
        <>
          <Form.Item
            name={['lateException', 'reason']}
            label="情况说明"
            rules={[
              { required: true, whitespace: true, message: '请说明耽误申请期限的情况' },
              { max: 1000, message: '不能超过 1000 个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item
            name={['lateException', 'from']}
            label={kind === 'obstacle' ? '障碍发生之日' : '知道申请行政复议的权利、机关和期限之日'}
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <Input type="date" style={DATE} />
          </Form.Item>
          {kind === 'obstacle' && (
            <Form.Item name={['lateException', 'to']} label="障碍消除之日" rules={[{ required: true, message: '请选择障碍消除之日' }]}>
              <Input type="date" style={DATE} />
            </Form.Item>
          )}
        </>
      )}
    </fieldset>
  );
}

export default function ReconsiderationPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const agencies = useResource<Page<PublicAgency>>('/public/agencies');
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'citizen';
  const knewOn = day(Form.useWatch('knewOn', form));
  const due = useWindowDue(knewOn);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  // The server counts the window too: when it found the application late, the exceptions are offered for that date whatever this browser's.
  const [lateOn, setLateOn] = useState<string | null>(null);
  const [filed, setFiled] = useState<Filed | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      setFiled(await post<Filed>('/public/reconsiderations', toBody(v), { anonymous: true }));
      setError(undefined);
      window.scrollTo(0, 0);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(new ApiError(0, 'NETWORK', '网络连接中断，未能确认复议申请是否提交成功。请稍后凭查询码查询，或重新提交。'));
        return;
      }
      const atFields = (refusalsOf(e) as (Refusal & { field?: string })[]).filter((r) => r.field && PLACED.has(r.field));
      if (atFields.some((r) => r.field!.startsWith('lateException'))) setLateOn(day(v.knewOn));
      form.setFields([
        ...inputIssuesOf(e)
          .filter((i) => PLACED.has(i.path))
          .map((i) => ({ name: fieldName(i.path) as never, errors: [i.message] })),
        ...atFields.map((r) => ({ name: fieldName(r.field!) as never, errors: [r.message] })),
      ]);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (filed) return <FiledResult filed={filed} />;

  const isCitizen = kind === 'citizen';
  const late = (lateOn !== null && lateOn === knewOn) || (due !== undefined && chinaToday() > due);
  return (
    <Card title={<PageTitle>{t('fileReconsideration')}</PageTitle>}>
      <Typography.Paragraph>{INTRO}</Typography.Paragraph>
      <Typography.Paragraph>
        已经申请过？<Link to="/portal/reconsideration-tracking">凭查询码查询办理进度（{t('trackReconsideration')}）</Link>
      </Typography.Paragraph>
      {error && <ActionErrorAlert error={error} unplaced={inputIssuesOf(error).filter((i) => !PLACED.has(i.path))} />}
      <Form<Values>
        form={form}
        name="reconsideration"
        layout="vertical"
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 720 }}
        scrollToFirstError
        initialValues={{ applicant: { kind: 'citizen' } }}
        data-testid="reconsideration-form"
      >
        <fieldset style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 16px 0', marginBottom: 16 }}>
          <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0, color: 'rgba(0, 0, 0, 0.88)' }}>
            申请人
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
          <Typography.Paragraph style={{ color: '#595959', marginBottom: 8 }}>
            身份证号码（统一社会信用代码）和联系电话至少填写一项：查询办理进度时，须输入其中一项的后 4 位验证身份。
          </Typography.Paragraph>
          <Form.Item
            name={['applicant', 'idNumber']}
            label={isCitizen ? '身份证号码' : '统一社会信用代码'}
            rules={[
              {
                pattern: isCitizen ? ID_NUMBER : CREDIT_CODE,
                message: isCitizen ? '身份证号码须为 18 位（末位可为 X）' : '统一社会信用代码须为 18 位数字或大写字母',
              },
            ]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            name={['applicant', 'phone']}
            label="联系电话"
            rules={[{ pattern: /^[\d-]{7,20}$/, message: '电话号码格式不正确（7 至 20 位数字或连字符）' }]}
          >
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item name={['applicant', 'address']} label="通信地址（选填）" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
        </fieldset>
        <Form.Item
          name="respondentAgencyId"
          label="被申请人（作出行政行为的行政机关）"
          rules={[{ required: true, message: '请选择被申请人' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="请选择"
            loading={agencies.loading}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item name="actNumber" label="行政行为的决定书文号（选填）" rules={[{ max: 50, message: '不能超过 50 个字' }]}>
          <Input maxLength={50} placeholder="如 妙泉综执罚决字〔2026〕第40号" />
        </Form.Item>
        <Form.Item
          name="actContent"
          label="申请复议的行政行为"
          rules={[
            { required: true, whitespace: true, message: '请写明申请复议的行政行为' },
            { max: 440, message: '不能超过 440 个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={440} showCount placeholder="如 对申请人罚款二百元的行政处罚决定" />
        </Form.Item>
        <Form.Item
          name="knewOn"
          label="知道该行政行为之日（如决定书送达之日）"
          rules={[{ required: true, message: '请选择知道该行政行为之日' }]}
          extra={due && !late ? `申请期限至 ${due} 届满（第二十条）` : undefined}
        >
          <Input type="date" style={DATE} />
        </Form.Item>
        {late && <LateException due={due} />}
        <Form.Item
          name="requests"
          label="行政复议请求"
          rules={[
            { required: true, whitespace: true, message: '请填写行政复议请求' },
            { max: 2000, message: '不能超过 2000 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="如 撤销该行政处罚决定" />
        </Form.Item>
        <Form.Item
          name="reasons"
          label="主要事实和理由"
          rules={[
            { required: true, whitespace: true, message: '请填写事实和理由' },
            { max: 5000, message: '不能超过 5000 个字' },
          ]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <Typography.Paragraph style={{ color: '#595959' }}>
          您填写的身份证号码、电话和地址仅用于办理本行政复议申请，不予公开。
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-reconsideration">
          {t('submitReconsideration')}
        </Button>
      </Form>
    </Card>
  );
}
