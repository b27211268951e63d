import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, type ParticipantId } from '../../src/domain/live-protocol';
import { hostOf, joinAs, request, startServer, type Harness } from './live-harness';

let h: Harness;
beforeEach(async () => {
  h = await startServer();
});
afterEach(() => h.close());

async function answersIn(code: string, index: number) {
  const state = await h.app.store.load(code as never);
  return state?.state.rounds[index]?.answers;
}

describe('a live session over real sockets', () => {
  it('joins, answers, ignores a double answer, reveals and scores', async () => {
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    const ben = await joinAs(h, code, 'Ben');
    expect(ana.welcome.participantId).not.toBe(ben.welcome.participantId);

    const question = ana.client.next('question');
    host.send({ type: 'start' });
    expect((await question).question).toMatchObject({ index: 0, questionId: 'live-q0', total: 3 });

    expect(
      await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack'),
    ).toEqual({
      type: 'ack',
      index: 0,
      choice: 'NodePort',
    });
    // A second answer: the first one's receipt, and nothing stored changes.
    const repeat = await request(
      ana.client,
      { type: 'answer', index: 0, choice: 'ClusterIP' },
      'ack',
    );
    expect(repeat.choice).toBe('NodePort');
    const stored = await answersIn(code, 0);
    expect(stored?.size).toBe(1);
    expect(stored?.get(ana.welcome.participantId)?.choice).toBe('NodePort');

    const reveal = ana.client.next('reveal');
    const result = ana.client.next('your-result');
    const benResult = ben.client.next('your-result');
    await request(ben.client, { type: 'answer', index: 0, choice: 'LoadBalancer' }, 'ack');
    expect((await reveal).reveal).toMatchObject({
      answer: 'NodePort',
      distribution: { ClusterIP: 0, NodePort: 1, LoadBalancer: 1, ExternalName: 0 },
    });
    expect((await result).result).toMatchObject({ correct: true, points: 1000, rank: 1, of: 2 });
    expect((await benResult).result).toMatchObject({ correct: false, points: 0, rank: 2 });
    const hostReveal = await host.next('host-view', (m) => m.view.state.phase === 'reveal');
    expect(hostReveal.view.participants.map((p) => [p.name, p.points])).toEqual([
      ['Ana', 1000],
      ['Ben', 0],
    ]);

    host.send({ type: 'end' });
    const ended = await host.next('host-view', (m) => m.view.state.phase === 'ended');
    const rows = ended.view.state.phase === 'ended' ? ended.view.state.rows : [];
    expect(rows).toEqual([
      {
        name: 'Ana',
        questionId: 'live-q0',
        answer: 'NodePort',
        correct: true,
        timeMs: 0,
        points: 1000,
      },
      {
        name: 'Ben',
        questionId: 'live-q0',
        answer: 'LoadBalancer',
        correct: false,
        timeMs: 0,
        points: 0,
      },
    ]);
    expect((await ana.client.next('your-final')).result).toMatchObject({ rank: 1, points: 1000 });
  });

  it('refuses a late answer, and reveals by itself when the time is up', async () => {
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    await joinAs(h, code, 'Ben');
    const early = await request(
      ana.client,
      { type: 'answer', index: 0, choice: 'NodePort' },
      'error',
    );
    expect(early.code).toBe('not-open');

    const opened = ana.client.next('question');
    host.send({ type: 'start' });
    await opened;
    // The timer has not fired yet (it is late), but the deadline has passed: refused all the same.
    h.clock.skip(30_001);
    const late = await request(
      ana.client,
      { type: 'answer', index: 0, choice: 'NodePort' },
      'error',
    );
    expect(late.code).toBe('too-late');
    expect((await ana.client.next('reveal')).reveal.distribution.NodePort).toBe(0);
    expect((await answersIn(code, 0))?.size).toBe(0);

    // The next question reveals at its deadline, from the server's own timer.
    const second = ana.client.next('question');
    host.send({ type: 'next' });
    await second;
    const reveal = ana.client.next('reveal', (m) => m.reveal.index === 1);
    h.clock.advance(29_999);
    expect(ana.client.count('reveal')).toBe(1);
    h.clock.advance(1);
    expect((await reveal).reveal.noAnswer).toBe(2);
    const afterReveal = await request(
      ana.client,
      { type: 'answer', index: 1, choice: 'NodePort' },
      'error',
    );
    expect(afterReveal.code).toBe('too-late');
  });

  it('refuses a wrong host token, a wrong participant token and an unknown code', async () => {
    const { code } = await h.create();
    const stranger = await h.connect();
    const hello = await request(
      stranger,
      { type: 'host-hello', code, hostToken: 'x'.repeat(32) },
      'error',
    );
    expect(hello.code).toBe('bad-token');
    const start = await request(stranger, { type: 'start' }, 'error');
    expect(start.code).toBe('not-allowed');
    const rejoin = await request(
      stranger,
      { type: 'rejoin', code, token: 'y'.repeat(22) },
      'error',
    );
    expect(rejoin.code).toBe('bad-token');
    const unknown = await request(stranger, { type: 'join', code: 'ZZZZZZ', name: 'Ana' }, 'error');
    expect(unknown.code).toBe('unknown-session');
    expect(unknown.message).toContain('ZZZZZZ');
    expect((await h.app.store.load(code))?.state.phase.phase).toBe('lobby');
  });

  it('keeps a participant who reconnects mid-question: same person, same score, answer kept', async () => {
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    await joinAs(h, code, 'Ben');
    host.send({ type: 'start' });
    await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
    host.send({ type: 'reveal' });
    await ana.client.next('your-result');
    host.send({ type: 'next' });
    await ana.client.next('question', (m) => m.question.index === 1);
    await request(ana.client, { type: 'answer', index: 1, choice: 'ClusterIP' }, 'ack');

    ana.client.ws.close();
    const gone = await h.flush(
      host.next('host-view', (m) => m.view.participants[0]?.connected === false),
    );
    expect(gone.view.participants[0]?.name).toBe('Ana');

    const again = await h.connect();
    host.mark();
    const welcome = await request(
      again,
      { type: 'rejoin', code, token: ana.welcome.token },
      'welcome',
    );
    expect(welcome.participantId).toBe(ana.welcome.participantId);
    expect(welcome.name).toBe('Ana');
    expect(welcome.view.state).toMatchObject({
      phase: 'question',
      yourAnswer: 'ClusterIP',
      totalPoints: 1000,
    });
    const repeat = await request(again, { type: 'answer', index: 1, choice: 'NodePort' }, 'ack');
    expect(repeat.choice).toBe('ClusterIP');
    const back = await h.flush(
      host.next('host-view', (m) => m.view.participants[0]?.connected === true),
    );
    expect(back.view.participants.map((p) => p.name)).toEqual(['Ana', 'Ben']);
    expect(back.view.participants[0]?.points).toBe(1000);
  });

  it('lets the host take control back after a reconnect, and no one else', async () => {
    const { code, hostToken } = await h.create();
    const first = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    await joinAs(h, code, 'Ben');
    first.ws.terminate();

    const again = await h.connect();
    const view = await request(again, { type: 'host-hello', code, hostToken }, 'host-view');
    expect(view.view.participants.map((p) => p.name)).toEqual(['Ana', 'Ben']);
    const question = ana.client.next('question');
    again.send({ type: 'start' });
    expect((await question).question.index).toBe(0);

    const fromParticipant = await request(ana.client, { type: 'reveal' }, 'error');
    expect(fromParticipant.code).toBe('not-allowed');
    const removal = await request(
      ana.client,
      { type: 'remove', participantId: 'p1' as ParticipantId },
      'error',
    );
    expect(removal.code).toBe('not-allowed');
    expect((await h.app.store.load(code))?.state.phase.phase).toBe('question');

    const reveal = ana.client.next('reveal');
    again.send({ type: 'reveal' });
    await reveal;
  });

  it('removes a participant: told, disconnected, and unable to come back', async () => {
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    host.send({ type: 'remove', participantId: ana.welcome.participantId });
    expect((await ana.client.next('removed')).message).toContain('removed');
    expect((await ana.client.closed).code).toBe(CLOSE_CODES.removed);
    const again = await h.connect();
    const refused = await request(
      again,
      { type: 'rejoin', code, token: ana.welcome.token },
      'error',
    );
    expect(refused.code).toBe('removed');
  });

  it('expires an idle session after two hours, telling whoever is still connected', async () => {
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    h.clock.advance(2 * 3600_000 - 1);
    expect(ana.client.count('error')).toBe(0);
    expect((await (await fetch(`${h.http}/healthz`)).json()).sessions).toBe(1);

    h.clock.advance(1);
    const notice = await ana.client.next('error');
    expect(notice).toMatchObject({ code: 'session-ended' });
    expect(notice.message).toContain('2 hours');
    expect((await host.next('error')).code).toBe('session-ended');
    expect((await ana.client.closed).code).toBe(CLOSE_CODES.expired);
    expect((await host.closed).code).toBe(CLOSE_CODES.expired);
    expect((await (await fetch(`${h.http}/healthz`)).json()).sessions).toBe(0);

    const late = await h.connect();
    const refused = await request(late, { type: 'join', code, name: 'Ben' }, 'error');
    expect(refused.code).toBe('unknown-session');
  });

  it('keeps an active session alive past two hours from its creation', async () => {
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    h.clock.advance(3600_000);
    await joinAs(h, code, 'Ben');
    h.clock.advance(3600_000 + 1000);
    const question = ana.client.next('question');
    host.send({ type: 'start' });
    expect((await question).question.index).toBe(0);
  });
});
