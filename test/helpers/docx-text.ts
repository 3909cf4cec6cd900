/** Opens a DOCX file (a ZIP) and returns the text of its body, paragraph by paragraph. */
import { strFromU8, unzipSync } from 'fflate';

export function docxText(file: Uint8Array): string {
  const entries = unzipSync(file, { filter: (f) => f.name === 'word/document.xml' });
  const xml = entries['word/document.xml'];
  if (!xml) throw new Error('not a DOCX file: word/document.xml is missing');
  return strFromU8(xml)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
