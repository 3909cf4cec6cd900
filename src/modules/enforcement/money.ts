/** Money is integer fen everywhere; yuan appear only when shown. */

/** 12345 → "123.45" */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** Amount in capital Chinese numerals as written on a 决定书 or 缴款书: 12345 fen → "壹佰贰拾叁元肆角伍分". */
export function yuanInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('金额须为非负整数（分）');
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let text = whole === 0 ? '' : `${integerInCapitals(whole)}元`;
  if (jiao === 0 && fenDigit === 0) return (text || '零元') + '整';
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (whole > 0) text += '零';
  if (fenDigit > 0) text += `${DIGITS[fenDigit]}分`;
  return text;
}

function integerInCapitals(n: number): string {
  const sections: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let s = sections.length - 1; s >= 0; s--) {
    const section = sections[s]!;
    if (section === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero || (out !== '' && section < 1000)) out += '零';
    pendingZero = false;
    out += sectionInCapitals(section) + SECTIONS[s];
  }
  return out;
}

function sectionInCapitals(n: number): string {
  let out = '';
  let zero = false;
  for (let u = 3; u >= 0; u--) {
    const d = Math.floor(n / 10 ** u) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + UNITS[u]!;
  }
  return out;
}
