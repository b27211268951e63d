import type { Bank, Question } from './bank-schema';
import { parseRichText, safeHref, type Inline } from './rich-text';
import { SERVICE_TYPES } from './service-types';

/**
 * A bank as a text file Anki imports (File › Import): one note per question, tab-separated, with
 * the header lines Anki reads so the import needs no settings. The front is the scenario; the back
 * is the answer, the explanation, the why-nots and the references. Fields are HTML (`#html:true`):
 * bank text is escaped and only the Markdown subset becomes tags, so a bank's `<script>` arrives in
 * Anki as the text "<script>". Tabs and line breaks, which would end a field or a note, do not
 * occur in a field: line breaks become `<br>`.
 */
export const ANKI_HEADER = [
  '#separator:tab',
  '#html:true',
  '#tags column:3',
  '#columns:Front\tBack\tTags',
  '#notetype:Basic',
] as const;

export function ankiText(bank: Bank): string {
  const header = [...ANKI_HEADER, `#deck:${oneLine(bank.title)}`];
  const rows = bank.questions.map((q) => [front(q), back(q), tags(q)].join('\t'));
  return `${[...header, ...rows].join('\n')}\n`;
}

function front(q: Question): string {
  return richHtml(q.prompt);
}

function back(q: Question): string {
  const parts = [`<b>${escapeHtml(q.answer)}</b>`];
  parts.push(q.explanation ? richHtml(q.explanation) : '<i>No explanation in this bank.</i>');
  for (const type of SERVICE_TYPES) {
    const why = q.whyNot?.[type];
    if (type !== q.answer && why) parts.push(`<b>Why not ${type}?</b> ${richHtml(why)}`);
  }
  const links = (q.references ?? []).map((r) => link(r.title, r.url));
  if (links.length > 0) parts.push(`Docs: ${links.join(' · ')}`);
  return parts.join('<br><br>');
}

/** Anki tags are separated by spaces; bank tags are kebab-case, so they carry over as they are. */
function tags(q: Question): string {
  return (q.tags ?? []).join(' ');
}

/** The bank's Markdown subset as HTML, every piece of its text escaped. */
export function richHtml(source: string): string {
  return parseRichText(source)
    .map((block) =>
      block.kind === 'code'
        ? `<pre><code>${lines(escapeHtml(block.text))}</code></pre>`
        : lines(block.inlines.map(inlineHtml).join('')),
    )
    .join('<br><br>');
}

function inlineHtml(inline: Inline): string {
  const text = escapeHtml(inline.text);
  switch (inline.kind) {
    case 'code':
      return `<code>${text}</code>`;
    case 'em':
      return `<i>${text}</i>`;
    case 'strong':
      return `<b>${text}</b>`;
    case 'link':
      return link(inline.text, inline.href);
    case 'text':
      return text;
  }
}

function link(text: string, url: string): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\t/g, '    ');
}

const lines = (html: string) => html.replace(/\r\n?|\n/g, '<br>');
const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
