/**
 * The form of any procedure action, built only from the JSON Schema the server publishes
 * for its payload (GET <path>/dictionaries): each field's label is the schema's `title`,
 * an enum's options are named by its `labels`, `widget` picks a textarea, hides a field or
 * asks the page for a widget of its own (e.g. the record's pending consultations). Dates
 * are date pickers sending YYYY-MM-DD; a nullable field may stay empty (sent as null);
 * a nested object is a group of fields. No label lives here: a field the server names
 * nowhere shows its key.
 *
 * The server checks everything again. Its answer is shown where it belongs: each input
 * issue (400) at its field, every refusal of a gate (409) with its article above the form.
 * One Idempotency-Key serves one submission: a retry after a lost answer reuses it (the
 * server then does nothing twice); once the server has answered, the next try gets a new one.
 */
import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { ActionErrorAlert, inputIssuesOf, type InputIssue } from '../../ActionErrorAlert';
import type { JsonSchema } from './types';

export type WidgetOptions = Record<string, { value: string | number; label: string }[]>;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const isDate = (s: JsonSchema) => s.type === 'string' && s.pattern === DATE_PATTERN;

/** A nullable field's schema without its null branch (keeping the title, widget and labels set beside the anyOf), and whether it may be null. */
export function unwrap(schema: JsonSchema): { s: JsonSchema; nullable: boolean } {
  if (!schema.anyOf) return { s: schema, nullable: false };
  const alt = schema.anyOf.find((x) => x.type !== 'null') ?? {};
  const nullable = schema.anyOf.some((x) => x.type === 'null');
  return {
    s: { ...alt, title: schema.title ?? alt.title, widget: schema.widget ?? alt.widget, labels: schema.labels ?? alt.labels },
    nullable,
  };
}

/** A hidden field the form fills itself: an enum of one value (e.g. an approval's `kind`). */
const fixedValue = (s: JsonSchema) => (s.widget === 'hidden' && s.enum?.length === 1 ? s.enum[0] : undefined);
/** A hidden field the server fills (e.g. a tracking code's hash): left out of the payload. */
const leftOut = (s: JsonSchema) => s.widget === 'hidden' && fixedValue(s) === undefined;

/** The dotted paths of the fields the form shows or fills, where the server's input issues can be placed. */
function fieldPaths(schema: JsonSchema, prefix: string[] = []): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([k, sub]) => {
    const { s } = unwrap(sub);
    if (leftOut(s)) return [];
    const name = [...prefix, k];
    return s.type === 'object' && s.properties ? fieldPaths(s, name) : [name.join('.')];
  });
}

/** Form values → the payload: dates as YYYY-MM-DD, empty nullable fields as null, hidden single values filled, server-filled fields left out. */
export function toPayload(schema: JsonSchema, values: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, sub] of Object.entries(schema.properties ?? {})) {
    const { s, nullable } = unwrap(sub);
    if (leftOut(s)) continue;
    const v = values?.[k];
    const fixed = fixedValue(s);
    if (fixed !== undefined) out[k] = fixed;
    else if (s.type === 'object' && s.properties) out[k] = toPayload(s, v as Record<string, unknown> | undefined);
    else if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (nullable) out[k] = null;
      else if (s.type === 'array') out[k] = [];
      else if (s.type === 'boolean') out[k] = false;
    } else if (isDate(s) && dayjs.isDayjs(v)) out[k] = v.format('YYYY-MM-DD');
    else out[k] = v;
  }
  return out;
}

function Field({
  name,
  schema,
  required,
  today,
  widgets,
}: {
  name: string[];
  schema: JsonSchema;
  required: boolean;
  today: string;
  widgets: WidgetOptions;
}) {
  const { s, nullable } = unwrap(schema);
  const label = s.title ?? name.at(-1)!;
  const mustFill = required && !nullable;
  const fixed = fixedValue(s);
  if (fixed !== undefined)
    return (
      <Form.Item name={name} hidden initialValue={fixed}>
        <Input aria-label={label} />
      </Form.Item>
    );
  if (leftOut(s)) return null;
  if (s.type === 'object' && s.properties) {
    // A group the schema does not name has no legend (its fields name themselves).
    return (
      <fieldset
        style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px 0', marginBottom: 16 }}
        data-group={name.join('.')}
      >
        {s.title && (
          <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0, color: 'rgba(0, 0, 0, 0.88)' }}>
            {s.title}
          </legend>
        )}
        {Object.entries(s.properties).map(([k, v]) => (
          <Field key={k} name={[...name, k]} schema={v} required={(s.required ?? []).includes(k)} today={today} widgets={widgets} />
        ))}
      </fieldset>
    );
  }
  const choose = !!s.enum || !!s.items?.enum || (!!s.widget && s.widget in widgets) || isDate(s);
  const rules: object[] =
    mustFill && s.type !== 'boolean' && s.type !== 'array' ? [{ required: true, message: `${choose ? '请选择' : '请填写'}${label}` }] : [];
  if (s.type === 'string' && s.pattern && !isDate(s) && !s.enum) {
    try {
      rules.push({ pattern: new RegExp(s.pattern), message: `${label}格式不正确` });
    } catch {
      // a pattern the browser cannot read: the server checks it
    }
  }
  if (s.format === 'email') rules.push({ type: 'email', message: `${label}格式不正确` });
  if (s.type === 'string' && s.minLength && s.minLength > 1) rules.push({ min: s.minLength, message: `${label}至少 ${s.minLength} 个字` });
  const item = (control: React.ReactNode, extra: Partial<React.ComponentProps<typeof Form.Item>> = {}) => (
    <Form.Item name={name} label={label} rules={rules} required={mustFill && s.type !== 'boolean'} {...extra}>
      {control}
    </Form.Item>
  );
  if (s.widget && s.widget in widgets) {
    const options = widgets[s.widget]!;
    return item(
      <Select virtual={false} allowClear={nullable} options={options} placeholder={options.length ? '请选择' : '没有可选的项目'} />,
      options.length === 1 && mustFill ? { initialValue: options[0]!.value } : {},
    );
  }
  if (isDate(s)) return item(<DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />, mustFill ? { initialValue: dayjs(today) } : {});
  if (s.type === 'boolean') return item(<Switch />, { valuePropName: 'checked', initialValue: false });
  if (s.type === 'integer' || s.type === 'number') {
    // zod writes Number.MAX_SAFE_INTEGER as the bound of an unbounded integer: no bound to show
    const max = s.maximum !== undefined && s.maximum < 1e15 ? s.maximum : undefined;
    return item(<InputNumber min={s.minimum} max={max} precision={s.type === 'integer' ? 0 : undefined} style={{ width: '100%' }} />);
  }
  const named = (values: string[]) => values.map((v) => ({ value: v, label: s.labels?.[v] ?? s.items?.labels?.[v] ?? v }));
  if (s.enum) {
    return item(
      <Select
        virtual={false}
        allowClear={nullable}
        placeholder="请选择"
        options={named(s.enum)}
        optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
        popupMatchSelectWidth
      />,
    );
  }
  if (s.type === 'array' && s.items?.enum)
    return item(<Select mode="multiple" virtual={false} options={named(s.items.enum)} />, { initialValue: [] });
  if (s.type === 'array') return item(<Select mode="tags" tokenSeparators={['，', ',']} />, { initialValue: [] });
  if (s.widget === 'textarea') return item(<Input.TextArea rows={4} maxLength={s.maxLength} showCount={!!s.maxLength} />);
  return item(<Input maxLength={s.maxLength} />);
}

export function SchemaForm({
  title,
  schema,
  today,
  widgets = {},
  initialValues,
  open,
  onCancel,
  onSubmit,
}: {
  title: string;
  schema: JsonSchema;
  /** The server's legal date: the default of required dates */
  today: string;
  /** Options of the widgets the page supplies, by the schema's `widget` name */
  widgets?: WidgetOptions;
  initialValues?: Record<string, unknown>;
  open: boolean;
  onCancel: () => void;
  /** Sends the payload with this Idempotency-Key; throws the server's ApiError when it refuses */
  onSubmit: (payload: Record<string, unknown>, idempotencyKey: string) => Promise<void>;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError>();
  const [unplaced, setUnplaced] = useState<InputIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef(crypto.randomUUID());
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  useEffect(() => {
    // A form opened anew is a new submission.
    if (open) {
      key.current = crypto.randomUUID();
      setError(undefined);
      setUnplaced([]);
    }
  }, [open]);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(toPayload(schema, values), key.current);
      setError(undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        // No answer (the network): the same key again, so a retry cannot act twice.
        setError(new ApiError(0, 'NETWORK', '网络连接中断，未收到服务器答复。请检查网络后再次提交（再次提交不会重复办理）。'));
        setUnplaced([]);
        return;
      }
      key.current = crypto.randomUUID(); // the server answered: nothing was done under the old key
      const issues = inputIssuesOf(e);
      const paths = new Set(fieldPaths(schema));
      const placed = issues.filter((i) => paths.has(i.path));
      form.setFields(placed.map((i) => ({ name: i.path.split('.'), errors: [i.message] })));
      setUnplaced(issues.filter((i) => !paths.has(i.path)));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      width={720}
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 4 } }}
    >
      <div ref={errorRef}>{error && <ActionErrorAlert error={error} unplaced={unplaced} />}</div>
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues} data-testid="schema-form">
        {Object.entries(schema.properties ?? {}).map(([k, v]) => (
          <Field key={k} name={[k]} schema={v} required={(schema.required ?? []).includes(k)} today={today} widgets={widgets} />
        ))}
      </Form>
    </Modal>
  );
}
