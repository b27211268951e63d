// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_CODES } from '../../../src/domain/live-protocol';
import { qrPath } from '../../../src/features/team/QrCode';
import {
  CODE,
  errorMsg,
  finalResults,
  hostView,
  leader,
  msg,
  openQuestion,
  reveal,
} from '../../factories-live-client';
import { renderHostPage } from './render-live';

const people = [
  { id: 'pana', name: 'Ana' },
  { id: 'pbo', name: 'Bo', connected: false },
  { id: 'pcy', name: '<img src=x onerror=alert(1)>' },
];

function inLobby() {
  const t = renderHostPage();
  t.accept();
  t.serve(hostView({ phase: 'lobby' }, people));
  return t;
}

afterEach(() => vi.restoreAllMocks());

describe('Host page', () => {
  it('says hello with the host token, then shows the lobby: code, QR code, link and people', () => {
    const t = inLobby();
    expect(t.sent()).toEqual([{ type: 'host-hello', code: CODE, hostToken: expect.any(String) }]);
    expect(screen.getByLabelText('Join code')).toHaveTextContent(/^K8SABC$/);
    const url = `https://trainer.example/join/${CODE}`;
    expect(screen.getByRole('link', { name: 'trainer.example/join/K8SABC' })).toHaveAttribute(
      'href',
      url,
    );
    const qr = screen.getByRole('img', { name: `QR code that opens ${url}` });
    // The QR code encodes the join address (another address gives other modules).
    expect(qr.querySelector('path')?.getAttribute('d')).toBe(qrPath(url).path);
    expect(qrPath(`https://trainer.example/join/XYZ234`).path).not.toBe(qrPath(url).path);

    const list = screen.getByRole('list', { name: 'Participants' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'AnaRemove',
      'BoofflineRemove',
      '<img src=x onerror=alert(1)>Remove',
    ]);
    // A name is text, never markup.
    expect(list.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Participants (3)' })).toBeVisible();
  });

  it('removes a participant and starts the session', async () => {
    const user = userEvent.setup();
    const t = inLobby();
    const bo = within(screen.getByRole('list', { name: 'Participants' })).getAllByRole(
      'listitem',
    )[1]!;
    await user.click(within(bo).getByRole('button', { name: 'Remove' }));
    expect(t.sent().at(-1)).toEqual({ type: 'remove', participantId: 'pbo' });
    expect(screen.getByRole('heading', { name: 'Participants (3)' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(t.sent().at(-1)).toEqual({ type: 'start' });
    // Waiting for the server: a second press cannot send a second start.
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
  });

  it('shows the scenario large, a countdown from local time, and the answered count', async () => {
    const user = userEvent.setup();
    const t = inLobby();
    t.serve(
      hostView(
        { phase: 'question', question: openQuestion({ remainingMs: 20_000 }), answered: 0 },
        people,
      ),
    );
    const card = document.querySelector('[data-question-id="q-lb"]');
    expect(card).toHaveTextContent('The cloud gives each Service an address.');
    expect(card?.querySelector('strong')).toHaveTextContent('address');
    expect(card).toHaveFocus();
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('0:20');
    expect(screen.getByText('Question 1 of 2')).toBeVisible();
    expect(screen.getByText(/of 3 answered/)).toHaveTextContent('0 of 3 answered');
    t.serve(msg({ type: 'progress', index: 0, answered: 2, participants: 3 }));
    expect(screen.getByText(/of 3 answered/)).toHaveTextContent('2 of 3 answered');

    await user.click(screen.getByRole('button', { name: 'Reveal now' }));
    expect(t.sent().at(-1)).toEqual({ type: 'reveal' });
  });

  it('an untimed question says so instead of a clock', () => {
    const t = inLobby();
    t.serve(
      hostView(
        {
          phase: 'question',
          question: openQuestion({ durationMs: null, remainingMs: null }),
          answered: 0,
        },
        people,
      ),
    );
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText(/No time limit/)).toBeVisible();
  });

  it('reveals: chart and table of the split, the answer and why, the leaderboard, next', async () => {
    const user = userEvent.setup();
    const t = inLobby();
    t.serve(hostView({ phase: 'reveal', reveal: reveal() }, people));
    expect(screen.getByRole('heading', { name: 'The answer is LoadBalancer' })).toHaveFocus();
    expect(document.querySelector('[data-question-id="q-lb"]')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Answers by type' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    // 1 NodePort, 2 LoadBalancer, 1 without an answer: shares of the 4 people asked.
    expect(rows).toEqual([
      ['0', '0%'],
      ['1', '25%'],
      ['2', '50%'],
      ['0', '0%'],
      ['1', '25%'],
    ]);
    expect(
      within(table).getByRole('rowheader', { name: 'LoadBalancer (right answer)' }),
    ).toBeVisible();
    expect(screen.getByRole('img', { name: /^Bar chart\./ })).toHaveAccessibleName(
      'Bar chart. ClusterIP: 0, 0%; NodePort: 1, 25%; LoadBalancer (right answer): 2, 50%; ExternalName: 0, 0%.',
    );

    // The explanation is the bank's Markdown, rendered as elements.
    expect(screen.getByText('load balancer', { selector: 'code' })).toBeVisible();

    const board = screen.getByRole('heading', { name: 'Leaderboard' }).closest('section')!;
    const boardRows = within(board)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(boardRows).toEqual(['1Ana1,0001 of 1 (100%)', '2Bo9001 of 1 (100%)', '3Cy00 of 1 (0%)']);

    await user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(t.sent().at(-1)).toEqual({ type: 'next' });
  });

  it('the last reveal offers End session instead of Next question', async () => {
    const user = userEvent.setup();
    const t = inLobby();
    t.serve(hostView({ phase: 'reveal', reveal: reveal({ index: 1, isLast: true }) }, people));
    expect(screen.queryByRole('button', { name: 'Next question' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'End session' }));
    expect(t.sent().at(-1)).toEqual({ type: 'end' });
  });

  it('ends with a podium, per-question stats and a CSV and JSON export', async () => {
    const user = userEvent.setup();
    const t = inLobby();
    const rows = [
      {
        name: '=cmd|calc',
        questionId: 'q-lb',
        answer: 'NodePort',
        correct: false,
        timeMs: 3000,
        points: 0,
      },
      {
        name: 'Ana',
        questionId: 'q-lb',
        answer: 'LoadBalancer',
        correct: true,
        timeMs: 2500,
        points: 1000,
      },
    ];
    t.serve(hostView({ phase: 'ended', final: finalResults(), rows } as never, people));
    expect(screen.getByRole('heading', { name: 'Final results' })).toHaveFocus();
    const podium = screen.getByRole('list', { name: 'Podium' });
    expect(
      within(podium)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '1stAna2,000 points2 of 2 (100%) right',
      '2ndBo900 points1 of 2 (50%) right',
      '3rdCy0 points0 of 2 (0%) right',
    ]);
    expect(screen.getByText(/Most common confusion:/).parentElement).toHaveTextContent(
      'Most common confusion: NodePort chosen where the answer was LoadBalancer (1 time).',
    );
    const splitters = screen.getByRole('heading', {
      name: 'Scenarios that split the room',
    }).nextElementSibling!;
    // The most split scenario comes first.
    expect(splitters.textContent).toMatch(/^Question 2: Alias a managed database host/);
    expect(screen.getByRole('table', { name: 'Results per question' })).toBeVisible();

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('Saved team-session-K8SABC-2025-01-02.csv.')).toBeVisible();
    const csv = await blobs[0]!.text();
    expect(csv.split('\r\n')).toEqual([
      'name,questionId,answer,correct,timeMs,points',
      `"'=cmd|calc",q-lb,NodePort,false,3000,0`,
      'Ana,q-lb,LoadBalancer,true,2500,1000',
    ]);
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    await screen.findByText('Saved team-session-K8SABC-2025-01-02.json.');
    expect(JSON.parse(await blobs[1]!.text())).toEqual(rows);
  });

  it('keeps the screen and says so while the connection is down, then takes control again', () => {
    const t = inLobby();
    t.drop();
    expect(screen.getByText(/Connection lost\./)).toBeVisible();
    expect(screen.getByLabelText('Join code')).toHaveTextContent('K8SABC');
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
    t.clock.advance(1000);
    t.accept();
    expect(t.sent()).toEqual([{ type: 'host-hello', code: CODE, hostToken: expect.any(String) }]);
    expect(screen.queryByText(/Connection lost\./)).toBeNull();
  });

  it('while the server cannot reach its session store, says so, then takes control once it can', () => {
    const t = renderHostPage();
    t.accept();
    t.serve(
      errorMsg('unavailable', 'The server cannot reach its session store just now.', 'host-hello'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('cannot reach its session store');
    act(() => t.ws.last().drop(CLOSE_CODES.tryAgain));
    act(() => t.clock.advance(1000));
    t.accept();
    expect(t.sent()).toEqual([{ type: 'host-hello', code: CODE, hostToken: expect.any(String) }]);
    t.serve(hostView({ phase: 'lobby' }, []));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start' })).toBeVisible();
  });

  it('without the host token for the code, says this browser cannot host it', () => {
    renderHostPage({ hostToken: null });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This browser does not hold the host key for session K8SABC',
    );
    expect(screen.getByRole('link', { name: 'Join K8SABC as a participant' })).toHaveAttribute(
      'href',
      '/join/K8SABC',
    );
  });

  it('a refused host token ends control with a clear message', () => {
    const t = renderHostPage();
    t.accept();
    t.serve(msg({ type: 'error', code: 'bad-token', message: 'no' }));
    expect(screen.getByRole('alert')).toHaveTextContent('host key does not fit this session');
  });

  it('leader rows render names as text', () => {
    const t = inLobby();
    t.serve(
      hostView(
        {
          phase: 'reveal',
          reveal: reveal({
            leaderboard: [leader({ name: '<b>bold</b>', participantId: 'px' } as never)],
          }),
        },
        people,
      ),
    );
    expect(screen.getByRole('rowheader', { name: '<b>bold</b>' })).toBeVisible();
  });
});
