/**
 * QR codes of what yifa issues (a document's 查验 link, a 执法证's profile link): the
 * modules of the symbol (qrcode-generator, error correction level M) drawn as a black and
 * white PNG with the four-module quiet zone the standard asks for.
 */
import qrcode from 'qrcode-generator';
import { PNG } from 'pngjs';

/** The symbol's dark modules, row by row. */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** A PNG of the symbol, `scale` pixels a module, with a 4-module white margin. */
export function qrPng(text: string, scale = 8): { png: Buffer; size: number } {
  const modules = qrModules(text);
  const margin = 4;
  const size = (modules.length + 2 * margin) * scale;
  const png = new PNG({ width: size, height: size, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  png.data = Buffer.alloc(size * size, 0xff);
  for (let r = 0; r < modules.length; r++)
    for (let c = 0; c < modules.length; c++) {
      if (!modules[r]![c]) continue;
      for (let y = 0; y < scale; y++)
        png.data.fill(
          0,
          ((r + margin) * scale + y) * size + (c + margin) * scale,
          ((r + margin) * scale + y) * size + (c + margin + 1) * scale,
        );
    }
  return { png: PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }), size };
}
