import { CSV_COLUMNS } from '../../domain/bank-csv-columns';
import { BANK_LIMITS } from '../../domain/bank-schema';

const EXAMPLE = `{
  "$schema": "SCHEMA",
  "version": 1,
  "title": "Acme ingress drills",
  "questions": [
    {
      "id": "acme-internal-billing",
      "prompt": "Only Pods in the cluster call the billing API.",
      "answer": "ClusterIP",
      "explanation": "Reachable inside the cluster only, which is all it needs."
    }
  ]
}`;

/** The bank format in brief, for authors: the JSON fields, the CSV columns and the limits. */
export function FormatHelp({ schemaUrl }: { schemaUrl: string }) {
  return (
    <section aria-labelledby="bank-format" className="bank-format">
      <h2 id="bank-format">The bank format</h2>
      <p>
        A bank needs a <code>title</code> and its <code>questions</code>; a question needs an{' '}
        <code>id</code> (kebab-case, unique, never reused), a <code>prompt</code> (the scenario) and
        the <code>answer</code>: <code>ClusterIP</code>, <code>NodePort</code>,{' '}
        <code>LoadBalancer</code> or <code>ExternalName</code>. An <code>explanation</code>, a{' '}
        <code>whyNot</code> for each other type, a <code>difficulty</code> (1–3), <code>tags</code>{' '}
        and <code>references</code> make it better, and are optional.
      </p>
      <pre tabIndex={0}>
        <code>{EXAMPLE.replace('SCHEMA', schemaUrl)}</code>
      </pre>
      <p>
        Point <code>$schema</code> at <a href={schemaUrl}>{schemaUrl}</a> and your editor checks the
        bank as you type.
      </p>
      <p>
        A CSV file has one question per row under a header row with these columns (any order; only{' '}
        <code>id</code>, <code>prompt</code> and <code>answer</code> are required):
      </p>
      <p className="csv-columns">
        <code>{CSV_COLUMNS.join(',')}</code>
      </p>
      <p>
        Tags are separated by spaces or semicolons; references go one per line, as{' '}
        <code>Title | https://…</code>. The file name is the bank’s title.
      </p>
      <p>
        Text may use <code>`code`</code>, <code>*emphasis*</code>, <code>**strong**</code>, fenced
        code blocks and <code>[links](https://…)</code>; anything else, HTML included, shows as
        plain text. Limits: {BANK_LIMITS.bytes / 1024 / 1024} MB,{' '}
        {BANK_LIMITS.questions.toLocaleString('en')} questions,{' '}
        {BANK_LIMITS.promptChars.toLocaleString('en')} characters a prompt.
      </p>
    </section>
  );
}
