/** Reads QR codes back, as a phone would: from a PNG (a DOCX's image, a browser screenshot) with jsqr. */
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import { unzipSync } from 'fflate';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS: its function is the module, or its default, depending on the loader.
const loaded = jsqrModule as unknown as Decode | { default: Decode };
const decode: Decode = typeof loaded === 'function' ? loaded : loaded.default;

/** The text of the QR code in a PNG, or null when none is found. */
export function qrTextOfPng(png: Uint8Array): string | null {
  const img = PNG.sync.read(Buffer.from(png));
  return decode(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null;
}

/** The QR codes in a DOCX's images, decoded. */
export function qrTextsInDocx(docx: Uint8Array): (string | null)[] {
  const media = unzipSync(docx, { filter: (f) => f.name.startsWith('word/media/') });
  return Object.values(media).map(qrTextOfPng);
}
