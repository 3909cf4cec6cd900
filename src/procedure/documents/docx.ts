/**
 * DOCX rendering of a document's content in the official-document layout of GB/T 9704:
 * A4, margins top 37 mm / bottom 35 mm / left 28 mm / right 26 mm; the issuing agency and
 * the title centred in 小标宋 二号 (22 pt); the 文号 centred under them; body in 仿宋 三号
 * (16 pt) with two-character first-line indent; the seal block (agency and date) at the
 * lower right; page numbers at the foot.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { Block, DocumentContent } from './content.js';
import { qrPng } from './qr.js';

const BODY = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋_GB2312' };
const TITLE = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '方正小标宋简体' };
const HEI = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体' };
const pt = (n: number) => n * 2; // half-points
const LINE = 560; // 28 pt fixed line spacing in twips: 22 lines to a page, as official documents use

const run = (text: string, opts: { size?: number; font?: typeof BODY; bold?: boolean } = {}) =>
  new TextRun({ text, size: pt(opts.size ?? 16), font: opts.font ?? BODY, bold: opts.bold ?? false });

function bodyParagraph(text: string, indent = true): Paragraph {
  return new Paragraph({
    children: [run(text)],
    indent: indent ? { firstLine: pt(16) * 20 } : undefined,
    spacing: { line: LINE, lineRule: 'exact' },
    alignment: AlignmentType.JUSTIFIED,
  });
}

function blockChildren(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'field':
      return [new Paragraph({ children: [run(`${b.label}：`, { font: HEI }), run(b.value)], spacing: { line: LINE, lineRule: 'exact' } })];
    case 'paragraph':
      return [
        ...(b.heading ? [new Paragraph({ children: [run(b.heading, { font: HEI })], spacing: { line: LINE, lineRule: 'exact' } })] : []),
        ...b.text.split('\n').map((line) => bodyParagraph(line)),
      ];
    case 'table':
      return [table(b.header, b.rows)];
    case 'signatures':
      return b.lines.map(
        (l) =>
          new Paragraph({
            children: [run(`${l}                    年    月    日`)],
            spacing: { before: 240, line: LINE, lineRule: 'exact' },
          }),
      );
    default: {
      const never: never = b;
      return never;
    }
  }
}

function table(header: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, head: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: [run(text, { size: 12, font: head ? HEI : BODY })] })],
      borders: { top: border, bottom: border, left: border, right: border },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
    ],
  });
}

function cnDate(d: string | null): string {
  if (!d) return '    年  月  日';
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/**
 * A numbered document's QR code (25 mm square) and its 查验码 under the seal: scanned, or the
 * code typed on the portal, it opens the verify page (verification.ts).
 */
function verificationBlock(doc: DocumentContent): Paragraph[] {
  if (!doc.verification) return [];
  const { png } = qrPng(doc.verification.url);
  const side = Math.round((25 / 25.4) * 96);
  return [
    new Paragraph({
      spacing: { before: 360 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: side, height: side },
          altText: { name: '查验二维码', description: doc.verification.url, title: '查验二维码' },
        }),
      ],
    }),
    new Paragraph({ children: [run(`查验码：${doc.verification.code}`, { size: 10.5 })] }),
    new Paragraph({
      children: [
        run(`扫描二维码或在 ${new URL(doc.verification.url).origin}/portal/verify 输入查验码，核对本文书的真实性和效力。`, { size: 10.5 }),
      ],
    }),
  ];
}

export async function renderDocx(doc: DocumentContent, agencyName: string): Promise<Buffer> {
  const head = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(agencyName, { size: 22, font: TITLE })], spacing: { after: 120 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.title, { size: 22, font: TITLE })], spacing: { after: 240 } }),
    ...(doc.number ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.number)], spacing: { after: 240 } })] : []),
  ];
  const seal = doc.sealed
    ? [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [run(`${agencyName}（印章）`)],
          spacing: { before: 720 },
          indent: { right: pt(16) * 40 },
        }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(cnDate(doc.date))], indent: { right: pt(16) * 40 } }),
      ]
    : [];
  const file = new Document({
    creator: 'yifa',
    title: `${doc.title}${doc.number ? ` ${doc.number}` : ''}`,
    styles: { default: { document: { run: { font: BODY, size: pt(16) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: pt(14), font: BODY })],
              }),
            ],
          }),
        },
        children: [...head, ...doc.blocks.flatMap(blockChildren), ...seal, ...verificationBlock(doc)],
      },
    ],
  });
  return Packer.toBuffer(file);
}
