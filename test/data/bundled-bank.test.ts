// The bundled bank's quality rules: every rule that a program can check.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/bank-loader';
import type { Bank, Question } from '../../src/domain/bank-schema';
import { SERVICE_TYPES } from '../../src/domain/service-types';
import { RECALL_TAG, giveawaysIn, overClaims, unverifiedAnchors } from './content-rules';
import { keywordGuess } from './keyword-guesser';

let bank: Bank;
beforeAll(() => {
  const result = loadBank(readFileSync('data/questions.json', 'utf8'));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.where}: ${p.message}`).join('\n'));
  bank = result.bank;
});
const each = (check: (q: Question) => string | null) => bank.questions.map(check).filter((p): p is string => p !== null);
const proseOf = (prompt: string) => prompt.replace(/```[\s\S]*?```/g, ' ');

describe('bundled bank: size and balance', () => {
  it('has at least 240 questions and at least 55 per answer type', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(240);
    for (const type of SERVICE_TYPES) expect(bank.questions.filter((q) => q.answer === type).length).toBeGreaterThanOrEqual(55);
  });

  it('spreads difficulty about 30% recall, 45% apply, 25% edge cases (±5 points)', () => {
    const share = (d: number) => (100 * bank.questions.filter((q) => q.difficulty === d).length) / bank.questions.length;
    expect(Math.abs(share(1) - 30)).toBeLessThanOrEqual(5);
    expect(Math.abs(share(2) - 45)).toBeLessThanOrEqual(5);
    expect(Math.abs(share(3) - 25)).toBeLessThanOrEqual(5);
  });

  it('has at least 40 prompts that show a manifest, command output, an error or a DNS lookup', () => {
    expect(bank.questions.filter((q) => q.prompt.includes('```')).length).toBeGreaterThanOrEqual(40);
  });

  it('has at least 30 minimal pairs: each pair tag on exactly two questions with different answers', () => {
    const pairs = new Map<string, Question[]>();
    for (const q of bank.questions)
      for (const tag of q.tags ?? []) if (tag.startsWith('pair:')) pairs.set(tag, [...(pairs.get(tag) ?? []), q]);
    expect(pairs.size).toBeGreaterThanOrEqual(30);
    const broken = [...pairs].filter(([, qs]) => qs.length !== 2 || qs[0]?.answer === qs[1]?.answer).map(([tag]) => tag);
    expect(broken).toEqual([]);
  });
});

describe('bundled bank: every question is complete', () => {
  it('has an explanation, whyNot for all three other types, difficulty and tags', () => {
    expect(
      each((q) => {
        const missing = SERVICE_TYPES.filter((t) => t !== q.answer && !q.whyNot?.[t]);
        if (!q.explanation) return `${q.id}: no explanation`;
        if (missing.length) return `${q.id}: no whyNot for ${missing.join(', ')}`;
        if (!q.difficulty) return `${q.id}: no difficulty`;
        if (!q.tags?.some((t) => !t.startsWith('pair:'))) return `${q.id}: no concept tag`;
        return null;
      }),
    ).toEqual([]);
  });

  it('cites at least one page of the official Kubernetes docs', () => {
    expect(
      each((q) =>
        q.references?.some((r) => r.url.startsWith('https://kubernetes.io/docs/')) ? null : `${q.id}: no kubernetes.io/docs reference`,
      ),
    ).toEqual([]);
  });

  it('never links the #type-loadbalancer anchor, which does not exist (it is #loadbalancer)', () => {
    expect(each((q) => (q.references?.some((r) => r.url.includes('#type-loadbalancer')) ? q.id : null))).toEqual([]);
  });

  it('links only anchors checked against the docs sources (test/data/content-rules.ts)', () => {
    expect(bank.questions.flatMap(unverifiedAnchors)).toEqual([]);
  });
});

describe('bundled bank: precise in every sentence', () => {
  it('makes none of the known over-claims (test/data/content-rules.ts)', () => {
    expect(bank.questions.flatMap(overClaims)).toEqual([]);
  });
});

describe('bundled bank: no giveaways', () => {
  it('no prompt names its own answer', () => {
    expect(each((q) => (new RegExp(`\\b${q.answer}\\b`, 'i').test(q.prompt) ? q.id : null))).toEqual([]);
  });

  it('no prompt contains a field, annotation, event or describe line only its answer has, recall cards aside', () => {
    expect(
      each((q) => {
        const found = giveawaysIn(q);
        return found.length && !q.tags?.includes(RECALL_TAG) ? `${q.id}: ${found.join(', ')}` : null;
      }),
    ).toEqual([]);
  });

  it('has at most 6 recall cards, each of difficulty 1', () => {
    const recall = bank.questions.filter((q) => q.tags?.includes(RECALL_TAG));
    expect(recall.length).toBeLessThanOrEqual(6);
    expect(recall.filter((q) => q.difficulty !== 1).map((q) => q.id)).toEqual([]);
  });

  it('no prompt contains raw HTML', () => {
    expect(each((q) => (/<\/?[a-z][^>]*>/i.test(proseOf(q.prompt).replace(/`[^`]*`/g, '')) ? q.id : null))).toEqual([]);
  });

  it('a naive keyword guesser scores under 45%', () => {
    const right = bank.questions.filter((q) => keywordGuess(q.prompt) === q.answer).length;
    const percent = (100 * right) / bank.questions.length;
    console.log(`keyword guesser: ${right} of ${bank.questions.length} right (${percent.toFixed(1)}%)`);
    expect(percent).toBeLessThan(45);
  });

  it('has no near-duplicate prompts (word overlap over 0.6), minimal pairs aside', () => {
    const words = bank.questions.map((q) => new Set(proseOf(q.prompt).toLowerCase().match(/[a-z0-9]+/g) ?? []));
    const pairTags = bank.questions.map((q) => new Set((q.tags ?? []).filter((t) => t.startsWith('pair:'))));
    const found: string[] = [];
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i]!;
        const b = words[j]!;
        const shared = [...a].filter((w) => b.has(w)).length;
        const overlap = shared / (a.size + b.size - shared || 1);
        const samePair = [...pairTags[i]!].some((t) => pairTags[j]!.has(t));
        if (overlap > 0.6 && !samePair) found.push(`${bank.questions[i]!.id} ~ ${bank.questions[j]!.id}`);
      }
    expect(found).toEqual([]);
  });
});

// Word overlap misses a repeat told with other names and numbers. So every question records its
// deciding cue (test/data/deciding-cues.json): how it is posed, what decides the answer and what sets
// it apart from its neighbours. Two questions with the same answer and the same cue are a repeat.
describe('bundled bank: no repeats by meaning', () => {
  const cues = JSON.parse(readFileSync('test/data/deciding-cues.json', 'utf8')) as Record<string, string>;
  const KINDS = ['recall', 'recall card', 'scenario', 'manifest', 'diagnose', 'read'];

  it('records a deciding cue for every question, and none for questions no longer in the bank', () => {
    const ids = new Set(bank.questions.map((q) => q.id as string));
    expect(bank.questions.filter((q) => !cues[q.id]?.trim()).map((q) => q.id)).toEqual([]);
    expect(Object.keys(cues).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('starts every cue with how the question is posed', () => {
    const kindOf = (cue: string) => cue.split(':')[0]!.replace(/ (get svc|describe|dig|nslookup|curl).*$/, '');
    expect(Object.entries(cues).filter(([, cue]) => !KINDS.includes(kindOf(cue)))).toEqual([]);
  });

  it('has no two questions with the same answer and the same deciding cue', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const q of bank.questions) {
      const key = `${q.answer} | ${cues[q.id]?.trim().toLowerCase()}`;
      const first = seen.get(key);
      if (first) repeats.push(`${first} ~ ${q.id}`);
      else seen.set(key, q.id);
    }
    expect(repeats).toEqual([]);
  });
});

describe('bundled bank: ids', () => {
  it('are descriptive: kebab-case with an area prefix and at least three words', () => {
    expect(each((q) => (/^(core|lb|dns|ops)(-[a-z0-9]+){2,}$/.test(q.id) ? null : q.id))).toEqual([]);
  });

  // Learners' progress refers to question ids, so an id is published once and keeps its meaning:
  // it stays in the bank with the same answer, or it is retired for good and never reused.
  describe('are stable', () => {
    const readFixture = <T>(name: string) => JSON.parse(readFileSync(`test/fixtures/${name}`, 'utf8')) as T;
    const known = readFixture<string[]>('known-question-ids.json');
    const answerOf = readFixture<Record<string, string>>('known-question-answers.json');
    const retired = readFixture<Record<string, string>>('retired-question-ids.json');
    let current: Map<string, Question>;
    beforeAll(() => {
      current = new Map(bank.questions.map((q) => [q.id as string, q]));
    });

    it('every published id is still in the bank or is retired with a reason', () => {
      expect(known.filter((id) => !current.has(id) && !retired[id]?.trim())).toEqual([]);
    });

    it('a retired id is never reused and was published', () => {
      expect(Object.keys(retired).filter((id) => current.has(id) || !known.includes(id))).toEqual([]);
    });

    it('every id in the bank is recorded as published, with the answer it was published with', () => {
      expect([...current.keys()].filter((id) => !known.includes(id))).toEqual([]);
      expect(Object.keys(answerOf).sort()).toEqual([...known].sort());
      expect([...current.values()].filter((q) => answerOf[q.id] !== q.answer).map((q) => q.id)).toEqual([]);
    });
  });
});
