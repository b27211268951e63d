import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvTitle, csvToBankData, loadCsvBank } from '../../src/domain/bank-csv';
import { formatProblem } from '../../src/domain/bank-loader';
import { BANK_LIMITS } from '../../src/domain/bank-schema';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/banks/${name}`, import.meta.url), 'utf8');
const HEADER = 'id,prompt,answer';
const messages = (text: string) => {
  const result = loadCsvBank(text, 'Drills');
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('CSV banks', () => {
  it('converts a spreadsheet export to the JSON format, field by field', () => {
    const result = loadCsvBank(fixture('good.csv'), csvTitle('good.csv'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { bank } = result;
    expect(bank.title).toBe('good');
    expect(bank.questions.map((q) => q.answer)).toEqual([
      'ClusterIP',
      'LoadBalancer',
      'NodePort',
      'ExternalName',
    ]);
    const [internal, cloud, lab, db] = bank.questions;
    expect(internal).toMatchObject({
      id: 'csv-internal-metrics',
      difficulty: 1,
      tags: ['internal-traffic'],
      whyNot: {
        NodePort: 'Opens a node port nobody needs.',
        LoadBalancer: 'Provisions an outside balancer nobody needs.',
        ExternalName: 'Cannot select Pods.',
      },
      references: [
        {
          title: 'Service — type: ClusterIP',
          url: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-clusterip',
        },
      ],
    });
    expect(cloud?.tags).toEqual(['external-access', 'cloud-lb']);
    expect(lab).not.toHaveProperty('explanation');
    expect(lab).not.toHaveProperty('whyNot');
    expect(db?.tags).toEqual(['dns', 'migration']);
    expect(db?.references).toEqual([
      {
        title: 'https://kubernetes.io/docs/concepts/services-networking/service/#externalname',
        url: 'https://kubernetes.io/docs/concepts/services-networking/service/#externalname',
      },
    ]);
  });

  it('accepts a minimal sheet of id, prompt and answer, with a BOM and semicolons', () => {
    const result = loadCsvBank(
      '\uFEFFid;prompt;answer\r\nmin;Only Pods call it.;ClusterIP\r\n',
      'T',
    );
    expect(result).toEqual({
      ok: true,
      bank: {
        version: 1,
        title: 'T',
        questions: [{ id: 'min', prompt: 'Only Pods call it.', answer: 'ClusterIP' }],
      },
    });
  });

  it('keeps quoted commas, quotes and line breaks inside a cell', () => {
    const result = csvToBankData(`${HEADER}\nq,"One, ""two""\nthree",NodePort\n`, 'T');
    expect(result.ok && result.data.questions[0]?.prompt).toBe('One, "two"\nthree');
  });

  it('skips blank rows but names the spreadsheet row of each problem', () => {
    expect(messages(`${HEADER}\nok,Fine.,ClusterIP\n\n,,\nbad,Wrong.,Ingress\n`)).toEqual([
      'row 5 (id "bad"), column answer: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Ingress"',
    ]);
  });

  it('names the column of a whyNot, tag or reference problem', () => {
    const text =
      'id,prompt,answer,whyNot.ClusterIP,tags,references\n' +
      'q,Scenario.,ClusterIP,Self.,Not_Kebab,Docs | javascript:alert(1)\n';
    expect(messages(text)).toEqual([
      'row 2 (id "q"), column tags (tag 1): must be kebab-case',
      'row 2 (id "q"), column references (reference 1, url): expected an http or https URL, got "javascript:alert(1)"',
      'row 2 (id "q"), column whyNot.ClusterIP: ClusterIP is the answer; whyNot explains only the other types',
    ]);
  });

  it('keeps hostile cells as plain text: the loader stores them, the renderers keep them inert', () => {
    const text = `${HEADER},explanation\nx,"<script>alert(1)</script>",ClusterIP,"=HYPERLINK(""http://evil"")"\n`;
    const result = loadCsvBank(text, 'T');
    expect(result.ok && result.bank.questions[0]).toEqual({
      id: 'x',
      prompt: '<script>alert(1)</script>',
      answer: 'ClusterIP',
      explanation: '=HYPERLINK("http://evil")',
    });
  });

  it('refuses an empty text, a header only, and a file over the size limit', () => {
    expect(messages('')).toEqual([
      'row 1: the header has no "id", "prompt", "answer" column; a bank needs id, prompt and answer',
    ]);
    expect(messages(`${HEADER}\n`)).toEqual([
      'questions: the bank has no questions; add at least one',
    ]);
    const big = `${HEADER}\n` + 'x,'.padEnd(BANK_LIMITS.bytes + 10, 'a');
    expect(messages(big)).toEqual(['the file is 5.0 MB; a bank can be at most 5 MB']);
  });

  it('takes its title from the file name', () => {
    expect(csvTitle('acme_drills.csv')).toBe('acme drills');
    expect(csvTitle(null)).toBe('Pasted bank');
  });
});
