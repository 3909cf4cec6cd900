/**
 * A document (文书) as structured content: a title, its number, fields, paragraphs, tables
 * and the seal or signature block. One structure feeds the DOCX file, the browser's print
 * view and the case-file PDF, so the three never say different things. Each procedure fills
 * its own documents from its state; the kit renders them.
 */
export type Block =
  | { kind: 'field'; label: string; value: string }
  | { kind: 'paragraph'; text: string; heading?: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'signatures'; lines: string[] };

export interface DocumentContent {
  /** Stable id within the case: `decision`, `inquiry:3` … */
  id: string;
  title: string;
  number: string | null;
  /** 文书 date (YYYY-MM-DD) */
  date: string | null;
  blocks: Block[];
  /** Documents the agency issues carry its seal; records carry signatures instead */
  sealed: boolean;
  /**
   * For a numbered document yifa issued: its 查验码 (as printed, `XXXX-XXXX-XXXX`) and the
   * portal's verify page its QR code opens (verification.ts)
   */
  verification?: { code: string; url: string };
}
