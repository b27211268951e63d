import { describe, expect, it } from 'vitest';
import { parseRichText } from '../../src/domain/rich-text';

describe('parseRichText', () => {
  it('splits paragraphs and fenced code blocks, keeping code verbatim', () => {
    const blocks = parseRichText(
      'First *line* with `kubectl`.\n\n```yaml\nspec:\n  type: **x**\n```\nAfter.',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'First ' },
          { kind: 'em', text: 'line' },
          { kind: 'text', text: ' with ' },
          { kind: 'code', text: 'kubectl' },
          { kind: 'text', text: '.' },
        ],
      },
      { kind: 'code', language: 'yaml', text: 'spec:\n  type: **x**' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'After.' }] },
    ]);
  });

  it('keeps HTML as plain text', () => {
    expect(parseRichText('<b>bold</b> **strong**')).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: '<b>bold</b> ' },
          { kind: 'strong', text: 'strong' },
        ],
      },
    ]);
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(parseRichText('```\nNAME  TYPE')).toEqual([
      { kind: 'code', language: '', text: 'NAME  TYPE' },
    ]);
  });
});
