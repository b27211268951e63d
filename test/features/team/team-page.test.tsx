// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CreateSessionRequest } from '../../../src/domain/live-protocol';
import { TeamPage } from '../../../src/features/team/TeamPage';
import type { HostableBank } from '../../../src/features/team/HostSetupForm';
import type { CreateSessionResult } from '../../../src/lib/live-api';
import { fourTypeBank } from '../../factories';
import { CODE, HOST_TOKEN } from '../../factories-live-client';

const bank = fourTypeBank();
const banks: HostableBank[] = [
  { id: 'builtin', title: bank.title, questions: bank.questions, source: { kind: 'builtin' } },
];

function renderTeam(
  result: CreateSessionResult = {
    ok: true,
    session: { code: CODE, hostToken: HOST_TOKEN } as never,
  },
) {
  const requests: CreateSessionRequest[] = [];
  const hosted: unknown[] = [];
  const joins: string[] = [];
  render(
    <MemoryRouter>
      <TeamPage
        banks={banks}
        bankProblem={null}
        newSeed={() => 'seed-1'}
        createSession={async (request) => {
          requests.push(request);
          return result;
        }}
        onHosted={(s) => hosted.push(s)}
        onJoin={(code, name) => joins.push(`${code}:${name}`)}
      />
    </MemoryRouter>,
  );
  return { requests, hosted, joins, user: userEvent.setup() };
}

describe('Team page', () => {
  it('joins with a typed code, made comparable, and a trimmed name', async () => {
    const t = renderTeam();
    await t.user.type(screen.getByRole('textbox', { name: 'Join code' }), ' k8s-abc ');
    await t.user.type(screen.getByRole('textbox', { name: 'Name' }), '  Ana   Lee ');
    await t.user.click(screen.getByRole('button', { name: 'Join' }));
    expect(t.joins).toEqual(['K8SABC:Ana Lee']);
  });

  it('explains a code that cannot be one, and sends nothing', async () => {
    const t = renderTeam();
    await t.user.type(screen.getByRole('textbox', { name: 'Join code' }), 'ABC10O');
    await t.user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ana');
    await t.user.click(screen.getByRole('button', { name: 'Join' }));
    const code = screen.getByRole('textbox', { name: 'Join code' });
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription('A join code is 6 letters and digits, like K8S4B2.');
    expect(t.joins).toEqual([]);
  });

  it('hosts with the defaults: 10 questions from a seed, 30 s, accuracy, late joiners', async () => {
    const t = renderTeam();
    expect(screen.getByRole('combobox', { name: 'Question bank' })).toHaveDisplayValue(
      'Test bank (4 questions)',
    );
    // The bank has 4 questions, so the default count is 4.
    expect(screen.getByRole('spinbutton', { name: 'Number of questions' })).toHaveValue(4);
    await t.user.click(screen.getByRole('button', { name: 'Host a session' }));
    expect(t.requests).toEqual([
      {
        bank: { kind: 'builtin' },
        selection: { kind: 'seed', count: 4, seed: 'seed-1' },
        settings: { secondsPerQuestion: 30, scoring: 'accuracy', lateJoin: true },
      },
    ]);
    expect(t.hosted).toEqual([{ code: CODE, hostToken: HOST_TOKEN }]);
  });

  it('hosts untimed, with a speed bonus, closed to late joiners, with chosen questions', async () => {
    const t = renderTeam();
    await t.user.click(screen.getByRole('radio', { name: 'Untimed: I reveal each answer' }));
    await t.user.click(
      screen.getByRole('radio', { name: 'Accuracy plus a bonus for answering early' }),
    );
    await t.user.click(
      screen.getByRole('checkbox', {
        name: 'Let people join after the first question has started',
      }),
    );
    await t.user.click(screen.getByRole('radio', { name: 'Questions I choose' }));
    expect(screen.getByRole('button', { name: 'Host a session' })).toBeDisabled();
    expect(screen.getByText('Tick at least one question.')).toBeVisible();
    const list = screen.getByRole('list', { name: 'Questions in the bank' });
    await t.user.type(screen.getByRole('searchbox', { name: 'Filter questions' }), 'alias');
    expect(within(list).getAllByRole('checkbox')).toHaveLength(1);
    await t.user.click(within(list).getByRole('checkbox'));
    await t.user.clear(screen.getByRole('searchbox', { name: 'Filter questions' }));
    await t.user.click(within(list).getByRole('checkbox', { name: /Pods call the orders API/ }));
    await t.user.click(screen.getByRole('button', { name: 'Host a session' }));
    expect(t.requests).toEqual([
      {
        bank: { kind: 'builtin' },
        // Asked in bank order, whatever order they were ticked in.
        selection: { kind: 'ids', ids: ['q-cip', 'q-en'] },
        settings: { secondsPerQuestion: null, scoring: 'speed', lateJoin: false },
      },
    ]);
  });

  it('refuses a time per question out of range, saying the range', async () => {
    const t = renderTeam();
    const seconds = screen.getByRole('spinbutton', { name: 'Seconds per question' });
    await t.user.clear(seconds);
    await t.user.type(seconds, '2');
    expect(screen.getByText('Time per question must be from 5 to 600 s.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Host a session' })).toBeDisabled();
  });

  it('shows why the server refused, with every problem it names', async () => {
    const t = renderTeam({
      ok: false,
      message: 'The bank cannot be used.',
      problems: [{ where: 'questions[1].answer', message: 'must be one of the four types' }],
    });
    await t.user.click(screen.getByRole('button', { name: 'Host a session' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The session could not be created. The bank cannot be used.');
    expect(alert).toHaveTextContent('questions[1].answer: must be one of the four types');
    expect(t.hosted).toEqual([]);
  });
});
