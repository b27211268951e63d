import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatProblem } from '../../domain/bank-loader';
import type { HostableBank } from '../../features/team/HostSetupForm';
import { TeamPage } from '../../features/team/TeamPage';
import { fetchBank } from '../../lib/bank-source';
import { createSession } from '../../lib/live-api';
import { randomSeed } from '../../lib/random';
import { liveTokens } from '../live';

export default function Page() {
  const navigate = useNavigate();
  const [banks, setBanks] = useState<HostableBank[] | null>(null);
  const [bankProblem, setBankProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Only the host needs the bank: the join form works while it loads.
    void fetchBank().then((result) => {
      if (!live) return;
      if (result.ok)
        setBanks([
          {
            id: 'builtin',
            title: result.bank.title,
            questions: result.bank.questions,
            source: { kind: 'builtin' },
          },
        ]);
      else
        setBankProblem(
          `The question bank cannot be loaded, so a session cannot be hosted: ${result.problems
            .slice(0, 3)
            .map(formatProblem)
            .join('; ')}. Reload the page to try again.`,
        );
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <TeamPage
      banks={banks}
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
