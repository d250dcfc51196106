/**
 * The report's style sheet, inlined in the file: readable on screen, A4 in print with each
 * team starting a new page, charts and tables never split across pages, colours kept.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 13mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 200mm; padding: 20px 24px 40px; color: #1f2328; background: #fff; font-size: 14px; line-height: 1.55;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif; }
html[lang="zh-TW"] body { font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans TC", "Helvetica Neue", Arial, sans-serif; }
html[lang="en"] body { font-family: "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 3px solid #0072B2; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 16px; margin: 22px 0 6px; color: #0b4f7c; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 14px; margin: 10px 0 4px; break-after: avoid; page-break-after: avoid; }
p { margin: 4px 0 8px; }
.lead { color: #57606a; font-size: 13px; }
.cover { border-bottom: 1px solid #d0d7de; padding-bottom: 12px; margin-bottom: 18px; }
.subtitle { font-size: 18px; color: #0b4f7c; margin: 0 0 10px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; font-size: 13px; }
dl.meta dt { color: #57606a; }
dl.meta dd { margin: 0; }
nav.contents ol { columns: 2; margin: 4px 0 0; padding-left: 20px; }
a { color: #0b4f7c; }
.part { margin-bottom: 10px; }
.keep { break-inside: avoid; page-break-inside: avoid; }
figure.chart-box { margin: 6px 0 10px; break-inside: avoid; page-break-inside: avoid; }
svg.chart { display: block; width: 100%; max-width: 170mm; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13px; }
thead { display: table-header-group; }
table.whole { break-inside: avoid; page-break-inside: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #d8dee4; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f6f9; font-weight: 600; white-space: nowrap; }
td .num, .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.ours td { background: #eef5fb; font-weight: 600; }
.effect-won, .effect-grown, .effect-shared { color: #1a7f37; font-weight: 600; }
.effect-lost { color: #c0392b; font-weight: 600; }
.effect-kept { color: #57606a; }
ul, ol { margin: 4px 0 10px; padding-left: 22px; }
li { margin: 2px 0; }
.swing { break-inside: avoid; page-break-inside: avoid; margin-bottom: 8px; }
.swing h4 { margin-bottom: 2px; }
ol.moments > li { margin-bottom: 10px; break-inside: avoid; page-break-inside: avoid; }
.when { display: block; font-size: 12px; color: #57606a; }
ol.whys { list-style: none; padding: 0; counter-reset: why; }
ol.whys > li { counter-increment: why; position: relative; margin: 0 0 8px; padding: 6px 10px 6px 40px; border-left: 3px solid #0072B2; background: #f6f8fa; break-inside: avoid; page-break-inside: avoid; }
ol.whys > li::before { content: counter(why); position: absolute; left: 10px; top: 6px; width: 20px; height: 20px; border-radius: 50%; background: #0072B2; color: #fff; font-size: 12px; text-align: center; line-height: 20px; }
.why-q { font-weight: 600; margin: 0; }
.why-a { margin: 2px 0 0; }
.label { color: #57606a; font-weight: 600; margin-right: 4px; }
.root { border: 2px solid #D55E00; padding: 8px 12px; border-radius: 4px; font-weight: 600; break-inside: avoid; page-break-inside: avoid; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin: 6px 0; }
.quad { border: 1px solid #d0d7de; border-radius: 4px; padding: 6px 10px; break-inside: avoid; page-break-inside: avoid; }
.quad h4 { margin-top: 2px; }
.quad ul { padding-left: 18px; margin-bottom: 4px; }
.quad.s h4 { color: #1a7f37; } .quad.w h4 { color: #c0392b; } .quad.o h4 { color: #0b4f7c; } .quad.t h4 { color: #9a6700; }
.quad.s { border-top: 4px solid #2E9D5B; } .quad.w { border-top: 4px solid #D64541; } .quad.o { border-top: 4px solid #0072B2; } .quad.t { border-top: 4px solid #E8B824; }
.blank-lines { margin: 2px 0 6px; }
.blank { display: block; height: 1.9em; border-bottom: 1px solid #8c959f; }
table.fill td { height: 2.1em; }
.none { color: #57606a; font-style: italic; }
article.team { break-before: page; page-break-before: always; padding-top: 6px; }
article.team.first { break-before: auto; page-break-before: auto; }
.team-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
.team-head .total { font-size: 14px; color: #57606a; }
footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid #d0d7de; font-size: 12px; color: #57606a; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .lead { font-size: 9.5pt; }
  table { font-size: 9.5pt; }
}
`;
