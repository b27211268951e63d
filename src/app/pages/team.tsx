import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { BUILTIN_BANK_ID } from '../../domain/bank-ids';
import { formatProblem } from '../../domain/bank-loader';
import type { HostableBank } from '../../features/team/HostSetupForm';
import { TeamPage } from '../../features/team/TeamPage';
import { readActiveBankId } from '../../lib/active-bank';
import { bankLibrary, fetchBank } from '../../lib/bank-source';
import { createSession } from '../../lib/live-api';
import { randomSeed } from '../../lib/random';
import { liveTokens } from '../live';

export default function Page() {
  const navigate = useNavigate();
  const [banks, setBanks] = useState<HostableBank[] | null>(null);
  const [bankProblem, setBankProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Only the host needs the banks: the join form works while they load.
    void hostableBanks().then(({ banks: found, problem }) => {
      if (!live) return;
      if (found.length > 0) setBanks(found);
      else setBankProblem(problem);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <TeamPage
      banks={banks}
      initialBankId={readActiveBankId()}
      bankProblem={bankProblem}
      newSeed={randomSeed}
      createSession={(request) => createSession(request, (url, init) => fetch(url, init))}
      onHosted={({ code, hostToken }) => {
        liveTokens().saveHost(code, hostToken);
        // Also in the history entry, so hosting works where storage is unavailable.
        navigate(`/team/host/${code}`, { state: { hostToken } });
      }}
      onJoin={(code, name) => navigate(`/join/${code}`, { state: { name } })}
    />
  );
}

/**
 * The banks a session can be hosted from: the built-in bank and every bank of the learner's that
 * still passes the loader. A custom bank goes to the server whole and is checked there again.
 */
async function hostableBanks(): Promise<{ banks: HostableBank[]; problem: string }> {
  const banks: HostableBank[] = [];
  const builtin = await fetchBank(BUILTIN_BANK_ID);
  if (builtin.ok)
    banks.push({
      id: BUILTIN_BANK_ID,
      title: builtin.bank.title,
      questions: builtin.bank.questions,
      source: { kind: 'builtin' },
    });
  const entries = await bankLibrary()
    .list()
    .then((list) => list.entries)
    .catch(() => []);
  for (const entry of entries) {
    const loaded = await fetchBank(entry.id);
    if (loaded.ok)
      banks.push({
        id: entry.id,
        title: loaded.bank.title,
        questions: loaded.bank.questions,
        source: { kind: 'custom', data: loaded.bank },
      });
  }
  const problem = builtin.ok
    ? ''
    : `The question bank cannot be loaded, so a session cannot be hosted: ${builtin.problems
        .slice(0, 3)
        .map(formatProblem)
        .join('; ')}. Reload the page to try again.`;
  return { banks, problem };
}
