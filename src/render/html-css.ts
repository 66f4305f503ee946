import { cssString } from './escape.js';

// The report page's style: screen, phone (375 px and up) and A4 print; fonts that exist on Windows, macOS and Linux.

/** The page's Content-Security-Policy: inline style and data: images only, no network request of any kind. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const FONTS =
  'system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif';

// Answers as stacked blocks (phones, print): each cell on its own line, labelled where a number alone would puzzle.
const STACKED =
  '.answers thead{display:none}.answers,.answers tbody{display:block}.answers tr{display:block;border-bottom:1px solid #d0d7de;padding:.3rem 0}' +
  '.answers td{display:block;width:auto!important;border:0;padding:0}.answers td.num{text-align:left}.answers td[data-label]::before{content:attr(data-label) ": ";color:#57606a}';

const SCREEN = `*{box-sizing:border-box}
body{font:15px/1.55 ${FONTS};max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem;color:#1f2328;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.6em;line-height:1.25;margin:.2rem 0 .6rem}h2{font-size:1.3em;margin:2rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid #0b5cad}
h3{font-size:1.05em;margin:1.3rem 0 .5rem}h4{font-size:1em;margin:0 0 .3rem}
.kicker{margin:0;color:#0b5cad;font-weight:600;letter-spacing:.02em}
.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:0;color:#57606a;font-size:.9em}.facts div{display:flex;gap:.4rem;min-width:0}.facts dt{font-weight:600;white-space:nowrap;overflow-wrap:normal}.facts dd{margin:0}
.card{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-start;background:#f6f8fa;border:1px solid #d0d7de;border-radius:8px;padding:1rem 1.2rem}
.score{min-width:7.5rem;text-align:center}.score .big{display:block;font-size:2.6em;font-weight:700;line-height:1.1}.score .of{color:#57606a;font-size:.85em}
.card .what{flex:1 1 18rem;min-width:0}.label{margin:0;color:#57606a;font-size:.85em}.level{margin:0 0 .3rem;font-size:1.35em;font-weight:700}
.hypothetical{border:2px dashed #9a6700;background:#fff8c5;padding:.5rem .8rem;border-radius:6px}
.next{border-left:4px solid #0b5cad;padding:.2rem 0 .2rem .8rem;margin:1rem 0}
.actions{padding-left:1.4rem}.actions li{margin:.35rem 0}
.pair{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.8rem 0}.pair div{flex:1 1 14rem}.pair dt{color:#57606a;font-size:.85em}.pair dd{margin:0;font-weight:600}
.meta{color:#57606a;font-size:.88em}
table{border-collapse:collapse;width:100%;margin:.6rem 0}td,th{border-bottom:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}th{font-size:.85em;color:#57606a}
.num{text-align:right;white-space:nowrap}
.chart{display:block;width:100%;max-width:34rem;height:auto;margin:0 auto}
figure{margin:.5rem 0}figcaption{text-align:center;color:#57606a;font-size:.85em}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.35em;vertical-align:baseline}
.b-low{background:#cf222e}.b-mid{background:#d4a72c}.b-high{background:#1a7f37}.b-none{background:#8c959f}
.caps{padding-left:1.2rem}.caps li{color:#82071e}
.sev{display:inline-block;font-size:.78em;font-weight:600;padding:0 .45rem;border-radius:1rem;color:#fff;vertical-align:.1em;white-space:nowrap}
.sev.s-critical{background:#82071e}.sev.s-high{background:#cf222e}.sev.s-medium{background:#9a6700}.sev.s-low{background:#57606a}
.remedy{border:1px solid #d0d7de;border-left-width:5px;border-radius:6px;padding:.6rem .9rem;margin:.6rem 0}
.remedy.s-critical{border-left-color:#82071e}.remedy.s-high{border-left-color:#cf222e}.remedy.s-medium{border-left-color:#9a6700}.remedy.s-low{border-left-color:#57606a}
.remedy p,.remedy ul{margin:.3rem 0}.remedy ul{padding-left:1.2rem}
.projected{font-weight:600;margin:.2rem 0}
.strengths li{margin:.25rem 0}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:0 .25em;border-radius:3px;white-space:nowrap;overflow-wrap:normal}
.answers td:first-child{width:45%}
@media screen{.print-only{display:none}}
footer{margin-top:2.5rem;color:#57606a;font-size:.8em}
@media (max-width:40rem){body{font-size:14px;padding:1rem .75rem}${STACKED}}`;

/** The whole style sheet; the print header carries the organisation and the date. */
export function pageCss(header: string, date: string): string {
  const print = `@page{size:A4;margin:15mm 12mm 13mm;@top-left{content:${cssString(header)};font:8.5pt ${FONTS};color:#57606a}@top-right{content:${cssString(date)};font:8.5pt ${FONTS};color:#57606a}@bottom-right{content:counter(page) " / " counter(pages);font:8.5pt ${FONTS};color:#57606a}}
@media print{body{font-size:9pt;line-height:1.4;max-width:none;margin:0;padding:0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:16pt}h2{font-size:13pt;margin:1rem 0 .5rem;break-after:avoid}h4{break-after:avoid}
h2{break-before:auto}.remedy,.card,figure,tr,.pair,.next{break-inside:avoid}.chart{max-width:10cm}
.phase::after{content:"";display:block;clear:both}.phase .remedy{float:left;width:calc(50% - 2.5mm)}.phase .remedy:nth-child(even){margin-left:5mm}.phase .remedy:nth-child(odd){clear:left}#appendix .group{columns:2;column-gap:6mm}.phase .remedy{font-size:8pt;line-height:1.35}.remedy .why,.remedy.brief ul,.answers tr.bare{display:none}#appendix .group h3{column-span:all}
.remedy{padding:.2rem .5rem;margin:0 0 .3rem}.remedy p,.remedy ul{margin:.1rem 0}.remedy ul{padding:0}.remedy li{display:inline}.remedy li::before{content:"▸ ";color:#0b5cad}.remedy li+li::before{content:" ▸ "}
${STACKED}.answers{font-size:7.5pt;margin:0}.answers tr{break-inside:avoid;padding:.15rem 0}
.card{padding:.6rem .9rem}.score .big{font-size:2.2em}footer{display:none}}`;
  return `${SCREEN}\n${print}`;
}
