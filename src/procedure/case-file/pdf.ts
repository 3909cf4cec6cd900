/**
 * The case file (案卷) as one PDF: 封面, 卷内目录 with the page each document starts on,
 * the documents in statutory order, and the 备考表; every page numbered at the bottom
 * right. Chinese is set in Noto CJK (Debian's fonts-noto-cjk), embedded as a subset.
 * The table of contents is written last onto pages reserved for it (buffered pages), so
 * its page numbers are the real ones.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Block, DocumentContent } from '../documents/content.js';

const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/truetype/noto'];
const mm = (n: number) => (n * 72) / 25.4;

/** Noto CJK on this machine, or a clear error naming the package to install. */
export function cjkFonts(): { serif: [string, string]; sans: [string, string] } {
  const find = (file: string) => FONT_DIRS.map((d) => `${d}/${file}`).find((p) => existsSync(p));
  const serif = find('NotoSerifCJK-Regular.ttc');
  const sans = find('NotoSansCJK-Regular.ttc');
  if (!serif || !sans) throw new Error('找不到中文字体 Noto CJK：请安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk）');
  return { serif: [serif, 'NotoSerifCJKsc-Regular'], sans: [sans, 'NotoSansCJKsc-Regular'] };
}

/** The cover: the agency, the file's heading (行政处罚案卷), the record's title and its labelled facts. */
export interface CaseFileCover {
  agencyName: string;
  heading: string;
  caseTitle: string;
  /** Label and value, in order (a date is given as YYYY-MM-DD or null and shown in Chinese) */
  fields: [label: string, value: string | { date: string | null }][];
}

export interface CaseFileNotes {
  lines: string[];
}

const cnDate = (d: string | null) => {
  if (!d) return '    年  月  日';
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

// Rows wrap to two lines at most; twelve fit a page with the heading.
const TOC_ROWS_PER_PAGE = 12;

export async function renderCaseFilePdf(
  cover: CaseFileCover,
  documents: readonly DocumentContent[],
  notes: CaseFileNotes,
): Promise<{ pdf: Buffer; pages: number; starts: number[] }> {
  const fonts = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
    bufferPages: true,
    info: { Title: `${cover.caseTitle} 案卷`, Author: cover.agencyName, Creator: 'yifa' },
  });
  doc.registerFont('serif', ...fonts.serif);
  doc.registerFont('sans', ...fonts.sans);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  // 封面
  doc.font('sans').fontSize(26).text(cover.agencyName, { align: 'center' }).moveDown(0.5);
  doc.fontSize(30).text(cover.heading, { align: 'center' }).moveDown(2);
  doc.font('serif').fontSize(15);
  for (const [label, value] of cover.fields)
    doc.text(`${label}：${typeof value === 'string' ? value : cnDate(value.date)}`, { lineGap: 10 });

  // Pages reserved for the 卷内目录, written at the end.
  const tocPages = Math.max(1, Math.ceil((documents.length + 1) / TOC_ROWS_PER_PAGE));
  const tocStart = 1;
  for (let i = 0; i < tocPages; i++) doc.addPage();

  const starts: number[] = [];
  for (const d of documents) {
    doc.addPage();
    starts.push(doc.bufferedPageRange().count);
    renderDocument(doc, d, cover.agencyName, width);
  }
  doc.addPage();
  const notesPage = doc.bufferedPageRange().count;
  doc.font('sans').fontSize(22).text('备考表', { align: 'center' }).moveDown(1);
  doc.font('serif').fontSize(14);
  for (const l of notes.lines) doc.text(l, { lineGap: 8 });

  // 卷内目录
  const rows = [
    ...documents.map((d, i) => [String(i + 1), d.number ?? '', d.title, d.date ?? '', String(starts[i])]),
    [String(documents.length + 1), '', '备考表', '', String(notesPage)],
  ];
  for (let p = 0; p < tocPages; p++) {
    doc.switchToPage(tocStart + p);
    doc.x = doc.page.margins.left;
    doc.y = doc.page.margins.top;
    if (p === 0) doc.font('sans').fontSize(22).text('卷内目录', { align: 'center' }).moveDown(1);
    table(
      doc,
      ['序号', '文号', '题名', '日期', '页号'],
      rows.slice(p * TOC_ROWS_PER_PAGE, (p + 1) * TOC_ROWS_PER_PAGE),
      [0.08, 0.3, 0.37, 0.15, 0.1],
      width,
    );
  }

  // Page numbers, bottom right, on every page.
  const total = doc.bufferedPageRange().count;
  for (let i = 0; i < total; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('serif')
      .fontSize(12)
      .text(`${i + 1}`, doc.page.margins.left, doc.page.height - mm(20), { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: total, starts };
}

function renderDocument(doc: PDFKit.PDFDocument, d: DocumentContent, agencyName: string, width: number) {
  doc.font('sans').fontSize(18).text(agencyName, { align: 'center' });
  doc.fontSize(20).text(d.title, { align: 'center' }).moveDown(0.3);
  if (d.number) doc.font('serif').fontSize(14).text(d.number, { align: 'center' });
  doc.moveDown(0.8);
  for (const b of d.blocks) renderBlock(doc, b, width);
  if (d.sealed) {
    doc.moveDown(2);
    doc.font('serif').fontSize(14).text(`${agencyName}（印章）`, { align: 'right' }).text(cnDate(d.date), { align: 'right' });
  }
}

function renderBlock(doc: PDFKit.PDFDocument, b: Block, width: number) {
  switch (b.kind) {
    case 'field':
      doc.font('sans').fontSize(13).text(`${b.label}：`, { continued: true }).font('serif').text(b.value, { lineGap: 4 });
      return;
    case 'paragraph':
      if (b.heading) doc.font('sans').fontSize(13).text(b.heading, { lineGap: 4 });
      for (const line of b.text.split('\n')) doc.font('serif').fontSize(13).text(line, { indent: 26, align: 'justify', lineGap: 6 });
      return;
    case 'table':
      table(
        doc,
        b.header,
        b.rows,
        b.header.map(() => 1 / b.header.length),
        width,
      );
      return;
    case 'signatures':
      doc.moveDown(0.5);
      for (const l of b.lines) doc.font('serif').fontSize(13).text(`${l}                    年    月    日`, { lineGap: 10 });
      return;
    default: {
      const never: never = b;
      return never;
    }
  }
}

function table(doc: PDFKit.PDFDocument, header: string[], rows: string[][], fractions: number[], width: number) {
  const left = doc.page.margins.left;
  const widths = fractions.map((f) => f * width);
  const drawRow = (cells: string[], font: 'sans' | 'serif') => {
    doc.font(font).fontSize(11);
    const heights = cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 6 }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, top, widths[i]!, h).stroke();
      doc.text(c, x + 3, top + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = top + h;
  };
  drawRow(header, 'sans');
  for (const r of rows) drawRow(r, 'serif');
  doc.moveDown(0.5);
}
