/**
 * A payload read back in words, field by field, from the action's own schema: each field's
 * Chinese title, enum values by their names, amounts in ¥, people by name. It shows an
 * approver the request he answers, as it was made.
 */
import { Descriptions } from 'antd';
import type { JsonSchema } from './types';
import { unwrap } from './SchemaForm';

const FEN_PER_YUAN = 100;

/** ¥ with thousands separators, from fen. */
export const yuanText = (fen: number) =>
  `¥${(fen / FEN_PER_YUAN).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function valueText(s: JsonSchema, v: unknown, personName: (id: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  // An array's widget and names sit on the array (an officer list) or on its items (an enum's).
  if (Array.isArray(v))
    return (
      v
        .map((x) => valueText({ ...s.items, widget: s.widget ?? s.items?.widget, labels: s.items?.labels ?? s.labels }, x, personName))
        .join('、') || '—'
    );
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (s.widget === 'yuan' && typeof v === 'number') return yuanText(v);
  if (s.widget === 'person' && typeof v === 'string') return personName(v);
  if (typeof v === 'string') return s.labels?.[v] ?? v;
  if (typeof v === 'object') return '（见案卷）';
  return String(v);
}

/** The value schema of a field (its nullable union unwrapped). */
const valueSchema = (s: JsonSchema): JsonSchema => unwrap(s).s;

export function PayloadSummary({
  schema,
  payload,
  personName = (id) => id,
  title,
}: {
  schema: JsonSchema;
  payload: Record<string, unknown>;
  personName?: (id: string) => string;
  title?: string;
}) {
  const fields = Object.entries(schema.properties ?? {}).filter(([k, s]) => k in payload && valueSchema(s).widget !== 'hidden');
  return (
    <Descriptions size="small" column={1} bordered title={title} style={{ marginBottom: 16 }} data-testid="payload-summary">
      {fields.map(([k, s]) => {
        const v = valueSchema(s);
        return (
          <Descriptions.Item key={k} label={s.title ?? v.title ?? k}>
            {valueText(v, payload[k], personName)}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
