import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Question, QuestionId } from '../../src/domain/bank-schema';
import { quizResultCsv } from '../../src/lib/quiz-export';
import { makeQuestion } from '../factories';
import { makeAnswer, makeResult } from '../factories-progress';

const bankOf = (...qs: Question[]) => new Map<QuestionId, Question>(qs.map((q) => [q.id, q]));

describe('quiz results as CSV', () => {
  it('writes the header and one line per question, with CRLF line ends', () => {
    const result = makeResult('quiz', [
      { ...makeAnswer('q-cip', 'ClusterIP', 'ClusterIP'), confidence: 'sure', timeMs: 3_400 },
      { ...makeAnswer('q-en', 'ExternalName', null), timeMs: 20_000 },
    ]);
    const csv = quizResultCsv(
      result,
      bankOf(
        makeQuestion({ id: 'q-cip', prompt: 'Pods call an API.' }),
        makeQuestion({ id: 'q-en', prompt: 'Alias a host.', answer: 'ExternalName' }),
      ),
    );
    expect(csv.split('\r\n')).toEqual([
      'number,questionId,prompt,answer,yourAnswer,correct,confidence,seconds',
      '1,q-cip,Pods call an API.,ClusterIP,ClusterIP,true,sure,3.4',
      '2,q-en,Alias a host.,ExternalName,,false,,20',
    ]);
  });

  it('quotes a prompt with commas, quotes and line breaks so it stays one cell', () => {
    const prompt = 'Pods, "jobs"\nand cron jobs call it.';
    const csv = quizResultCsv(
      makeResult('quiz', [makeAnswer('q', 'ClusterIP', 'NodePort')]),
      bankOf(makeQuestion({ id: 'q', prompt })),
    );
    expect(csv).toContain('"Pods, ""jobs""\nand cron jobs call it."');
    expect(Papa.parse<string[]>(csv).data[1]?.[2]).toBe(prompt);
  });

  it.each(['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '＝1+1'])(
    'a prompt that starts like a formula (%j) is written as text',
    (prompt) => {
      const csv = quizResultCsv(
        makeResult('quiz', [makeAnswer('q', 'ClusterIP', 'ClusterIP')]),
        bankOf(makeQuestion({ id: 'q', prompt })),
      );
      expect(Papa.parse<string[]>(csv).data[1]?.[2]).toBe(`'${prompt}`);
    },
  );

  it('leaves numbers alone: seconds are not mistaken for formulas', () => {
    const csv = quizResultCsv(
      makeResult('quiz', [{ ...makeAnswer('q', 'ClusterIP', 'ClusterIP'), timeMs: 0 }]),
      bankOf(makeQuestion({ id: 'q', prompt: 'Plain.' })),
    );
    expect(csv.split('\r\n')[1]).toBe('1,q,Plain.,ClusterIP,ClusterIP,true,,0');
  });
});
