/**
 * 政务公开 read-only views shared by the console and the portal: a list version's content, a
 * 以案释法's cited articles, a catalog entry. Apart from the console's pages so the portal's
 * bundle does not carry the console's editing forms.
 */
import { Descriptions, Table } from 'antd';
import { Scrollable } from './Scrollable';

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

export const PROCEDURES = [
  { value: 'general', label: '普通程序' },
  { value: 'simple', label: '简易程序' },
  { value: 'both', label: '普通程序、简易程序' },
];

export const POWER_FIELDS: [keyof PowerItem, string][] = [
  ['name', '执法事项名称'],
  ['basis', '法律依据'],
  ['channels', '投诉举报和监督渠道'],
];
export const INSPECTION_FIELDS: [keyof InspectionItem, string][] = [
  ['item', '抽查事项'],
  ['basis', '抽查依据'],
  ['object', '抽查对象'],
  ['method', '抽查方式'],
  ['frequency', '抽查频次'],
];
export const GUIDE_FIELDS: [Exclude<keyof Guide, 'materials'>, string][] = [
  ['basis', '设定依据'],
  ['conditions', '办理条件'],
  ['steps', '办理流程'],
  ['timeLimit', '办理时限'],
  ['fee', '收费标准'],
  ['place', '办理地点和时间'],
  ['channels', '咨询和监督投诉渠道'],
];

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
        <Descriptions.Item label="申请材料">{content.guide.materials.join('；')}</Descriptions.Item>
      </Descriptions>
    );
  if (content.kind === 'powers')
    return (
      <Scrollable label="执法事项清单">
        <Table<PowerItem>
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={content.items}
          columns={[
            { title: '序号', render: (_, __, i) => i + 1, width: 60 },
            { title: '执法事项', dataIndex: 'name' },
            { title: '类别', dataIndex: 'category', width: 90 },
            { title: '法律依据', dataIndex: 'basis' },
            { title: '执法程序', render: (_, p) => PROCEDURES.find((x) => x.value === p.procedure)?.label },
            { title: '投诉监督渠道', dataIndex: 'channels' },
          ]}
        />
      </Scrollable>
    );
  return (
    <Scrollable label="随机抽查事项清单">
      <Table<InspectionItem>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        dataSource={content.items}
        columns={[
          { title: '序号', render: (_, __, i) => i + 1, width: 60 },
          ...INSPECTION_FIELDS.map(([k, label]) => ({ title: label, dataIndex: k })),
        ]}
      />
    </Scrollable>
  );
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
