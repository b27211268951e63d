// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CreateSessionRequest } from '../../../src/domain/live-protocol';
import type { HostableBank } from '../../../src/features/team/HostSetupForm';
import { TeamPage } from '../../../src/features/team/TeamPage';
import { fourTypeBank, makeBank, makeQuestion } from '../../factories';
import { CODE, HOST_TOKEN } from '../../factories-live-client';

const builtin = fourTypeBank();
const own = makeBank([makeQuestion({ id: 'acme-1' }), makeQuestion({ id: 'acme-2' })], {
  title: 'Acme drills',
});
const banks: HostableBank[] = [
  {
    id: 'builtin',
    title: builtin.title,
    questions: builtin.questions,
    source: { kind: 'builtin' },
  },
  {
    id: 'custom-acme',
    title: own.title,
    questions: own.questions,
    source: { kind: 'custom', data: own },
  },
];

function renderTeam(initialBankId?: string) {
  const requests: CreateSessionRequest[] = [];
  render(
    <MemoryRouter>
      <TeamPage
        banks={banks}
        initialBankId={initialBankId}
        bankProblem={null}
        newSeed={() => 'seed-1'}
        createSession={async (request) => {
          requests.push(request);
          return { ok: true, session: { code: CODE, hostToken: HOST_TOKEN } as never };
        }}
        onHosted={() => {}}
        onJoin={() => {}}
      />
    </MemoryRouter>,
  );
  return { requests, user: userEvent.setup() };
}

describe('the host’s bank picker', () => {
  it('starts with the learner’s active bank and sends a custom bank whole, for the server to check', async () => {
    const t = renderTeam('custom-acme');
    const picker = screen.getByRole('combobox', { name: 'Question bank' });
    expect(picker).toHaveDisplayValue('Acme drills (2 questions)');
    expect(screen.getByRole('spinbutton', { name: 'Number of questions' })).toHaveValue(2);
    await t.user.click(screen.getByRole('button', { name: 'Host a session' }));
    expect(t.requests[0]?.bank).toEqual({ kind: 'custom', data: own });
  });

  it('can host from the built-in bank instead', async () => {
    const t = renderTeam('custom-acme');
    await t.user.selectOptions(screen.getByRole('combobox', { name: 'Question bank' }), 'builtin');
    await t.user.click(screen.getByRole('button', { name: 'Host a session' }));
    expect(t.requests[0]?.bank).toEqual({ kind: 'builtin' });
  });
});
