/**
 * Content-Disposition of a download (RFC 6266): an ASCII `filename` for old clients and the
 * real, Chinese name as `filename*` in RFC 5987's encoding — UTF-8, every byte outside its
 * attr-char set percent-encoded (encodeURIComponent leaves `'()*` bare, which attr-char does not allow).
 */
export function contentDisposition(how: 'attachment' | 'inline', fileName: string, asciiStem = 'document'): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).replace(/[^A-Za-z0-9]/g, '') : '';
  const encoded = encodeURIComponent(fileName).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${how}; filename="${asciiStem}${ext ? `.${ext}` : ''}"; filename*=UTF-8''${encoded}`;
}
