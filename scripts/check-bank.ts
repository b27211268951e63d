// Checks a question bank with the app's own loader: `npm run check-bank -- path/to/bank.json`
// (or a .csv file, converted as the app converts it; the file name is its title).
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { csvTitle, loadCsvBank } from '../src/domain/bank-csv';
import { formatProblem, loadBank } from '../src/domain/bank-loader';
import { summarizeBank } from '../src/domain/bank-summary';

const file = process.argv[2] ?? 'data/questions.json';
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`${file}: cannot read the file (${(error as Error).message})`);
  process.exit(1);
}
const result =
  extname(file).toLowerCase() === '.csv'
    ? loadCsvBank(text, csvTitle(basename(file)))
    : loadBank(text);
if (!result.ok) {
  for (const problem of result.problems) console.error(`${file}: ${formatProblem(problem)}`);
  console.error(
    `\n${result.problems.length} problem(s) found; the bank cannot be used until they are fixed.`,
  );
  process.exit(1);
}
const summary = summarizeBank(result.bank);
console.log(`${file}: OK, "${result.bank.title}", ${summary.total} questions`);
console.log(
  `  by answer: ${Object.entries(summary.byType)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ')}`,
);
