import { parseRichText, type Inline } from '../domain/rich-text';

/** Renders the bank's Markdown subset as React elements; never as HTML. */
export function RichText({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className ? `rich-text ${className}` : 'rich-text'}>
      {parseRichText(source).map((block, i) =>
        block.kind === 'code' ? (
          // Focusable so a wide block can be scrolled from the keyboard.
          <pre key={i} tabIndex={0} data-language={block.language || undefined}>
            <code>{block.text}</code>
          </pre>
        ) : (
          <p key={i}>
            <Inlines inlines={block.inlines} />
          </p>
        ),
      )}
    </div>
  );
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return inlines.map((inline, i) => {
    switch (inline.kind) {
      case 'code':
        return <code key={i}>{inline.text}</code>;
      case 'em':
        return <em key={i}>{inline.text}</em>;
      case 'strong':
        return <strong key={i}>{inline.text}</strong>;
      case 'link':
        // Bank text is untrusted: the page it opens gets no handle on this one (noopener) and no
        // address of it (noreferrer). The href passed safeHref: http, https or mailto only.
        return (
          <a key={i} href={inline.href} target="_blank" rel="noopener noreferrer">
            {inline.text}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        );
      default:
        return <span key={i}>{inline.text}</span>;
    }
  });
}
