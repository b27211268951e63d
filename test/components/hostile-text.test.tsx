// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Explanation } from '../../src/components/Explanation';
import { RichText } from '../../src/components/RichText';
import { loadBank } from '../../src/domain/bank-loader';
import type { QuestionId } from '../../src/domain/bank-schema';
import { makeQuestion } from '../factories';

const hostile = loadBank(readFileSync('test/fixtures/banks/hostile.json', 'utf8'));

describe('untrusted bank text', () => {
  it('loads: hostile text is only text, so the loader has no reason to refuse it', () => {
    expect(hostile.ok).toBe(true);
  });

  it('renders script, img, svg, iframe and event handlers as inert text', () => {
    if (!hostile.ok) throw new Error('fixture');
    const question = hostile.bank.questions[0]!;
    const { container } = render(
      <>
        <RichText source={question.prompt} />
        <Explanation question={question} choice="NodePort" headingLevel={3} />
      </>,
    );
    for (const tag of ['script', 'img', 'svg', 'iframe', 'u', 'b[onmouseover]'])
      expect(container.querySelector(tag), tag).toBeNull();
    const withHandlers = [...container.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    );
    expect(withHandlers).toEqual([]);
    expect(container.textContent).toContain("<script>window.__pwned = 'script'");
    expect(container.textContent).toContain('<svg onload=');
  });

  it('makes only http(s) links, each opening with noopener noreferrer', () => {
    if (!hostile.ok) throw new Error('fixture');
    render(<Explanation question={hostile.bank.questions[0]!} choice={null} headingLevel={3} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://kubernetes.io/docs/concepts/services-networking/service/',
      expect.stringMatching(/^https:\/\/kubernetes\.io\//),
    ]);
    for (const link of links) expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: /safe docs/ })).toBeInTheDocument();
    // The javascript: and data: links stay visible as text, not as links.
    expect(document.body.textContent).toContain('[here](javascript:');
    expect(document.body.textContent).toContain('[there](data:text/html');
  });

  it('says so when a minimal bank has no explanation', () => {
    render(
      <Explanation
        question={{ id: 'min' as QuestionId, prompt: 'Only Pods call it.', answer: 'ClusterIP' }}
        choice="NodePort"
        headingLevel={3}
      />,
    );
    expect(screen.getByText('No explanation in this bank.')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('an explanation with a link to the docs keeps it as a link', () => {
    render(
      <RichText
        source={makeQuestion({}).explanation + ' See [Service](https://kubernetes.io/x).'}
      />,
    );
    expect(screen.getByRole('link', { name: /Service/ })).toHaveAttribute(
      'href',
      'https://kubernetes.io/x',
    );
  });
});
