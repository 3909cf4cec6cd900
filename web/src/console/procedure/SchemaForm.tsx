/**
 * The form of any procedure action, built only from the JSON Schema the server publishes
 * for its payload (GET <path>/dictionaries): each field's label is the schema's `title`,
 * an enum's options are named by its `labels`, and `widget` (the server's vocabulary,
 * src/procedure/spec.ts) picks how a field is shown: a textarea, hidden, an amount in yuan,
 * a checklist, or options the page supplies from what it knows (the agency's people, its
 * 裁量基准, the record's pending consultations). Dates are date pickers sending YYYY-MM-DD;
 * a nullable field may stay empty (sent as null); a nested object is a group of fields; a
 * field's `default` is where it starts. No label lives here: a field the server names
 * nowhere shows its key.
 *
 * The server checks everything again. Its answer is shown where it belongs: each input
 * issue (400) at its field, every refusal of a gate (409) with its article above the form.
 * One Idempotency-Key serves one submission: a retry after a lost answer reuses it (the
 * server then does nothing twice); once the server has answered, the next try gets a new one.
 */
import { AutoComplete, Button, Checkbox, Form, Grid, Input, InputNumber, Modal, Select, Switch, type SelectProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api';
import { ActionErrorAlert, inputIssuesOf, refusalsOf, type InputIssue, type Refusal } from '../../ActionErrorAlert';
import type { JsonSchema, PageWidget } from './types';

/** What the page supplies for a widget the schema names: the options, and how to offer them. */
export interface WidgetSupply {
  /** `detail`: a second line in the open list only (a person's 执法证), so a chosen value stays short */
  options: { value: string | number; label: string; detail?: string }[];
  /** Free text, the options only suggested */
  suggest?: boolean;
  /** Why there is nothing to choose (the placeholder, and the empty list's text) */
  none?: string;
  /** A note under the field */
  extra?: string;
}

export type Widgets = Partial<Record<PageWidget, WidgetSupply>>;
/** The page's widgets, fixed or following what the form holds (the 违法行为 of the 执法类别 being entered) */
export type WidgetSource = Widgets | ((values: Record<string, unknown>) => Widgets);

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const isDate = (s: JsonSchema) => s.type === 'string' && s.pattern === DATE_PATTERN;

/** A nullable field's schema without its null branch (keeping the title, widget and labels set beside the anyOf), and whether it may be null. */
export function unwrap(schema: JsonSchema): { s: JsonSchema; nullable: boolean } {
  // A refined field (a checked ID number) comes as `type: ["string", "null"]` rather than an anyOf.
  if (Array.isArray(schema.type)) {
    const type = schema.type.find((t) => t !== 'null');
    return { s: { ...schema, ...(type ? { type } : {}) }, nullable: schema.type.includes('null') };
  }
  if (!schema.anyOf) return { s: schema, nullable: false };
  const alt = schema.anyOf.find((x) => x.type !== 'null') ?? {};
  const nullable = schema.anyOf.some((x) => x.type === 'null');
  return {
    s: {
      ...alt,
      title: schema.title ?? alt.title,
      widget: schema.widget ?? alt.widget,
      labels: schema.labels ?? alt.labels,
      default: schema.default ?? alt.default,
    },
    nullable,
  };
}

/** A hidden field the form fills itself: an enum of one value (e.g. an approval's `kind`). */
const fixedValue = (s: JsonSchema) => (s.widget === 'hidden' && s.enum?.length === 1 ? s.enum[0] : undefined);
/** A hidden field the server fills (e.g. a tracking code's hash): left out of the payload. */
const leftOut = (s: JsonSchema) => s.widget === 'hidden' && fixedValue(s) === undefined;
const isGroup = (s: JsonSchema) => s.type === 'object' && !!s.properties;
/** An array of groups (a petition's petitioners): one fieldset per item, added and removed by the user. */
const isGroupList = (s: JsonSchema) => s.type === 'array' && !!s.items && isGroup(s.items);
/** The page's supply for a field, if its widget is one the page supplies. */
const supplyOf = (s: JsonSchema, widgets: Widgets) => (s.widget ? widgets[s.widget as PageWidget] : undefined);
/** Amounts are kept in fen and entered in yuan. */
const FEN_PER_YUAN = 100;

/** The dotted paths of the fields the form shows or fills, where the server's input issues can be placed. */
function fieldPaths(schema: JsonSchema, prefix: string[] = []): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([k, sub]) => {
    const { s } = unwrap(sub);
    if (leftOut(s)) return [];
    const name = [...prefix, k];
    return isGroup(s) ? fieldPaths(s, name) : [name.join('.')];
  });
}

/**
 * Form values → the payload: dates as YYYY-MM-DD, yuan as integer fen, empty nullable fields
 * as null, hidden single values filled, server-filled fields and optional groups left out.
 */
export function toPayload(schema: JsonSchema, values: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, sub] of Object.entries(schema.properties ?? {})) {
    const { s, nullable } = unwrap(sub);
    if (leftOut(s) || (isGroup(s) && !schema.required?.includes(k))) continue;
    const v = values?.[k];
    const fixed = fixedValue(s);
    if (fixed !== undefined) out[k] = fixed;
    else if (isGroup(s)) out[k] = toPayload(s, v as Record<string, unknown> | undefined);
    else if (isGroupList(s) && Array.isArray(v)) out[k] = v.map((x) => toPayload(s.items!, x as Record<string, unknown> | undefined));
    else if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (nullable) out[k] = null;
      else if (s.type === 'array') out[k] = [];
      else if (s.type === 'boolean') out[k] = false;
    } else if (isDate(s) && typeof v === 'string') out[k] = v.trim();
    else if (s.widget === 'yuan' && typeof v === 'number') out[k] = Math.round(v * FEN_PER_YUAN);
    else out[k] = v;
  }
  return out;
}

/** Is `v` (empty: nothing to check) a real calendar day written YYYY-MM-DD? */
function realDate(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v).isValid() && dayjs(v).format('YYYY-MM-DD') === v;
}

/** A number outside its bounds is refused at the field, never clamped into them. */
const bounded = (label: string, min: number | undefined, max: number | undefined, unit: string) => ({
  validator: (_: unknown, v: unknown) => {
    if (typeof v !== 'number') return Promise.resolve();
    if (min !== undefined && v < min) return Promise.reject(new Error(`${label}不能小于 ${min}${unit}`));
    if (max !== undefined && v > max) return Promise.reject(new Error(`${label}不能大于 ${max.toLocaleString('zh-CN')}${unit}`));
    return Promise.resolve();
  },
});

/** The schema without `names` (the fields an offer presets). */
function withoutFields(schema: JsonSchema, names: readonly string[]): JsonSchema {
  if (!names.length) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !names.includes(k)));
  return { ...schema, properties, required: (schema.required ?? []).filter((k) => !names.includes(k)) };
}

/** Long option labels wrap rather than being cut; an option's detail is a muted second line. */
const wrapped: SelectProps['optionRender'] = (o) => (
  <div style={{ whiteSpace: 'normal' }}>
    {o.label}
    {typeof o.data?.detail === 'string' && <div style={{ fontSize: 12, color: '#666' }}>{o.data.detail}</div>}
  </div>
);

/** An object of items (e.g. 审核要点), each a checkbox per yes/no and a short note per text, named by the item's title. */
function Checklist({ name, s, label }: { name: (string | number)[]; s: JsonSchema; label: string }) {
  return (
    <Form.Item label={label} required>
      {Object.entries(s.properties ?? {}).map(([k, item]) => (
        <div key={k} style={{ marginBottom: 8 }}>
          {Object.entries(item.properties ?? {}).map(([part, p]) =>
            p.type === 'boolean' ? (
              <Form.Item key={part} name={[...name, k, part]} valuePropName="checked" initialValue={p.default ?? false} noStyle>
                <Checkbox>{item.title ?? k}</Checkbox>
              </Form.Item>
            ) : (
              <Form.Item
                key={part}
                name={[...name, k, part]}
                initialValue={p.default}
                noStyle
                rules={[{ required: true, message: `请填写${item.title ?? k}的${p.title ?? part}` }]}
              >
                <Input size="small" style={{ marginTop: 4 }} aria-label={`${item.title ?? k}：${p.title ?? part}`} />
              </Form.Item>
            ),
          )}
        </div>
      ))}
    </Form.Item>
  );
}

function Field({
  name,
  schema,
  required,
  today,
  widgets,
}: {
  name: (string | number)[];
  schema: JsonSchema;
  required: boolean;
  today: string;
  widgets: Widgets;
}) {
  const { s, nullable } = unwrap(schema);
  const label = s.title ?? String(name.at(-1)!);
  const mustFill = required && !nullable;
  const fixed = fixedValue(s);
  if (fixed !== undefined)
    return (
      <Form.Item name={name} hidden initialValue={fixed}>
        <Input aria-label={label} />
      </Form.Item>
    );
  if (leftOut(s)) return null;
  // An optional group (an uploaded file, a recording's particulars) needs a form of its own: it is left out.
  if (isGroup(s) && !required) return null;
  if (isGroup(s) && s.widget === 'checklist') return <Checklist name={name} s={s} label={label} />;
  if (isGroup(s)) {
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
        {Object.entries(s.properties!).map(([k, v]) => (
          <Field key={k} name={[...name, k]} schema={v} required={(s.required ?? []).includes(k)} today={today} widgets={widgets} />
        ))}
      </fieldset>
    );
  }
  if (isGroupList(s)) return <GroupList name={name} s={s} label={label} today={today} widgets={widgets} />;
  const supply = supplyOf(s, widgets);
  const choose = !!s.enum || !!s.items?.enum || (!!supply && !supply.suggest) || isDate(s);
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
  if (s.type === 'array' && s.minItems) rules.push({ type: 'array', min: s.minItems, message: `${label}：至少 ${s.minItems} 项` });
  const item = (control: React.ReactNode, extra: Partial<React.ComponentProps<typeof Form.Item>> = {}) => (
    <Form.Item
      name={name}
      label={label}
      rules={rules}
      // An array may be empty unless it has a minimum.
      required={(mustFill && s.type !== 'boolean' && s.type !== 'array') || !!s.minItems}
      {...(s.default !== undefined ? { initialValue: s.default } : {})}
      {...extra}
    >
      {control}
    </Form.Item>
  );
  if (supply?.suggest) {
    // Once the input is one of the suggestions, nothing is left to suggest and the list closes (it would cover the buttons).
    return item(
      <AutoComplete
        options={supply.options}
        filterOption={(input, o) => {
          const v = String(o?.value ?? '');
          return v !== input && v.includes(input);
        }}
      />,
    );
  }
  if (supply) {
    const placeholder = supply.none && supply.options.length === 0 ? supply.none : supply.options.length ? '请选择' : '没有可选的项目';
    const search = { virtual: false, showSearch: true, optionFilterProp: 'label', options: supply.options, optionRender: wrapped };
    if (s.type === 'array') return item(<Select mode="multiple" {...search} />, { initialValue: [] });
    return item(<Select {...search} allowClear={nullable} placeholder={placeholder} notFoundContent={supply.none} />, {
      extra: supply.extra,
      ...(supply.options.length === 1 && mustFill ? { initialValue: supply.options[0]!.value } : {}),
    });
  }
  // Typed as text and checked, not picked: an impossible date is refused at the field, never replaced by another.
  if (isDate(s)) {
    rules.push({
      validator: (_: unknown, v: unknown) =>
        realDate(v) ? Promise.resolve() : Promise.reject(new Error(`${label}不是有效的日期（格式：2026-03-02）`)),
    });
    return item(<Input placeholder="YYYY-MM-DD" inputMode="numeric" maxLength={10} />, mustFill ? { initialValue: today } : {});
  }
  if (s.type === 'boolean') return item(<Switch />, { valuePropName: 'checked', initialValue: s.default ?? false });
  if (s.widget === 'yuan') {
    const max = s.maximum !== undefined ? s.maximum / FEN_PER_YUAN : undefined;
    rules.push(bounded(label, 0, max, '元'));
    return item(<InputNumber precision={2} style={{ width: '100%' }} addonAfter="元" />, { initialValue: 0 });
  }
  if (s.type === 'integer' || s.type === 'number') {
    // zod writes Number.MAX_SAFE_INTEGER as the bound of an unbounded integer: no bound to show
    const max = s.maximum !== undefined && s.maximum < 1e15 ? s.maximum : undefined;
    rules.push(bounded(label, s.minimum, max, ''));
    return item(<InputNumber precision={s.type === 'integer' ? 0 : undefined} style={{ width: '100%' }} />);
  }
  const named = (values: string[]) => values.map((v) => ({ value: v, label: s.labels?.[v] ?? s.items?.labels?.[v] ?? v }));
  if (s.enum) {
    return item(
      <Select
        virtual={false}
        allowClear={nullable}
        placeholder="请选择"
        options={named(s.enum)}
        optionRender={wrapped}
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

/** An array of groups: a fieldset per item (its legend the item's title and number), at least `minItems` (as many to start with), at most `maxItems`. */
function GroupList({
  name,
  s,
  label,
  today,
  widgets,
}: {
  name: (string | number)[];
  s: JsonSchema;
  label: string;
  today: string;
  widgets: Widgets;
}) {
  const items = s.items!;
  const min = s.minItems ?? 0;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }} data-group={name.join('.')}>
      <legend style={{ fontSize: 14, border: 0, marginBottom: 8 }}>{label}</legend>
      <Form.List name={name} initialValue={Array.from({ length: min }, () => ({}))}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <fieldset
                key={f.key}
                style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px 0', marginBottom: 8 }}
                data-item={i}
              >
                <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0 }}>
                  {items.title ?? label}（{i + 1}）
                  {fields.length > min && (
                    <Button type="link" size="small" onClick={() => remove(f.name)} aria-label={`删除${items.title ?? label}（${i + 1}）`}>
                      删除
                    </Button>
                  )}
                </legend>
                {Object.entries(items.properties!).map(([k, v]) => (
                  <Field
                    key={k}
                    name={[f.name, k]}
                    schema={v}
                    required={(items.required ?? []).includes(k)}
                    today={today}
                    widgets={widgets}
                  />
                ))}
              </fieldset>
            ))}
            {(s.maxItems === undefined || fields.length < s.maxItems) && (
              <Button type="dashed" onClick={() => add({})} block>
                增加{items.title ?? label}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/** A chosen value the page no longer offers (the 违法行为 of another 执法类别) is cleared rather than sent. */
function withdrawn(schema: JsonSchema, values: Record<string, unknown>, widgets: Widgets): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([k, sub]) => {
    const supply = supplyOf(unwrap(sub).s, widgets);
    const v = values[k];
    if (!supply || supply.suggest || v === undefined || v === null || Array.isArray(v)) return [];
    return supply.options.some((o) => o.value === v) ? [] : [k];
  });
}

export function SchemaForm({
  title,
  schema: fullSchema,
  today,
  widgets = {},
  initialValues,
  preset,
  intro,
  aside,
  open,
  onCancel,
  onSubmit,
}: {
  title: string;
  schema: JsonSchema;
  /** Fields the offer fixes (the request an approval answers): not shown, sent as they are */
  preset?: Record<string, unknown>;
  /** What the form is about, above its fields (the request approved, the proposal decided on, the file attached) */
  intro?: ReactNode;
  /** What the page shows under the fields from what was entered so far (the likely duplicates of a petition being registered) */
  aside?: (values: Record<string, unknown>) => ReactNode;
  /** The server's legal date: the default of required dates */
  today: string;
  /** What the page supplies for the widgets the schema names (`widget`) */
  widgets?: WidgetSource;
  initialValues?: Record<string, unknown>;
  open: boolean;
  onCancel: () => void;
  /** Sends the payload with this Idempotency-Key; throws the server's ApiError when it refuses */
  onSubmit: (payload: Record<string, unknown>, idempotencyKey: string) => Promise<void>;
}) {
  const [form] = Form.useForm();
  // A preset field is not the user's to fill: the form leaves it out and the payload carries it.
  const schema = useMemo(() => withoutFields(fullSchema, Object.keys(preset ?? {})), [fullSchema, preset]);
  const [error, setError] = useState<ApiError>();
  const [unplaced, setUnplaced] = useState<InputIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [values, setValues] = useState<Record<string, unknown>>(initialValues ?? {});
  const supplied = typeof widgets === 'function' ? widgets(values) : widgets;
  // On a phone the form takes the whole screen and scrolls inside, so 提交 stays in reach.
  const narrow = Grid.useBreakpoint().sm === false;
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
  const changed = (all: Record<string, unknown>) => {
    const gone = typeof widgets === 'function' ? withdrawn(schema, all, widgets(all)) : [];
    for (const k of gone) form.setFieldValue(k, undefined);
    setValues({ ...all, ...Object.fromEntries(gone.map((k) => [k, undefined])) });
  };
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit({ ...toPayload(schema, values), ...preset }, key.current);
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
      // A gate's refusal that names its field is shown there too, with its article (all of them stay listed above).
      const atFields = (refusalsOf(e) as (Refusal & { field?: string })[]).filter((r) => r.field && paths.has(r.field));
      const byField = new Map<string, string[]>();
      for (const i of placed) byField.set(i.path, [...(byField.get(i.path) ?? []), i.message]);
      for (const r of atFields)
        byField.set(r.field!, [...(byField.get(r.field!) ?? []), r.citation ? `${r.message}（依据：${r.citation}）` : r.message]);
      form.setFields([...byField].map(([path, errors]) => ({ name: path.split('.'), errors })));
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
      <div ref={errorRef}>{error && <ActionErrorAlert error={error} unplaced={unplaced} />}</div>
      {intro}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        data-testid="schema-form"
        onValuesChange={(_, all: Record<string, unknown>) => changed(all)}
      >
        {Object.entries(schema.properties ?? {}).map(([k, v]) => (
          <Field key={k} name={[k]} schema={v} required={(schema.required ?? []).includes(k)} today={today} widgets={supplied} />
        ))}
      </Form>
      {aside?.(values)}
    </Modal>
  );
}
