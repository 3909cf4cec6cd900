/**
 * The form of a penalty-case action: the console's one action form (SchemaForm), which
 * takes every label, enum name and widget from the JSON Schema the server publishes (GET
 * /penalty-cases/dictionaries), with what the penalty pages supply for the widgets that
 * need what they know: the agency's people, the 执法类别 and 违法行为 of its 裁量基准, and
 * the circumstances of the case's violation type. The server validates again and enforces
 * the gates; its refusal is shown with its article.
 */
import { SchemaForm, type Widgets } from '../procedure/SchemaForm';
import type { Dictionaries, JsonSchema, ViolationType } from './types';
import { personOptions, type PersonCertificate } from './officers';

export interface FormContext {
  dictionaries: Dictionaries;
  people: { id: string; name: string; post: string }[];
  /** The people's 执法证, shown beside each name in the officer picker */
  certificates: PersonCertificate[];
  violationTypes: ViolationType[];
  /** The case's violation type, for its circumstances */
  violationTypeId: string | null;
  /** The case's 执法类别: only its violation types are offered (null when the form itself sets it) */
  field: string | null;
  today: string;
  /** The agency's rules for archiving a file with deductions, and without a required recording (shown by the 案卷评查 card) */
  archiveWhenIncomplete?: 'refuse' | 'warn';
  archiveWithoutRecording?: 'refuse' | 'warn';
}

/** The violation types a case of this 执法类别 may have (none until the field is known). */
export const typesOfField = (types: readonly ViolationType[], field: string | null | undefined) => {
  const f = field?.trim();
  return f ? types.filter((v) => v.field === f) : [];
};

/**
 * What the penalty pages supply for their widgets. The 执法类别 is the case's, or the one the
 * form is entering (an on-the-spot decision opens a case and names its field).
 */
export function penaltyWidgets(ctx: FormContext, values: Record<string, unknown>): Widgets {
  const field = ctx.field || (typeof values.field === 'string' ? values.field.trim() : '');
  // The case's violation type, or the one the form is entering (an on-the-spot decision names it).
  const violationTypeId = ctx.violationTypeId ?? (typeof values.violationTypeId === 'string' ? values.violationTypeId : null);
  const violationType = ctx.violationTypes.find((v) => v.id === violationTypeId);
  return {
    person: {
      options: personOptions(ctx.people, ctx.certificates, field || null),
    },
    'enforcement-field': {
      options: [...new Set(ctx.violationTypes.map((v) => v.field))].map((f) => ({ value: f, label: f })),
      suggest: true,
    },
    'violation-type': {
      options: typesOfField(ctx.violationTypes, field).map((v) => ({ value: v.id, label: v.name })),
      none: field ? `裁量基准中没有${field}类违法行为` : '请先填写执法类别',
      ...(field ? { extra: `仅列出${field}类的违法行为` } : {}),
    },
    circumstance: {
      options: (violationType?.circumstances ?? []).map((c) => ({ value: c.id, label: `${c.name}：${c.description}` })),
      none: '请先选择违法行为',
    },
  };
}

/**
 * Where a form on a case starts: the officers chosen once are proposed again, so a later record (询问笔录,
 * 现场检查笔录, 先行登记保存, 查封扣押 …) opens with the case's officers filled in (still the user's to change).
 */
export function caseInitialValues(schema: JsonSchema, c: { officers: readonly string[] }): Record<string, unknown> {
  const officers = schema.properties?.officers;
  return officers?.type === 'array' && officers.widget === 'person' && c.officers.length > 0 ? { officers: [...c.officers] } : {};
}

export function ActionForm({
  title,
  schema,
  ctx,
  open,
  preset,
  initialValues,
  intro,
  onCancel,
  onSubmit,
}: {
  title: string;
  schema: JsonSchema;
  ctx: FormContext;
  open: boolean;
  /** Fields the offer fixes (the request an approval answers) */
  preset?: Record<string, unknown>;
  /** Where fields start (the case's officers, see caseInitialValues) */
  initialValues?: Record<string, unknown>;
  /** What the form is about, above its fields */
  intro?: React.ReactNode;
  onCancel: () => void;
  /** Sends the payload with this Idempotency-Key; throws the server's ApiError when it refuses */
  onSubmit: (payload: Record<string, unknown>, idempotencyKey: string) => Promise<void>;
}) {
  return (
    <SchemaForm
      title={title}
      schema={schema}
      today={ctx.today}
      widgets={(values) => penaltyWidgets(ctx, values)}
      open={open}
      preset={preset}
      {...(initialValues ? { initialValues } : {})}
      intro={intro}
      onCancel={onCancel}
      onSubmit={onSubmit}
    />
  );
}
