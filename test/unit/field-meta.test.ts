/**
 * Every field of every action's payload, in every procedure, carries its Chinese title, and
 * every enum the Chinese names of its values, in the JSON Schema the console builds its forms
 * from (FieldMeta, src/procedure/spec.ts): a field added without them fails here rather than
 * showing its key on a user's screen.
 */
import { describe, expect, it } from 'vitest';
import { actionDictionary } from '../../src/procedure/routes.js';
import type { FieldMeta } from '../../src/procedure/spec.js';
import { PROCEDURES } from '../../scripts/procedure-docs/procedures.js';

interface Schema extends FieldMeta {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: string[];
  anyOf?: Schema[];
}

const CHINESE = /\p{Script=Han}/u;

/** A field's schema without its null branch, with the meta set on the field or on that branch. */
function unwrap(s: Schema): Schema {
  const { anyOf, ...meta } = s;
  const alt = anyOf?.find((x) => x.type !== 'null');
  return alt ? { ...alt, ...meta } : s;
}

/** What the fields of an object schema lack, by their dotted paths. */
function lacking(s: Schema, path: string[] = []): string[] {
  return Object.entries(s.properties ?? {}).flatMap(([k, sub]) => {
    const f = unwrap(sub);
    const at = [...path, k];
    const labels = f.labels ?? f.items?.labels ?? {};
    return [
      ...(f.title && CHINESE.test(f.title) ? [] : [`${at.join('.')}: no Chinese title`]),
      ...(f.enum ?? f.items?.enum ?? [])
        .filter((v) => !CHINESE.test(labels[v] ?? ''))
        .map((v) => `${at.join('.')}: "${v}" has no Chinese name`),
      ...lacking(f, at),
      ...(f.items ? lacking(f.items, [...at, '[]']) : []),
    ];
  });
}

describe.each(PROCEDURES)('the action forms of $file', ({ proc }) => {
  it.each(actionDictionary(proc).map((a) => [a.type, a.schema as Schema] as const))(
    '%s: every field has a Chinese title, every enum value a Chinese name',
    (_type, schema) => {
      expect(lacking(schema)).toEqual([]);
    },
  );
});

describe('the walk', () => {
  it('sees nested fields (a group, a nullable, an array of objects)', () => {
    const probe: Schema = {
      properties: {
        group: { type: 'object', title: '组', properties: { inner: { type: 'string' } } },
        maybe: { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'null' }], title: '可空' },
        list: { type: 'array', title: '列表', items: { type: 'object', properties: { x: { type: 'string', title: 'x' } } } },
      },
    };
    expect(lacking(probe)).toEqual(['group.inner: no Chinese title', 'maybe: "a" has no Chinese name', 'list.[].x: no Chinese title']);
  });
});

describe('an input refusal names the field by its Chinese title, never its code path', () => {
  it('names the nested field at fault in every procedure’s opening action', async () => {
    const { parsePayload } = await import('../../src/procedure/runner.js');
    const { PENALTY_ACTIONS } = await import('../../src/modules/enforcement/workflow.js');
    const spec = PENALTY_ACTIONS['penalty.register'];
    const bad = {
      source: { kind: 'patrol', summary: '巡查发现', receivedOn: '2026-03-02' },
      party: { kind: 'citizen', name: '张三', idNumber: '12345', address: '某村', phone: null, representative: null },
      field: '综合行政执法',
    };
    let message = '';
    try {
      parsePayload(spec, bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^案源登记：/);
    expect(message).toContain('（身份证号');
    expect(message).not.toMatch(/[a-z]+\.[a-zA-Z]+/);
  });
});
