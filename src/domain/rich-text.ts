/**
 * The small Markdown subset used in prompts and explanations: paragraphs, fenced code blocks,
 * `inline code`, *emphasis*, **strong** and [links](https://…). Anything else, HTML included,
 * stays plain text. Bank text is untrusted (a trainer's file, a URL): nothing here ever becomes
 * markup, and a link whose address is not http, https or mailto stays text.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  { kind: 'paragraph'; inlines: Inline[] } | { kind: 'code'; language: string; text: string };

const FENCE = /^```([\w-]*)\s*$/;

export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    const text = paragraph.join('\n').trim();
    if (text) blocks.push({ kind: 'paragraph', inlines: parseInline(text) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line.trim());
    if (fence) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test((lines[i] ?? '').trim()))
        code.push(lines[i++] ?? '');
      blocks.push({ kind: 'code', language: fence[1] ?? '', text: code.join('\n') });
    } else if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

const INLINE = /`([^`]+)`|\[([^\]\n]+)\]\(([^()\s]+)\)|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (inline: Inline) => {
    const prev = out.at(-1);
    // Text next to text (an unsafe link kept as text) reads as one run.
    if (inline.kind === 'text' && prev?.kind === 'text') prev.text += inline.text;
    else out.push(inline);
  };
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) push({ kind: 'text', text: text.slice(last, index) });
    if (match[1] !== undefined) push({ kind: 'code', text: match[1] });
    else if (match[2] !== undefined) {
      const href = safeHref(match[3] ?? '');
      push(href ? { kind: 'link', text: match[2], href } : { kind: 'text', text: match[0] });
    } else if (match[4] !== undefined) push({ kind: 'strong', text: match[4] });
    else push({ kind: 'em', text: match[5] ?? '' });
    last = index + match[0].length;
  }
  if (last < text.length) push({ kind: 'text', text: text.slice(last) });
  return out;
}

const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * The address as the browser will read it, if it is an absolute http, https or mailto URL; null
 * for anything else (`javascript:`, `data:`, `vbscript:`, relative paths), which then stays text.
 */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}
