import { describe, expect, it } from 'vitest';
import type { LiveCommand } from '../../src/domain/live-handlers';
import type { HostToken } from '../../src/domain/live-protocol';
import { conn, HOST, newLiveSession, Script, sendsTo, token } from '../factories-live';

/**
 * Every refusal, word for word: what the person sees is the message, the code decides what the
 * client does next, and `ref` names the refused message. A refusal goes to the sender alone and
 * changes nothing.
 */

type Setup = (script: Script) => void;

const join = (name: string, n: number): LiveCommand => ({
  type: 'join',
  name,
  token: token(n),
  connection: conn(n),
});

/** The first question opened and revealed. */
const revealed: Setup = (s) => {
  s.host('start');
  s.host('reveal');
};

/** Ana (0) and Ben (1) in the lobby of a full, untimed session without late joins. */
function lobby() {
  const script = new Script(
    newLiveSession({
      settings: { secondsPerQuestion: null, lateJoin: false },
      limits: { maxParticipants: 2 },
    }),
  );
  script.join('Ana', 0);
  script.join('Ben', 1);
  return script;
}

const cases: [string, Setup | null, LiveCommand, { code: string; message: string; ref: string }][] =
  [
    [
      'a host hello with the wrong token',
      null,
      { type: 'host-hello', hostToken: 'host-token-0123456789abcdeX' as HostToken },
      {
        code: 'bad-token',
        message:
          'This host token does not control session ABCDEF. Only the browser that created it can host it.',
        ref: 'host-hello',
      },
    ],
    [
      'a host hello with a shorter token the real one starts with',
      null,
      { type: 'host-hello', hostToken: HOST.slice(0, -1) as HostToken },
      {
        code: 'bad-token',
        message:
          'This host token does not control session ABCDEF. Only the browser that created it can host it.',
        ref: 'host-hello',
      },
    ],
    [
      'a host command with a longer token that starts with the real one',
      null,
      { type: 'start', hostToken: `${HOST}x` as HostToken },
      { code: 'bad-token', message: 'Only the host of this session can do that.', ref: 'start' },
    ],
    [
      'a join after the end',
      (s) => s.host('end'),
      join('Cy', 2),
      { code: 'session-ended', message: 'This session has ended.', ref: 'join' },
    ],
    [
      'a late join the host does not allow',
      (s) => s.host('start'),
      join('Cy', 2),
      {
        code: 'late-join-closed',
        message: 'This session has already started and the host does not let people join late.',
        ref: 'join',
      },
    ],
    [
      'a join into a full session',
      null,
      join('Cy', 2),
      {
        code: 'session-full',
        message: 'This session is full: it has room for 2 people.',
        ref: 'join',
      },
    ],
    [
      'a join under a name already taken',
      (s) => s.run({ type: 'leave', token: token(1) }),
      join('ANA', 2),
      {
        code: 'name-taken',
        message: 'Someone in this session is already called "ANA". Choose another name.',
        ref: 'join',
      },
    ],
    [
      'a rejoin with an unknown token',
      null,
      { type: 'rejoin', token: token(9), connection: conn(9) },
      {
        code: 'bad-token',
        message: 'We could not find you in session ABCDEF. Join again with your name.',
        ref: 'rejoin',
      },
    ],
    [
      'a rejoin by a removed person',
      (s) => s.run({ type: 'remove', hostToken: HOST, participantId: 'p1' as never }),
      { type: 'rejoin', token: token(1), connection: conn(1) },
      { code: 'removed', message: 'The host removed you from this session.', ref: 'rejoin' },
    ],
    [
      'a rejoin by a person who left',
      (s) => s.run({ type: 'leave', token: token(1) }),
      { type: 'rejoin', token: token(1), connection: conn(1) },
      {
        code: 'bad-token',
        message: 'You left this session. Join again with your name.',
        ref: 'rejoin',
      },
    ],
    [
      'an answer with an unknown token',
      (s) => s.host('start'),
      { type: 'answer', token: token(9), index: 0, choice: 'ClusterIP' },
      { code: 'not-allowed', message: 'You are not in this session.', ref: 'answer' },
    ],
    [
      'an answer by a person who left',
      (s) => {
        s.host('start');
        s.run({ type: 'leave', token: token(1) });
      },
      { type: 'answer', token: token(1), index: 0, choice: 'ClusterIP' },
      { code: 'not-allowed', message: 'You are not in this session.', ref: 'answer' },
    ],
    [
      'an answer by a removed person',
      (s) => {
        s.host('start');
        s.run({ type: 'remove', hostToken: HOST, participantId: 'p1' as never });
      },
      { type: 'answer', token: token(1), index: 0, choice: 'ClusterIP' },
      { code: 'removed', message: 'You are not in this session.', ref: 'answer' },
    ],
    [
      'an answer after the end',
      (s) => s.host('end'),
      { type: 'answer', token: token(0), index: 0, choice: 'ClusterIP' },
      { code: 'session-ended', message: 'This session has ended.', ref: 'answer' },
    ],
    [
      'an answer to a revealed question',
      revealed,
      { type: 'answer', token: token(0), index: 0, choice: 'ClusterIP' },
      { code: 'too-late', message: 'This question is closed.', ref: 'answer' },
    ],
    [
      'an answer to the next question while the reveal shows',
      revealed,
      { type: 'answer', token: token(0), index: 1, choice: 'ClusterIP' },
      { code: 'not-open', message: 'This question is not open yet.', ref: 'answer' },
    ],
    [
      'an answer in the lobby',
      null,
      { type: 'answer', token: token(0), index: 0, choice: 'ClusterIP' },
      { code: 'not-open', message: 'This question is not open yet.', ref: 'answer' },
    ],
    [
      'a leave with an unknown token',
      null,
      { type: 'leave', token: token(9) },
      { code: 'not-allowed', message: 'You are not in this session.', ref: 'leave' },
    ],
    [
      'a second leave',
      (s) => s.run({ type: 'leave', token: token(1) }),
      { type: 'leave', token: token(1) },
      { code: 'not-allowed', message: 'You are not in this session.', ref: 'leave' },
    ],
    [
      'a leave by a removed person',
      (s) => s.run({ type: 'remove', hostToken: HOST, participantId: 'p1' as never }),
      { type: 'leave', token: token(1) },
      { code: 'not-allowed', message: 'You are not in this session.', ref: 'leave' },
    ],
    [
      'a host command after the end',
      (s) => s.host('end'),
      { type: 'next', hostToken: HOST },
      { code: 'session-ended', message: 'This session has ended.', ref: 'next' },
    ],
    [
      'a second start',
      (s) => s.host('start'),
      { type: 'start', hostToken: HOST },
      { code: 'not-allowed', message: 'The session has already started.', ref: 'start' },
    ],
    [
      'a reveal with no question open',
      null,
      { type: 'reveal', hostToken: HOST },
      { code: 'not-open', message: 'No question is open to reveal.', ref: 'reveal' },
    ],
    [
      'a next in the lobby',
      null,
      { type: 'next', hostToken: HOST },
      { code: 'not-allowed', message: 'Start the session first.', ref: 'next' },
    ],
    [
      'a next while a question is open',
      (s) => s.host('start'),
      { type: 'next', hostToken: HOST },
      { code: 'not-allowed', message: 'Reveal the open question first.', ref: 'next' },
    ],
    [
      'a next after the last question',
      (s) => {
        s.host('start');
        for (let i = 0; i < 3; i++) {
          s.host('reveal');
          s.host('next');
        }
        s.host('reveal');
      },
      { type: 'next', hostToken: HOST },
      {
        code: 'not-allowed',
        message: 'That was the last question. End the session to see the results.',
        ref: 'next',
      },
    ],
    [
      'a removal of someone who is not in the session',
      null,
      { type: 'remove', hostToken: HOST, participantId: 'p9' as never },
      { code: 'not-allowed', message: 'That person is not in the session.', ref: 'remove' },
    ],
    [
      'a second removal',
      (s) => s.run({ type: 'remove', hostToken: HOST, participantId: 'p1' as never }),
      { type: 'remove', hostToken: HOST, participantId: 'p1' as never },
      { code: 'not-allowed', message: 'That person is not in the session.', ref: 'remove' },
    ],
    [
      'a removal of someone who left',
      (s) => s.run({ type: 'leave', token: token(1) }),
      { type: 'remove', hostToken: HOST, participantId: 'p1' as never },
      { code: 'not-allowed', message: 'That person is not in the session.', ref: 'remove' },
    ],
  ];

describe('refusals', () => {
  it.each(cases)('%s', (_name, setup, command, error) => {
    const script = lobby();
    setup?.(script);
    const before = script.state;
    const outcome = script.run(command);
    expect(outcome.effects).toEqual([
      { kind: 'send', audience: { to: 'sender' }, message: { type: 'error', ...error } },
    ]);
    expect(outcome.events).toEqual([]);
    expect(outcome.state).toBe(before);
  });

  it('refuse an answer past the deadline with its own message, and close the question', () => {
    const script = new Script(newLiveSession({ settings: { secondsPerQuestion: 10 } }));
    script.join('Ana', 0);
    script.join('Ben', 1);
    script.host('start', 0);
    const late = script.answer(0, 0, 'ClusterIP', 10_001);
    expect(sendsTo(late, 'error')).toEqual([{ to: 'sender' }]);
    expect(late.effects.filter((e) => e.kind === 'send' && e.message.type === 'error')).toEqual([
      {
        kind: 'send',
        audience: { to: 'sender' },
        message: {
          type: 'error',
          code: 'too-late',
          message: 'Time is up for this question.',
          ref: 'answer',
        },
      },
    ]);
  });
});
