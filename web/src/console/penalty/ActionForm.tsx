/**
 * A form for any penalty-case action, built from the JSON Schema the server publishes
 * for its payload (GET /penalty-cases/dictionaries): dates become date pickers, enums
 * selects with Chinese labels, amounts in fen are entered in yuan, officer fields pick
 * people. The server validates again and enforces the gates; its refusal is shown with
 * its article.
 */
import { AutoComplete, Checkbox, DatePicker, Form, Grid, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api';
import { ActionErrorAlert } from '../../ActionErrorAlert';
import type { Dictionaries, JsonSchema, ViolationType } from './types';

/** Chinese labels of payload fields (one concept, one name: the API's field names). */
const LABELS: Record<string, string> = {
  on: '日期',
  servedOn: '送达日期',
  requestedOn: '提出日期',
  heldOn: '听证日期',
  hearingDate: '听证日期',
  collectedOn: '取得日期',
  receivedOn: '接收日期',
  actOn: '违法行为发生（终了）日期',
  from: '中止日期',
  until: '延期至',
  method: '送达方式',
  consentOnFile: '已签订电子送达确认书',
  recipient: '受送达人',
  refusedToSign: '当事人拒绝签收（留置送达）',
  officers: '执法人员（两名以上）',
  chairPersonId: '听证主持人',
  public: '公开举行',
  place: '地点',
  subject: '当事人（被询问人）',
  summary: '内容',
  violationTypeId: '违法行为（裁量基准）',
  seriousHarm: '涉及生命健康安全、金融安全且有危害后果（五年时效）',
  kind: '类别',
  opinion: '审批意见',
  reason: '理由',
  type: '证据种类',
  title: '名称',
  description: '证明内容',
  source: '来源',
  items: '物品清单',
  basis: '依据',
  preservationSeq: '先行登记保存（序号）',
  seizureSeq: '查封扣押（序号）',
  decision: '处理决定',
  facts: '违法事实',
  evidenceSummary: '证据',
  outcome: '处理意见',
  kinds: '处罚种类',
  fineFen: '罚款金额（元）',
  confiscationFen: '没收金额（元）',
  circumstanceId: '情节（裁量基准）',
  discretionReason: '超出裁量基准的理由',
  reviewGrounds: '其他法制审核情形',
  materials: '送审材料',
  conclusion: '审核结论',
  points: '审核要点',
  text: '审核意见',
  adopted: '采纳陈述申辩意见',
  reasoning: '理由',
  statement: '当事人声明',
  partyAbsent: '当事人无正当理由未出席',
  agents: '当事人及代理人（至多两人）',
  record: '听证笔录',
  signed: '当事人已签字',
  refusalNote: '拒签情况说明',
  report: '报告',
  participants: '参加人员（三人以上）',
  paymentInstructions: '缴款方式',
  amountFen: '缴款金额（元）',
  receipt: '票据号',
  instalments: '分期数',
  court: '人民法院',
  days: '延长天数',
  acknowledgeWarnings: '已知悉评查提示',
  paidOnSpot: '当场缴纳',
  field: '执法类别',
  party: '当事人',
  name: '名称（姓名）',
  idNumber: '身份证号 / 统一社会信用代码',
  address: '住所（地址）',
  phone: '联系电话',
  representative: '法定代表人（负责人）',
  step: '所属笔录（操作序号，可不填）',
};

/** Which dictionary names an enum's values, by field path. */
function enumLabels(path: string, d: Dictionaries): Record<string, string> {
  const name = (o: Record<string, { name: string } | string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : v.name]));
  const last = path.split('.').at(-1)!;
  if (path === 'source.kind') return d.sources;
  if (path === 'party.kind') return d.partyKinds;
  if (last === 'kind') return d.approvalKinds;
  if (last === 'kinds') return name(d.penaltyKinds);
  if (last === 'type') return d.evidenceTypes;
  if (last === 'method') return name(d.serviceMethods);
  if (last === 'outcome') return name(d.outcomes);
  if (last === 'conclusion') return d.reviewConclusions;
  if (last === 'reviewGrounds') return d.reviewGrounds;
  return {};
}

export interface FormContext {
  dictionaries: Dictionaries;
  people: { id: string; name: string; post: string }[];
  violationTypes: ViolationType[];
  /** The case's violation type, for its circumstances */
  violationTypeId: string | null;
  /** The case's 执法类别: only its violation types are offered (null when the form itself sets it) */
  field: string | null;
  today: string;
  /** The agency's rule for archiving a file with deductions (shown by the 案卷评查 card) */
  archiveWhenIncomplete?: 'refuse' | 'warn';
}

/** The violation types a case of this 执法类别 may have (none until the field is known). */
export const typesOfField = (types: readonly ViolationType[], field: string | null | undefined) => {
  const f = field?.trim();
  return f ? types.filter((v) => v.field === f) : [];
};

const isDate = (s: JsonSchema) => s.type === 'string' && s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
const nullable = (s: JsonSchema): [JsonSchema, boolean] => {
  const alt = s.anyOf?.find((x) => x.type !== 'null');
  return alt ? [alt, true] : [s, false];
};

function Field({
  name,
  schema,
  required,
  ctx,
  field,
}: {
  name: string[];
  schema: JsonSchema;
  required: boolean;
  ctx: FormContext;
  field: string | null;
}) {
  const [s, canBeNull] = nullable(schema);
  const key = name.join('.');
  const last = name.at(-1)!;
  const label = LABELS[last] ?? last;
  const rules = required && !canBeNull && s.type !== 'boolean' && s.type !== 'array' ? [{ required: true, message: `请填写${label}` }] : [];
  if (s.type === 'object' && s.properties && last === 'points') {
    return (
      <Form.Item label={label} required>
        {Object.entries(ctx.dictionaries.reviewPoints).map(([point, text]) => (
          <div key={point} style={{ marginBottom: 8 }}>
            <Form.Item name={[...name, point, 'ok']} valuePropName="checked" initialValue={true} noStyle>
              <Checkbox>{text}</Checkbox>
            </Form.Item>
            <Form.Item name={[...name, point, 'note']} initialValue="经审查符合规定" noStyle rules={[{ required: true }]}>
              <Input size="small" style={{ marginTop: 4 }} />
            </Form.Item>
          </div>
        ))}
      </Form.Item>
    );
  }
  // An optional group (an uploaded file, a recording's particulars) needs its own widget; the
  // generic form leaves it out rather than demand its fields.
  if (s.type === 'object' && s.properties && !required) return null;
  if (s.type === 'object' && s.properties) {
    return (
      <fieldset style={{ border: '1px solid #eee', padding: '8px 12px', marginBottom: 12 }}>
        <legend style={{ fontSize: 14, width: 'auto', marginBottom: 0 }}>{label}</legend>
        {Object.entries(s.properties).map(([k, v]) => (
          <Field key={k} name={[...name, k]} schema={v} required={(s.required ?? []).includes(k)} ctx={ctx} field={field} />
        ))}
      </fieldset>
    );
  }
  const item = (control: React.ReactNode, extra: Partial<React.ComponentProps<typeof Form.Item>> = {}) => (
    <Form.Item name={name} label={label} rules={rules} {...extra}>
      {control}
    </Form.Item>
  );
  if (last === 'officers')
    return item(
      <Select
        mode="multiple"
        virtual={false}
        showSearch
        optionFilterProp="label"
        options={ctx.people.map((p) => ({ value: p.id, label: `${p.name}（${p.post}）` }))}
      />,
      { rules: [{ required: true, type: 'array', min: 2, message: '执法人员不得少于两人' }] },
    );
  if (last === 'chairPersonId')
    return item(
      <Select
        virtual={false}
        showSearch
        optionFilterProp="label"
        options={ctx.people.map((p) => ({ value: p.id, label: `${p.name}（${p.post}）` }))}
      />,
    );
  if (last === 'violationTypeId') {
    const types = typesOfField(ctx.violationTypes, field);
    const placeholder = !field?.trim() ? '请先填写执法类别' : types.length === 0 ? `裁量基准中没有${field}类违法行为` : undefined;
    return item(
      <Select
        virtual={false}
        allowClear={canBeNull}
        placeholder={placeholder}
        notFoundContent={placeholder}
        options={types.map((v) => ({ value: v.id, label: v.name }))}
        optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
      />,
      { extra: field?.trim() ? `仅列出${field}类的违法行为` : undefined },
    );
  }
  if (last === 'field' && name.length === 1) {
    // 执法类别 of a new case: suggest the fields of the agency's 裁量基准 (free text is still accepted)
    const fields = [...new Set(ctx.violationTypes.map((v) => v.field))];
    // Once the input is one of them, nothing is left to suggest and the list closes (it would cover the buttons).
    return item(
      <AutoComplete
        options={fields.map((f) => ({ value: f }))}
        filterOption={(input, o) => {
          const v = String(o?.value ?? '');
          return v !== input && v.includes(input);
        }}
      />,
    );
  }
  if (last === 'circumstanceId') {
    const vt = ctx.violationTypes.find((v) => v.id === ctx.violationTypeId);
    return item(
      <Select
        virtual={false}
        allowClear
        options={(vt?.circumstances ?? []).map((c) => ({ value: c.id, label: `${c.name}：${c.description}` }))}
      />,
    );
  }
  if (isDate(s)) return item(<DatePicker style={{ width: '100%' }} />, { initialValue: dayjs(ctx.today) });
  if (s.type === 'boolean') return item(<Switch />, { valuePropName: 'checked', initialValue: false });
  if (s.type === 'integer' && last.endsWith('Fen'))
    return item(<InputNumber min={0} precision={2} style={{ width: '100%' }} addonAfter="元" />, { initialValue: 0 });
  if (s.type === 'integer' || s.type === 'number')
    return item(<InputNumber min={s.minimum} max={s.maximum} precision={0} style={{ width: '100%' }} />);
  if (s.enum)
    return item(<Select virtual={false} options={s.enum.map((v) => ({ value: v, label: enumLabels(key, ctx.dictionaries)[v] ?? v }))} />);
  if (s.type === 'array' && s.items?.enum) {
    return item(
      <Select
        mode="multiple"
        virtual={false}
        options={s.items.enum.map((v) => ({ value: v, label: enumLabels(key, ctx.dictionaries)[v] ?? v }))}
      />,
      { initialValue: [] },
    );
  }
  if (s.type === 'array') return item(<Select mode="tags" tokenSeparators={['，', ',']} />, { initialValue: [] });
  const long = (s.maxLength ?? 0) > 500;
  return item(long ? <Input.TextArea rows={4} maxLength={s.maxLength} showCount /> : <Input maxLength={s.maxLength} />);
}

/** Form values → the payload the API takes: dates as YYYY-MM-DD, yuan as integer fen, empty optional text as null. */
export function toPayload(schema: JsonSchema, value: unknown): unknown {
  const [s, canBeNull] = nullable(schema);
  if (value === undefined || value === null || value === '') return canBeNull ? null : s.type === 'array' ? [] : value;
  if (isDate(s) && dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (s.type === 'object' && s.properties) {
    const v = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(s.properties).map(([k, sub]) => [k, toPayload(sub, v[k])]));
  }
  return value;
}

function fenFields(schema: JsonSchema, value: unknown): unknown {
  if (!schema.properties || typeof value !== 'object' || value === null) return value;
  const v = { ...(value as Record<string, unknown>) };
  for (const [k, sub] of Object.entries(schema.properties)) {
    if (k.endsWith('Fen') && typeof v[k] === 'number') v[k] = Math.round((v[k] as number) * 100);
    else if (sub.type === 'object') v[k] = fenFields(sub, v[k]);
  }
  return v;
}

export function ActionForm({
  title,
  schema,
  ctx,
  open,
  onCancel,
  onSubmit,
}: {
  title: string;
  schema: JsonSchema;
  ctx: FormContext;
  open: boolean;
  onCancel: () => void;
  onSubmit: (payload: unknown) => Promise<void>;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const screens = Grid.useBreakpoint();
  const narrow = screens.sm === false;
  // The server's refusal is shown above the form: bring it into view, however far the form was scrolled.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  // The case's 执法类别, or the one this form sets (on-the-spot decisions open a case and name its field)
  const setsField = !ctx.field && !!schema.properties?.field;
  const watchedField = Form.useWatch('field', form) as string | undefined;
  const field = setsField ? (watchedField ?? null) : ctx.field;
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(toPayload(schema, fenFields(schema, values)));
      setError(undefined);
      form.resetFields();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onOk={submit}
      onCancel={() => {
        setError(undefined);
        onCancel();
      }}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      // On a phone the form takes the whole screen and scrolls inside, so 提交 stays in reach.
      width={narrow ? '100%' : 720}
      style={narrow ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      styles={{
        body: {
          maxHeight: narrow ? 'calc(100dvh - 130px)' : 'calc(100vh - 240px)',
          overflowY: 'auto',
          overflowX: 'hidden',
          paddingRight: 4,
        },
      }}
    >
      <div ref={errorRef}>{error && <ActionErrorAlert error={error} />}</div>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed: Record<string, unknown>) => {
          // A violation type of another 执法类别 does not stay chosen when the field changes.
          if (setsField && 'field' in changed) {
            const chosen = form.getFieldValue('violationTypeId') as string | undefined;
            if (chosen && !typesOfField(ctx.violationTypes, changed.field as string).some((v) => v.id === chosen))
              form.setFieldValue('violationTypeId', undefined);
          }
        }}
      >
        {Object.entries(schema.properties ?? {}).map(([k, v]) => (
          <Field key={k} name={[k]} schema={v} required={(schema.required ?? []).includes(k)} ctx={ctx} field={field} />
        ))}
      </Form>
    </Modal>
  );
}
