import { html as h } from '../escape.js';

// Pieces shared by the report's SVG charts: escaping, palette, marker shapes, the accessible wrapper.

/** Series colours, chosen to stay apart for common colour-vision deficiencies; shapes and dashes tell series apart too. */
export const PALETTE = ['#0b5cad', '#c2410c', '#1a7f37', '#8250df', '#bf3989', '#57606a'];
export const DASHES = ['', '6 4', '2 3', '10 3 2 3', '1 5', '8 6'];

/** A number for an SVG attribute: two decimals at most, no trailing zeros. */
export const n2 = (x: number): string => String(Math.round(x * 100) / 100);

/** A marker of one of six shapes centred on (x, y), so a series is told apart without colour. */
export function marker(shape: number, x: number, y: number, color: string, attrs: string, hollow = false): string {
  const fill = hollow ? '#fff' : color;
  const common = `fill="${fill}" stroke="${color}" stroke-width="1.5" ${attrs}`;
  const s = 4;
  switch (shape % 4) {
    case 1:
      return `<rect x="${n2(x - s)}" y="${n2(y - s)}" width="${2 * s}" height="${2 * s}" ${common}/>`;
    case 2:
      return `<path d="M${n2(x)} ${n2(y - s - 1)}L${n2(x + s + 1)} ${n2(y + s)}L${n2(x - s - 1)} ${n2(y + s)}Z" ${common}/>`;
    case 3:
      return `<path d="M${n2(x)} ${n2(y - s - 1)}L${n2(x + s + 1)} ${n2(y)}L${n2(x)} ${n2(y + s + 1)}L${n2(x - s - 1)} ${n2(y)}Z" ${common}/>`;
    default:
      return `<circle cx="${n2(x)}" cy="${n2(y)}" r="${s}" ${common}/>`;
  }
}

/** Split a label into lines of at most `max` columns: at spaces for Latin text, anywhere in CJK text. */
export function labelLines(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const cols = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  for (const word of label.split(/(?<=\s)|(?=[\u2e80-\u9fff])|(?<=[\u2e80-\u9fff])/u)) {
    if (line !== '' && cols(line + word.trimEnd()) > max) {
      lines.push(line.trim());
      line = '';
    }
    line += word;
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}

/** A <text> of several lines, each a <tspan>. */
export function multiline(lines: string[], x: number, y: number, attrs: string, lineHeight = 14): string {
  const spans = lines.map((l, i) => `<tspan x="${n2(x)}" dy="${i === 0 ? 0 : lineHeight}">${h(l)}</tspan>`).join('');
  return `<text x="${n2(x)}" y="${n2(y)}" ${attrs}>${spans}</text>`;
}

/** The outer <svg> with a title and description that screen readers announce. */
export function svgFrame(id: string, width: number, height: number, title: string, desc: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${h(id)}-t ${h(id)}-d" class="chart" id="${h(id)}">` +
    `<title id="${h(id)}-t">${h(title)}</title><desc id="${h(id)}-d">${h(desc)}</desc>${body}</svg>`
  );
}
