// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  CLOSE_CODES,
  type JoinCode,
  type ParticipantToken,
} from '../../../src/domain/live-protocol';
import { MemoryStorage } from '../../fakes/fake-websocket';
import {
  CODE,
  errorMsg,
  finalResults,
  msg,
  openQuestion,
  reveal,
  TOKEN_ANA,
  welcome,
  yourResult,
} from '../../factories-live-client';
import { renderPlayerPage } from './render-live';
import { createTokenStore } from '../../../src/lib/live-tokens';

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

async function joined() {
  const user = userEvent.setup();
  const t = renderPlayerPage();
  await user.type(screen.getByRole('textbox', { name: 'Name' }), '  Ana  ');
  await user.click(screen.getByRole('button', { name: 'Join' }));
  t.accept();
  t.serve(welcome());
  return { ...t, user };
}

function questionOpen(t: Awaited<ReturnType<typeof joined>>) {
  t.serve(msg({ type: 'question', question: openQuestion({ remainingMs: 25_000 }) }));
}

describe('Participant page', () => {
  it('prefills the code from the link, joins with a trimmed name and waits in the lobby', async () => {
    const t = await joined();
    expect(t.ws.sockets[0]!.messages()).toEqual([{ type: 'join', code: CODE, name: 'Ana' }]);
    expect(screen.getByRole('heading', { level: 2, name: 'You are in, Ana' })).toHaveFocus();
    expect(screen.getByText(/Waiting for the host to start/)).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Kubernetes Services' })).toBeVisible();
  });

  it('checks the name before sending anything', async () => {
    const user = userEvent.setup();
    const t = renderPlayerPage();
    expect(screen.getByRole('textbox', { name: 'Join code' })).toHaveValue(CODE);
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
      /Enter a name of 1 to 24 characters/,
    );
    expect(t.ws.sockets).toHaveLength(0);
  });

  it('answers with a click: the buttons lock and "Answer received" is announced', async () => {
    const t = await joined();
    questionOpen(t);
    const card = document.querySelector('[data-question-id="q-lb"]')!;
    expect(card).toHaveFocus();
    expect(card).toHaveTextContent('The cloud gives each Service an address.');
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('0:25');
    for (const name of TYPES) expect(screen.getByRole('button', { name })).toBeEnabled();
    await t.user.click(screen.getByRole('button', { name: 'NodePort' }));
    expect(t.sent().at(-1)).toEqual({ type: 'answer', index: 0, choice: 'NodePort' });
    for (const name of TYPES) expect(screen.getByRole('button', { name })).toBeDisabled();
    expect(screen.getByText('Sending NodePort…')).toHaveAttribute('role', 'status');
    t.serve(msg({ type: 'ack', index: 0, choice: 'NodePort' }));
    expect(screen.getByText('Answer received: NodePort. Wait for the reveal.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.getByRole('button', { name: 'NodePort' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('answers with keys 1–4, once', async () => {
    const t = await joined();
    questionOpen(t);
    await t.user.keyboard('3');
    await t.user.keyboard('1');
    expect(t.sent().filter((m) => m.type === 'answer')).toEqual([
      { type: 'answer', index: 0, choice: 'LoadBalancer' },
    ]);
  });

  it('at the reveal: right or wrong, the explanation, points and rank', async () => {
    const t = await joined();
    questionOpen(t);
    await t.user.click(screen.getByRole('button', { name: 'NodePort' }));
    t.serve(msg({ type: 'reveal', reveal: reveal() }));
    t.serve(
      msg({
        type: 'your-result',
        result: yourResult({
          choice: 'NodePort',
          correct: false,
          points: 0,
          totalPoints: 0,
          rank: 3,
          of: 3,
        }),
      }),
    );
    const status = screen
      .getByText(/^Incorrect — the answer is LoadBalancer$/)
      .closest('[role="status"]')!;
    expect(status).toHaveFocus();
    expect(status).toHaveTextContent('No points this question · 0 points in all · 3rd of 3');
    // Why the pick was wrong comes first, then the docs.
    expect(screen.getByRole('heading', { name: 'Why not NodePort?' })).toBeVisible();
    expect(screen.getByText('NodePort opens a port on each node only.')).toBeVisible();
    expect(screen.getByRole('button', { name: /LoadBalancer/ })).toHaveClass('right');
    expect(screen.getByRole('button', { name: /NodePort/ })).toHaveClass('wrong');
  });

  it('a right answer shows the points won and the new rank', async () => {
    const t = await joined();
    questionOpen(t);
    t.serve(msg({ type: 'reveal', reveal: reveal() }));
    t.serve(
      msg({
        type: 'your-result',
        result: yourResult({ points: 850, totalPoints: 1850, rank: 1, of: 3 }),
      }),
    );
    expect(screen.getByText('Correct').closest('[role="status"]')).toHaveTextContent(
      'Correct+850 points this question · 1,850 points in all · 1st of 3',
    );
  });

  it('ends with the participant’s place, the podium and the leaderboard with "you"', async () => {
    const t = await joined();
    t.serve(msg({ type: 'ended', final: finalResults() }));
    t.serve(
      msg({ type: 'your-final', result: { rank: 1, of: 3, points: 2000, correct: 2, asked: 2 } }),
    );
    expect(screen.getByRole('heading', { name: 'Final results' })).toHaveFocus();
    expect(screen.getByText(/^You finished/)).toHaveTextContent(
      'You finished 1st of 3 with 2,000 points: 2 of 2 (100%) right.',
    );
    expect(
      within(screen.getByRole('list', { name: 'Podium' })).getAllByRole('listitem'),
    ).toHaveLength(3);
    expect(screen.getByRole('rowheader', { name: 'Ana (you)' })).toBeVisible();
  });

  it.each([
    ['unknown-session', /There is no live session with the code K8SABC/],
    ['session-full', /This session is full/],
    ['late-join-closed', /already started and does not let people join late/],
    ['name-taken', /already uses that name/],
    ['removed', /The host removed you/],
  ])('a join refused with %s says so clearly beside the form', async (code, text) => {
    const user = userEvent.setup();
    const t = renderPlayerPage();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    t.accept();
    t.serve(errorMsg(code));
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    if (code !== 'removed') {
      // The form is back, with what was typed, ready for another try.
      expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana');
      expect(screen.getByRole('button', { name: 'Join' })).toBeEnabled();
    }
    if (code === 'name-taken') expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    if (code === 'unknown-session')
      expect(screen.getByRole('textbox', { name: 'Join code' })).toHaveFocus();
  });

  it('a participant removed mid-session is told so', async () => {
    const t = await joined();
    t.serve(msg({ type: 'removed', message: 'Removed by the host.' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The host removed you from this session');
    expect(screen.queryByRole('button', { name: 'Join' })).toBeNull();
  });

  it('a code in the link that cannot be a code is explained, with a form to type one', async () => {
    const user = userEvent.setup();
    const t = renderPlayerPage({ code: 'K8S42' });
    expect(screen.getByRole('alert')).toHaveTextContent('“K8S42” is not a join code');
    await user.type(screen.getByRole('textbox', { name: 'Join code' }), 'k8s-abc');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(t.visited).toEqual(['K8SABC:Ana']);
  });

  it('joins at once with a name handed over from /team', () => {
    const t = renderPlayerPage({ autoJoinName: 'Bo' });
    t.accept();
    expect(t.sent()).toEqual([{ type: 'join', code: CODE, name: 'Bo' }]);
    expect(screen.getByText(/^Joining session/)).toHaveTextContent('Joining session K8SABC as Bo…');
  });

  it('after a reload, rejoins as the same person with the answer already given', () => {
    const storage = new MemoryStorage();
    createTokenStore(storage, () => 1_000_000).savePlayer(CODE as JoinCode, {
      token: TOKEN_ANA as ParticipantToken,
      name: 'Ana',
    });
    const t = renderPlayerPage({ storage, autoJoinName: 'Someone else' });
    t.accept();
    expect(t.sent()).toEqual([{ type: 'rejoin', code: CODE, token: TOKEN_ANA }]);
    t.serve(
      welcome({
        phase: 'question',
        question: openQuestion({ remainingMs: 12_000 }),
        yourAnswer: 'ExternalName',
        totalPoints: 700,
      }),
    );
    expect(screen.getByText('700 points')).toBeVisible();
    expect(screen.getByRole('button', { name: 'ExternalName' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    for (const name of TYPES) expect(screen.getByRole('button', { name })).toBeDisabled();
    expect(screen.getByText('Answer received: ExternalName. Wait for the reveal.')).toBeVisible();
  });

  it('says when the connection is lost and rejoins by itself', async () => {
    const t = await joined();
    questionOpen(t);
    t.drop();
    expect(screen.getByText(/Connection lost\./)).toBeVisible();
    await t.user.click(screen.getByRole('button', { name: 'Reconnect now' }));
    t.accept();
    expect(t.sent()).toEqual([{ type: 'rejoin', code: CODE, token: TOKEN_ANA }]);
    t.serve(
      welcome({ phase: 'question', question: openQuestion(), yourAnswer: null, totalPoints: 0 }),
    );
    expect(screen.queryByText(/Connection lost\./)).toBeNull();
    expect(screen.getByRole('button', { name: 'ClusterIP' })).toBeEnabled();
  });

  it('while the server cannot reach its session store, joining says so and tries again by itself', async () => {
    const user = userEvent.setup();
    const t = renderPlayerPage();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    t.accept();
    t.serve(errorMsg('unavailable', 'The server cannot reach its session store.', 'join'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'cannot reach its session store right now. This page keeps trying by itself.',
    );
    expect(screen.getByText(/^Joining session/)).toBeVisible();
    // The server closes with "try again later"; the client comes back and joins again.
    act(() => t.ws.last().drop(CLOSE_CODES.tryAgain));
    expect(screen.getByText(/Cannot reach the session server\./)).toBeVisible();
    act(() => t.clock.advance(1000));
    t.accept();
    expect(t.sent()).toEqual([{ type: 'join', code: CODE, name: 'Ana' }]);
    t.serve(welcome());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'You are in, Ana' })).toBeVisible();
  });

  it('keeps an answer given when the server sends the same question again', async () => {
    const t = await joined();
    questionOpen(t);
    await t.user.click(screen.getByRole('button', { name: 'NodePort' }));
    t.serve(msg({ type: 'ack', index: 0, choice: 'NodePort' }));
    questionOpen(t);
    expect(screen.getByText('Answer received: NodePort. Wait for the reveal.')).toBeVisible();
    for (const name of TYPES) expect(screen.getByRole('button', { name })).toBeDisabled();
  });

  it('leaving asks first, then frees the name', async () => {
    const t = await joined();
    await t.user.click(screen.getByRole('button', { name: 'Leave session' }));
    await t.user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    expect(t.ws.sockets[0]!.messages().at(-1)).toEqual({ type: 'leave' });
    expect(screen.getByText(/You left session K8SABC/)).toBeVisible();
  });
});
