import { describe, expect, it } from 'vitest';
import { ankiText, escapeHtml, richHtml } from '../../src/domain/anki-export';
import type { QuestionId } from '../../src/domain/bank-schema';
import { makeBank, makeQuestion } from '../factories';

// Every export runs inside a test, not when the file is collected, so each test sees the code it
// is about (mutation testing switches code per test).
const exampleLines = () =>
  ankiText(
    makeBank(
      [
        makeQuestion({
          id: 'a',
          prompt: 'Pods call `api` <script>alert(1)</script>\nsecond line',
          answer: 'ClusterIP',
          explanation: 'Stays **inside** & private.',
          whyNot: { NodePort: 'Opens a port.', LoadBalancer: 'Needs a cloud.' },
          tags: ['internal-traffic', 'api'],
          references: [{ title: 'Service "docs"', url: 'https://kubernetes.io/docs/x' }],
        }),
        { id: 'min' as QuestionId, prompt: 'Alias a host.', answer: 'ExternalName' },
      ],
      { title: 'Acme\tdrills' },
    ),
  ).split('\n');

/** The back of the one note exported for this question. */
const backOf = (overrides: Record<string, unknown>) =>
  ankiText(makeBank([makeQuestion(overrides)]))
    .split('\n')[6]!
    .split('\t')[1];

describe('Anki export', () => {
  it('starts with the header lines Anki reads', () => {
    expect(exampleLines().slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#tags column:3',
      '#columns:Front\tBack\tTags',
      '#notetype:Basic',
      '#deck:Acme drills',
    ]);
  });

  it('names the deck on one line: a run of tabs and line breaks in the title is one space', () => {
    const deck = (title: string) => ankiText(makeBank([makeQuestion()], { title })).split('\n')[5];
    expect(deck('Acme\r\n\t drills\n\nweek 2')).toBe('#deck:Acme  drills week 2');
    expect(deck('Plain title')).toBe('#deck:Plain title');
  });

  it('writes one row per question: scenario, then answer, explanation and why-nots, then tags', () => {
    const [front, back, tags, ...rest] = exampleLines()[6]!.split('\t');
    expect(rest).toEqual([]);
    expect(front).toBe(
      'Pods call <code>api</code> &lt;script&gt;alert(1)&lt;/script&gt;<br>second line',
    );
    expect(back).toBe(
      [
        '<b>ClusterIP</b>',
        'Stays <b>inside</b> &amp; private.',
        '<b>Why not NodePort?</b> Opens a port.',
        '<b>Why not LoadBalancer?</b> Needs a cloud.',
        'Docs: <a href="https://kubernetes.io/docs/x">Service &quot;docs&quot;</a>',
      ].join('<br><br>'),
    );
    expect(tags).toBe('internal-traffic api');
  });

  it('a minimal question says it has no explanation and has no tags', () => {
    const lines = exampleLines();
    expect(lines[7]).toBe(
      'Alias a host.\t<b>ExternalName</b><br><br><i>No explanation in this bank.</i>\t',
    );
    expect(lines[8]).toBe('');
    expect(lines).toHaveLength(9);
  });

  it('lists why-nots in the order of the four types, skipping the answer and empty ones', () => {
    const back = backOf({
      answer: 'NodePort',
      explanation: 'Each node.',
      whyNot: {
        ExternalName: 'Only a CNAME.',
        NodePort: 'The answer: never shown as a why-not.',
        LoadBalancer: '',
        ClusterIP: 'Inside only.',
      },
      references: [],
    });
    expect(back).toBe(
      [
        '<b>NodePort</b>',
        'Each node.',
        '<b>Why not ClusterIP?</b> Inside only.',
        '<b>Why not ExternalName?</b> Only a CNAME.',
      ].join('<br><br>'),
    );
  });

  it('a question without why-nots or references has only the answer and explanation', () => {
    expect(backOf({ whyNot: undefined, references: undefined, explanation: 'Why.' })).toBe(
      '<b>ClusterIP</b><br><br>Why.',
    );
  });

  it('joins references with a dot, escapes their addresses, and keeps an unsafe one as text', () => {
    const back = backOf({
      whyNot: {},
      explanation: 'Why.',
      references: [
        { title: 'Service', url: 'https://kubernetes.io/docs/s?a=1&b=2' },
        { title: 'Bad <one>', url: 'javascript:alert(1)' },
        { title: 'Mail', url: 'mailto:sig-network@kubernetes.io' },
      ],
    });
    expect(back).toBe(
      '<b>ClusterIP</b><br><br>Why.<br><br>Docs: ' +
        '<a href="https://kubernetes.io/docs/s?a=1&amp;b=2">Service</a> · ' +
        'Bad &lt;one&gt; · ' +
        '<a href="mailto:sig-network@kubernetes.io">Mail</a>',
    );
  });

  it('a question with no tags has an empty tags column; tags are separated by spaces', () => {
    const tagsOf = (tags: string[] | undefined) =>
      ankiText(makeBank([makeQuestion({ tags })]))
        .split('\n')[6]!
        .split('\t')[2];
    expect(tagsOf(undefined)).toBe('');
    expect(tagsOf([])).toBe('');
    expect(tagsOf(['dns', 'cloud-lb', 'bare-metal'])).toBe('dns cloud-lb bare-metal');
  });

  it('keeps javascript: links as text and tabs out of fields', () => {
    const text = ankiText(
      makeBank([makeQuestion({ prompt: 'a\tb [x](javascript:alert(1))', tags: [] })]),
    );
    const row = text.split('\n')[6]!;
    expect(row.split('\t')[0]).toBe('a    b [x](javascript:alert(1))');
    expect(row).not.toContain('href="javascript');
  });
});

describe('bank Markdown as Anki HTML', () => {
  it('turns each inline kind into its tag', () => {
    expect(
      richHtml('Use `kubectl` with *care*, **always**, see [the docs](https://k8s.io/a?x=1&y=2).'),
    ).toBe(
      'Use <code>kubectl</code> with <i>care</i>, <b>always</b>, see ' +
        '<a href="https://k8s.io/a?x=1&amp;y=2">the docs</a>.',
    );
  });

  it('escapes the text inside every inline kind', () => {
    expect(richHtml('`<a>` *<b>* **<i>** [<s>](https://k8s.io/)')).toBe(
      '<code>&lt;a&gt;</code> <i>&lt;b&gt;</i> <b>&lt;i&gt;</b> ' +
        '<a href="https://k8s.io/">&lt;s&gt;</a>',
    );
  });

  it('keeps a fenced code block as preformatted text, its lines as <br> and its HTML escaped', () => {
    expect(
      richHtml('Apply this:\n\n```yaml\nkind: Service\nname: "<web>"\n```\n\nThen wait.'),
    ).toBe(
      [
        'Apply this:',
        '<pre><code>kind: Service<br>name: &quot;&lt;web&gt;&quot;</code></pre>',
        'Then wait.',
      ].join('<br><br>'),
    );
  });

  it('keeps paragraphs apart and line breaks inside a paragraph, whatever the line ends', () => {
    expect(richHtml('one\r\ntwo\rthree\n\nfour')).toBe('one<br>two<br>three<br><br>four');
  });
});

describe('HTML escaping', () => {
  it('escapes the five HTML characters and turns a tab into spaces', () => {
    expect(escapeHtml(`<a onclick='x' title="y">&amp;\t</a>`)).toBe(
      '&lt;a onclick=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;    &lt;/a&gt;',
    );
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});
