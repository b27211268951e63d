import { describe, expect, it } from 'vitest';
import { parseInline, parseRichText } from '../../src/domain/rich-text';

const paragraphs = (source: string) =>
  parseRichText(source).map((b) =>
    b.kind === 'paragraph' ? b.inlines.map((i) => i.text).join('') : `[${b.language}]${b.text}`,
  );

describe('rich text at its edges', () => {
  it('accepts Windows and old Mac line ends', () => {
    expect(paragraphs('one\r\n\r\ntwo')).toEqual(['one', 'two']);
    expect(paragraphs('one\r\rtwo')).toEqual(['one', 'two']);
    expect(paragraphs('one\rstill one')).toEqual(['one\nstill one']);
  });

  it('trims a paragraph and keeps its line breaks', () => {
    expect(paragraphs('   lead\nnext   ')).toEqual(['lead\nnext']);
  });

  it('a line of spaces separates paragraphs', () => {
    expect(paragraphs('a\n   \nb')).toEqual(['a', 'b']);
  });

  it('fences may be indented, and only a bare fence closes a block', () => {
    expect(paragraphs('  ```yaml\nkind: Service\n  ```\nafter')).toEqual([
      '[yaml]kind: Service',
      'after',
    ]);
    expect(paragraphs('```\necho ```\n```js\n```')).toEqual(['[]echo ```\n```js']);
  });

  it('a line that only contains or starts with a fence is text', () => {
    expect(paragraphs('see ```')).toEqual(['see ```']);
    expect(paragraphs('```yaml extra')).toEqual(['```yaml extra']);
    expect(paragraphs('```c++')).toEqual(['```c++']);
  });

  it('inline marks at the very start have no empty text before them', () => {
    expect(parseInline('`x` y')).toEqual([
      { kind: 'code', text: 'x' },
      { kind: 'text', text: ' y' },
    ]);
  });
});
