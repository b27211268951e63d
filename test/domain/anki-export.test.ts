import { describe, expect, it } from 'vitest';
import { ankiText, escapeHtml } from '../../src/domain/anki-export';
import { bankJsonText, fileStem } from '../../src/domain/bank-export';
import type { QuestionId } from '../../src/domain/bank-schema';
import { makeBank, makeQuestion } from '../factories';

describe('Anki export', () => {
  const bank = makeBank(
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
  );
  const lines = ankiText(bank).split('\n');

  it('starts with the header lines Anki reads', () => {
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#tags column:3',
      '#columns:Front\tBack\tTags',
      '#notetype:Basic',
      '#deck:Acme drills',
    ]);
  });

  it('writes one row per question: scenario, then answer, explanation and why-nots, then tags', () => {
    const [front, back, tags, ...rest] = lines[6]!.split('\t');
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
    expect(lines[7]).toBe(
      'Alias a host.\t<b>ExternalName</b><br><br><i>No explanation in this bank.</i>\t',
    );
    expect(lines[8]).toBe('');
    expect(lines).toHaveLength(9);
  });

  it('keeps javascript: links as text and tabs out of fields', () => {
    const text = ankiText(
      makeBank([makeQuestion({ prompt: 'a\tb [x](javascript:alert(1))', tags: [] })]),
    );
    const row = text.split('\n')[6]!;
    expect(row.split('\t')[0]).toBe('a    b [x](javascript:alert(1))');
    expect(row).not.toContain('href="javascript');
    expect(escapeHtml(`<a onclick='x'>`)).toBe('&lt;a onclick=&#39;x&#39;&gt;');
  });
});

describe('JSON export', () => {
  it('points $schema at the app and keeps every field', () => {
    const bank = makeBank([makeQuestion({ id: 'q' })]);
    const json = JSON.parse(bankJsonText(bank, 'https://app.test/questions.schema.json'));
    expect(json).toEqual({ $schema: 'https://app.test/questions.schema.json', ...bank });
  });

  it('names the file after the title', () => {
    expect(fileStem('Acme: ingress drills!')).toBe('acme-ingress-drills');
    expect(fileStem('…')).toBe('bank');
  });
});
