/**
 * 政务公开 read-only views shared by the console and the portal: a list version's content, a
 * 以案释法's cited articles, a catalog entry. Apart from the console's pages so the portal's
 * bundle does not carry the console's editing forms.
 */
import { Descriptions, Table } from 'antd';
import { Scrollable } from './Scrollable';
import {
  GUIDE_LABELS,
  GUIDE_TEXT_FIELDS,
  INSPECTION_LABELS,
  POWER_CATEGORIES,
  POWER_LABELS,
  PROCEDURE_KINDS,
} from '../../src/modules/openness/labels';

export interface PowerItem {
  name: string;
  category: string;
  basis: string;
  procedure: string;
  channels: string;
}
export interface InspectionItem {
  item: string;
  basis: string;
  object: string;
  method: string;
  frequency: string;
}
export interface Guide {
  basis: string;
  conditions: string;
  materials: string[];
  steps: string;
  timeLimit: string;
  fee: string;
  place: string;
  channels: string;
}
export type Content =
  | { kind: 'powers'; items: PowerItem[] }
  | { kind: 'inspections'; items: InspectionItem[] }
  | { kind: 'guide'; guide: Guide };

export const PROCEDURES = Object.entries(PROCEDURE_KINDS).map(([value, label]) => ({ value, label }));
export const CATEGORIES = POWER_CATEGORIES.map((v) => ({ value: v, label: v }));

/** The fields a power's form asks as free text (its category and procedure are chosen). */
export const POWER_FIELDS = (['name', 'basis', 'channels'] as const).map((k) => [k, POWER_LABELS[k]] as const);
export const INSPECTION_FIELDS = labelled(INSPECTION_LABELS);
export const GUIDE_FIELDS = GUIDE_TEXT_FIELDS.map((k) => [k, GUIDE_LABELS[k]] as const);

function labelled<K extends string>(labels: Record<K, string>) {
  return (Object.keys(labels) as K[]).map((k) => [k, labels[k]] as const);
}

/** A list's items as a numbered table, a column per label; `cell` renders a coded value. */
function ItemsTable<T extends object>(props: {
  label: string;
  labels: Record<keyof T & string, string>;
  items: T[];
  cell?: Partial<Record<keyof T, (v: string) => string | undefined>>;
}) {
  return (
    <Scrollable label={props.label}>
      <Table<T>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        dataSource={props.items}
        columns={[
          { title: '序号', render: (_, __, i) => i + 1, width: 60 },
          ...labelled(props.labels).map(([k, title]) => ({
            title,
            dataIndex: k,
            render: (v: string) => props.cell?.[k]?.(v) ?? v,
          })),
        ]}
      />
    </Scrollable>
  );
}

/** The content of a version, read-only. */
export function ContentView({ content }: { content: Content }) {
  if (content.kind === 'guide')
    return (
      <Descriptions column={1} bordered size="small">
        {GUIDE_FIELDS.map(([k, label]) => (
          <Descriptions.Item key={k} label={label}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{content.guide[k]}</span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={GUIDE_LABELS.materials}>{content.guide.materials.join('；')}</Descriptions.Item>
      </Descriptions>
    );
  if (content.kind === 'powers')
    return (
      <ItemsTable<PowerItem>
        label="执法事项清单"
        labels={POWER_LABELS}
        items={content.items}
        cell={{ procedure: (v) => PROCEDURE_KINDS[v as keyof typeof PROCEDURE_KINDS] }}
      />
    );
  return <ItemsTable<InspectionItem> label="随机抽查事项清单" labels={INSPECTION_LABELS} items={content.items} />;
}

export interface Citation {
  law: string;
  article: string;
  excerpt?: string | null;
}

export function CitationList({ citations }: { citations: Citation[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {citations.map((c) => (
        <li key={`${c.law}${c.article}`}>
          《{c.law}》{c.article}
          {c.excerpt ? <div style={{ color: '#595959' }}>{c.excerpt}</div> : null}
        </li>
      ))}
    </ul>
  );
}

export interface CatalogEntry {
  id: string;
  indexNumber: string;
  category: string;
  categoryName: string;
  title: string;
  publishedOn: string;
  agency: { id: string; name: string };
  link: string | null;
  file: { sha256: string; fileName: string | null } | null;
  /** The public URL of its file (DOCX, PDF), while it is in force */
  download: string | null;
  withdrawn: { on: string; reason: string } | null;
}
