/**
 * A QR code drawn as SVG (qrcode-generator, level M, the standard's 4-module quiet zone):
 * the document's 查验 link in the print view, a 执法证's profile link on its card. The
 * server's DOCX draws the same symbol (src/procedure/documents/qr.ts).
 */
import qrcode from 'qrcode-generator';

export function QrCode({ text, size = 120, label }: { text: string; size?: number; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const margin = 4;
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
  return (
    <svg
      role="img"
      aria-label={label}
      data-qr={text}
      width={size}
      height={size}
      viewBox={`0 0 ${n + 2 * margin} ${n + 2 * margin}`}
      shapeRendering="crispEdges"
      style={{ background: '#fff', display: 'block' }}
    >
      <title>{label}</title>
      <path d={d} fill="#000" />
    </svg>
  );
}
