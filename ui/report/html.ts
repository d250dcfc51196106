import { escapeHtml } from './escape.ts';

/** Small builders for the report's markup. Text arguments are escaped here; `Html` ones are markup already. */
export type Html = string & { readonly __html?: never };

export function p(content: string, cls = ''): Html {
  return `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(content)}</p>`;
}

/** Tables of up to this many rows are never split across printed pages. */
const SHORT_TABLE = 12;

/** A table: head cells as text, body cells as markup (escape text before); `marked` rows are highlighted. */
export function table(head: readonly string[], rows: readonly (readonly Html[])[], cls = '', marked: readonly number[] = []): Html {
  const thead = `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const tbody = `<tbody>${rows.map((r, i) => `<tr${marked.includes(i) ? ' class="ours"' : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>`;
  // A short table is kept on one page; a long one breaks between rows, its head repeated.
  const classes = [cls, rows.length <= SHORT_TABLE ? 'whole' : ''].filter(Boolean).join(' ');
  return `<table${classes ? ` class="${classes}"` : ''}>${thead}${tbody}</table>`;
}

/** A list of text items. */
export function list(items: readonly string[], ordered = false, cls = ''): Html {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
}

/** Ruled empty lines to write on when the report is printed. */
export function blankLines(n: number): Html {
  return `<div class="blank-lines">${'<span class="blank"></span>'.repeat(n)}</div>`;
}

/**
 * A section of the report: its heading, a line on how to read it, then its content. The heading
 * is kept on one printed page with the lead and the first piece of content, never left alone at
 * the foot of a page.
 */
export function section(id: string, heading: string, lead: string, ...content: Html[]): Html {
  const [first = '', ...rest] = content;
  return `<section class="part" id="${escapeHtml(id)}"><div class="keep"><h3>${escapeHtml(heading)}</h3>${lead ? p(lead, 'lead') : ''}${first}</div>${rest.join('')}</section>`;
}

/** A chart kept whole on one printed page. */
export function figure(svg: Html): Html {
  return `<figure class="chart-box">${svg}</figure>`;
}

export function numeric(text: string): Html {
  return `<span class="num">${escapeHtml(text)}</span>`;
}
