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

describe('CSV banks: cells and rows', () => {
  const questionsOf = (text: string) => {
    const result = csvToBankData(text, 'T');
    return result.ok ? result.data.questions : result.problems.map(formatProblem);
  };

  it('trims the header names, ids, answers and difficulty, but keeps the text of a prompt', () => {
    expect(
      questionsOf(' id , prompt ,answer , difficulty\n  q-1 ,  Pods call it.  , ClusterIP , 2 \n'),
    ).toEqual([{ id: 'q-1', prompt: '  Pods call it.  ', answer: 'ClusterIP', difficulty: 2 }]);
  });

  it('drops cells that hold only spaces, and skips rows that do', () => {
    const text =
      `${HEADER},explanation,whyNot.NodePort,whyNot.LoadBalancer\n` +
      '   ,  ,  ,  ,  ,\n' +
      'q,Scenario.,ClusterIP,   ,  ,Needs a cloud.\n';
    const result = csvToBankData(text, 'T');
    expect(result).toEqual({
      ok: true,
      data: {
        version: 1,
        title: 'T',
        questions: [
          {
            id: 'q',
            prompt: 'Scenario.',
            answer: 'ClusterIP',
            whyNot: { LoadBalancer: 'Needs a cloud.' },
          },
        ],
      },
      rows: [3],
    });
  });

  it('reads a row with fewer cells than the header as empty cells', () => {
    expect(questionsOf(`${HEADER},explanation,tags\nq,Scenario.,ClusterIP\n`)).toEqual([
      { id: 'q', prompt: 'Scenario.', answer: 'ClusterIP' },
    ]);
  });

  it('takes a difficulty of digits as a number and anything else as text, for the check to name', () => {
    const difficulty = (cell: string) =>
      (
        questionsOf(`${HEADER},difficulty\nq,S.,ClusterIP,${cell}\n`) as Record<string, unknown>[]
      )[0]?.difficulty;
    expect(['3', '12', '2x', 'x2', 'two'].map(difficulty)).toEqual([3, 12, '2x', 'x2', 'two']);
  });

  it('reads one reference a line, with or without a title, whatever the line ends', () => {
    const text =
      `${HEADER},references\n` +
      'q,S.,ClusterIP,"  Service | https://k8s.io/s  \n  https://k8s.io/bare  \r\n| https://k8s.io/untitled\n\n"\n';
    expect(questionsOf(text)).toEqual([
      {
        id: 'q',
        prompt: 'S.',
        answer: 'ClusterIP',
        references: [
          { title: 'Service', url: 'https://k8s.io/s' },
          { title: 'https://k8s.io/bare', url: 'https://k8s.io/bare' },
          { title: '', url: 'https://k8s.io/untitled' },
        ],
      },
    ]);
  });

  it('keeps a byte-order mark inside a cell: only a leading one is dropped', () => {
    expect(questionsOf(`${HEADER}\nq,a\uFEFFb,ClusterIP\n`)).toEqual([
      { id: 'q', prompt: 'a\uFEFFb', answer: 'ClusterIP' },
    ]);
  });

  it('does not split on pipes: references use them inside a cell', () => {
    expect(questionsOf('id|prompt|answer\nq|Scenario.|ClusterIP\n')).toEqual([
      'row 1, column 1: unknown column "id|prompt|answer"; the columns are id, prompt, answer, explanation, whyNot.ClusterIP, whyNot.NodePort, whyNot.LoadBalancer, whyNot.ExternalName, difficulty, tags, references',
      'row 1: the header has no "id", "prompt", "answer" column; a bank needs id, prompt and answer',
    ]);
  });

  it('with a broken header, reports the header only', () => {
    expect(questionsOf(`${HEADER},bogus\nq,S.,ClusterIP,x,extra,cells\n`)).toEqual([
      'row 1, column 4: unknown column "bogus"; the columns are id, prompt, answer, explanation, whyNot.ClusterIP, whyNot.NodePort, whyNot.LoadBalancer, whyNot.ExternalName, difficulty, tags, references',
    ]);
  });
});

describe('CSV banks: where a problem is', () => {
  it('names a row without an id by its row alone', () => {
    expect(messages(`${HEADER}\n,Scenario.,ClusterIP\n`)).toEqual([
      expect.stringMatching(/^row 2, column id: /),
    ]);
  });

  it('names the title problem as coming from the file name', () => {
    const result = loadCsvBank(`${HEADER}\nq,S.,ClusterIP\n`, '   ');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^title \(from the file name\): /),
    ]);
  });

  it('gives the row of an earlier question in a duplicate-id message, past row 10 too', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `q-${i},S.,ClusterIP`);
    expect(messages(`${HEADER}\n${rows.join('\n')}\nq-10,Again.,NodePort\n`)).toEqual([
      'row 13 (id "q-10"), column id: duplicate id; row 12 already uses "q-10"',
    ]);
  });

  it('accepts a file of exactly the size limit and refuses one byte more', () => {
    const sized = (bytes: number) => `${HEADER}\n` + 'x,'.padEnd(bytes - HEADER.length - 1, 'a');
    expect(sized(BANK_LIMITS.bytes)).toHaveLength(BANK_LIMITS.bytes);
    expect(messages(sized(BANK_LIMITS.bytes))).not.toContain(
      'the file is 5.0 MB; a bank can be at most 5 MB',
    );
    expect(messages(sized(BANK_LIMITS.bytes + 1))).toEqual([
      'the file is 5.0 MB; a bank can be at most 5 MB',
    ]);
  });
});

describe('CSV titles', () => {
  it('drops only the extension, turns underscores into one space and trims', () => {
    expect(csvTitle('acme.v2.csv')).toBe('acme.v2');
    expect(csvTitle('acme__ingress_drills.CSV')).toBe('acme ingress drills');
    expect(csvTitle(' _acme_ .csv')).toBe('acme');
    expect(csvTitle('.csv')).toBe('Pasted bank');
  });
});
