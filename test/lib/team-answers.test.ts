import { describe, expect, it } from 'vitest';
import { bankIdForTitle } from '../../src/domain/bank-ids';
import { quizEvents } from '../../src/domain/flashcards';
import type { JoinCode } from '../../src/domain/live-protocol';
import { masteryFrom } from '../../src/domain/mastery';
import { teamResultId } from '../../src/domain/team-progress';
import { createPlayerClient } from '../../src/lib/live-player-client';
import { createTokenStore } from '../../src/lib/live-tokens';
import { recordTeamAnswers } from '../../src/lib/team-answers';
import { fakeClock, fakeWebSocket, MemoryStorage } from '../fakes/fake-websocket';
import { createMemoryDatabase } from '../fakes/memory-progress-store';
import {
  CODE,
  msg,
  openQuestion,
  reveal,
  TOKEN_ANA,
  welcome,
  yourResult,
} from '../factories-live-client';

const BUILTIN_TITLE = 'Kubernetes Services';

function setup() {
  const ws = fakeWebSocket();
  const clock = fakeClock();
  const client = createPlayerClient({
    code: CODE as JoinCode,
    url: 'ws://test/live',
    WebSocket: ws.WebSocket,
    now: clock.now,
    random: () => 0.5,
    tokens: createTokenStore(new MemoryStorage(), clock.now),
    timers: clock.timers,
  });
  const db = createMemoryDatabase();
  const store = db.open();
  const errors: unknown[] = [];
  recordTeamAnswers(client, () => store, {
    now: clock.now,
    builtinTitle: BUILTIN_TITLE,
    onError: (e) => errors.push(e),
  });
  client.join('Ana');
  ws.last().open();
  ws.last().receive(welcome({ phase: 'lobby' }));
  /** Plays question `index`: open, reveal, then the participant's own result. */
  const play = (index: number, questionId: string, choice: 'LoadBalancer' | 'NodePort') => {
    ws.last().receive(msg({ type: 'question', question: openQuestion({ index }) }));
    ws.last().receive(msg({ type: 'reveal', reveal: reveal({ index, questionId }) }));
    ws.last().receive(
      msg({
        type: 'your-result',
        result: yourResult({ index, choice, correct: choice === 'LoadBalancer' }),
      }),
    );
  };
  /** Lets queued store writes finish. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { ws, clock, client, store, play, settle, errors };
}

describe('a participant’s team answers in their own progress', () => {
  it('are kept as one team result that feeds history, mastery and flashcards', async () => {
    const t = setup();
    t.play(0, 'q-lb', 'LoadBalancer');
    t.play(1, 'q-np', 'NodePort');
    await t.settle();
    const results = await t.store.listQuizResults();
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result).toMatchObject({
      quizId: teamResultId(CODE, 'pana'),
      kind: 'team',
      team: { code: CODE, name: 'Ana' },
      bankId: bankIdForTitle(BUILTIN_TITLE, BUILTIN_TITLE),
    });
    expect(result!.answers.map((a) => [a.questionId, a.choice, a.correct])).toEqual([
      ['q-lb', 'LoadBalancer', true],
      ['q-np', 'NodePort', false],
    ]);
    expect(masteryFrom(results).answers).toBe(2);
    expect(quizEvents(results)).toHaveLength(2);
    expect(t.errors).toEqual([]);
  });

  it('count once when a reveal comes again or a reconnect brings the results back', async () => {
    const t = setup();
    t.play(0, 'q-lb', 'LoadBalancer');
    await t.settle();
    // The same reveal and result again (a repeated broadcast).
    t.ws.last().receive(msg({ type: 'reveal', reveal: reveal({ index: 0, questionId: 'q-lb' }) }));
    t.ws.last().receive(msg({ type: 'your-result', result: yourResult({ index: 0 }) }));
    // A drop and a rejoin as the same person.
    t.ws.last().drop();
    t.clock.advance(1000);
    t.ws.last().open();
    expect(t.ws.last().messages()).toEqual([{ type: 'rejoin', code: CODE, token: TOKEN_ANA }]);
    t.ws.last().receive(welcome({ phase: 'lobby' }));
    t.play(1, 'q-np', 'NodePort');
    t.ws.last().receive(msg({ type: 'your-result', result: yourResult({ index: 1 }) }));
    await t.settle();
    const results = await t.store.listQuizResults();
    expect(results).toHaveLength(1);
    expect(results[0]!.answers.map((a) => a.questionId)).toEqual(['q-lb', 'q-np']);
    expect(masteryFrom(results).answers).toBe(2);
  });
});
