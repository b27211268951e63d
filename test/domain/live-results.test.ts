import { describe, expect, it } from 'vitest';
import { exportRows, split } from '../../src/domain/live-results';
import { HOST, newLiveSession, Script, sent } from '../factories-live';

const T0 = 1_000_000;

/** Five people; question 0 (ClusterIP) and 1 (NodePort) asked; Eve joins after question 0. */
function playedSession() {
  const script = new Script(newLiveSession({ settings: { secondsPerQuestion: null } }));
  ['Ana', 'Ben', 'Cy', 'Dee'].forEach((name, i) => script.join(name, i));
  script.host('start', T0);
  script.answer(0, 0, 'ClusterIP', T0 + 1000);
  script.answer(1, 0, 'NodePort', T0 + 2000);
  script.answer(2, 0, 'NodePort', T0 + 3000);
  // Dee gives no answer.
  script.host('reveal', T0 + 4000);
  script.join('Eve', 4);
  script.host('next', T0 + 5000);
  script.answer(0, 1, 'NodePort', T0 + 5100);
  script.answer(1, 1, 'ClusterIP', T0 + 5200);
  script.answer(2, 1, 'NodePort', T0 + 5300);
  script.answer(3, 1, 'ClusterIP', T0 + 5400);
  script.answer(4, 1, 'NodePort', T0 + 5500);
  return script;
}

describe('per-question stats', () => {
  it('give the split, the distribution, the unanswered and the top confusion', () => {
    const script = playedSession();
    const first = script.state.rounds[0]!.stat!;
    expect(first).toMatchObject({
      questionId: 'q0',
      answer: 'ClusterIP',
      distribution: { ClusterIP: 1, NodePort: 2, LoadBalancer: 0, ExternalName: 0 },
      noAnswer: 1,
      correctRate: 1 / 3,
      topConfusion: { picked: 'NodePort', count: 2 },
    });
    expect(first.split).toBeCloseTo(
      split({ ClusterIP: 1, NodePort: 2, LoadBalancer: 0, ExternalName: 0 }),
    );
  });

  it('measure the split as 0 when all agree, 1 for an even split, 0 with no answers', () => {
    expect(split({ ClusterIP: 5, NodePort: 0, LoadBalancer: 0, ExternalName: 0 })).toBe(0);
    expect(split({ ClusterIP: 3, NodePort: 3, LoadBalancer: 3, ExternalName: 3 })).toBeCloseTo(1);
    expect(split({ ClusterIP: 0, NodePort: 0, LoadBalancer: 0, ExternalName: 0 })).toBe(0);
    const twoWay = split({ ClusterIP: 5, NodePort: 5, LoadBalancer: 0, ExternalName: 0 });
    expect(twoWay).toBeCloseTo(0.5);
  });

  it('leave out a removed person’s answer from the room’s split', () => {
    const script = new Script(newLiveSession({ settings: { secondsPerQuestion: null } }));
    const [, troll] = [script.join('Ana', 0), script.join('Troll', 1), script.join('Ben', 2)];
    script.host('start');
    script.answer(0, 0, 'ClusterIP');
    script.answer(1, 0, 'ExternalName');
    script.run({ type: 'remove', hostToken: HOST, participantId: troll });
    script.host('reveal');
    expect(script.state.rounds[0]!.stat!.distribution.ExternalName).toBe(0);
    expect(script.state.rounds[0]!.stat!.topConfusion).toBeNull();
  });
});

describe('final results', () => {
  it('give a podium, the leaderboard with accuracy, every question and the worst confusion', () => {
    const script = playedSession();
    const outcome = script.host('end', T0 + 6000);
    const final = sent(outcome, 'ended')[0]!.final;
    expect(final.podium.map((r) => [r.name, r.points, r.correct, r.asked])).toEqual([
      ['Ana', 2000, 2, 2],
      ['Cy', 1000, 1, 2],
      ['Eve', 1000, 1, 1],
    ]);
    expect(final.leaderboard.map((r) => r.rank)).toEqual([1, 2, 2, 4, 4]);
    expect(final.questions.map((q) => q.questionId)).toEqual(['q0', 'q1']);
    // NodePort for a ClusterIP answer twice, ClusterIP for a NodePort answer twice: the first wins.
    expect(final.mostCommonConfusion).toEqual({
      answer: 'ClusterIP',
      picked: 'NodePort',
      count: 2,
    });
  });

  it('keep the leaderboard to ten rows', () => {
    const script = new Script(newLiveSession());
    for (let i = 0; i < 14; i++) script.join(`Person ${i}`, i);
    const final = sent(script.host('end'), 'ended')[0]!.final;
    expect(final.leaderboard).toHaveLength(10);
    expect(final.podium).toHaveLength(3);
  });
});

describe('export rows', () => {
  it('hold one row per person per question they were there for, in join order', () => {
    const script = playedSession();
    script.host('end', T0 + 6000);
    const rows = exportRows(script.state);
    expect(rows).toHaveLength(4 * 2 + 1);
    expect(rows.slice(0, 2)).toEqual([
      {
        name: 'Ana',
        questionId: 'q0',
        answer: 'ClusterIP',
        correct: true,
        timeMs: 1000,
        points: 1000,
      },
      {
        name: 'Ana',
        questionId: 'q1',
        answer: 'NodePort',
        correct: true,
        timeMs: 100,
        points: 1000,
      },
    ]);
    expect(rows.filter((r) => r.name === 'Dee')[0]).toEqual({
      name: 'Dee',
      questionId: 'q0',
      answer: null,
      correct: false,
      timeMs: null,
      points: 0,
    });
    expect(rows.filter((r) => r.name === 'Eve').map((r) => r.questionId)).toEqual(['q1']);
  });
});

describe('a question nobody answered', () => {
  it('has a right-answer rate of 0, no split and no confusion', () => {
    const script = new Script(newLiveSession({ settings: { secondsPerQuestion: null } }));
    script.join('Ana', 0);
    script.host('start');
    script.host('reveal');
    expect(script.state.rounds[0]!.stat).toMatchObject({
      correctRate: 0,
      split: 0,
      noAnswer: 1,
      topConfusion: null,
    });
  });
});

describe('the reveal', () => {
  it('says whether it is the last question', () => {
    const script = new Script(newLiveSession({ settings: { secondsPerQuestion: null } }));
    script.join('Ana', 0);
    script.host('start');
    const isLast = [sent(script.host('reveal'), 'reveal')[0]!.reveal.isLast];
    for (let i = 1; i < 4; i++) {
      script.host('next');
      isLast.push(sent(script.host('reveal'), 'reveal')[0]!.reveal.isLast);
    }
    expect(isLast).toEqual([false, false, false, true]);
  });
});
