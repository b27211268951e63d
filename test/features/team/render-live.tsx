import { act, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { HostToken, JoinCode } from '../../../src/domain/live-protocol';
import { HostPage } from '../../../src/features/team/HostPage';
import { PlayerPage } from '../../../src/features/team/PlayerPage';
import { createHostClient } from '../../../src/lib/live-host-client';
import { createPlayerClient } from '../../../src/lib/live-player-client';
import { createTokenStore } from '../../../src/lib/live-tokens';
import { fakeClock, fakeWebSocket, MemoryStorage } from '../../fakes/fake-websocket';
import { CODE, HOST_TOKEN } from '../../factories-live-client';

// The team pages rendered with the real live clients over a fake WebSocket the test drives as
// the server: nothing of the client is mocked away.

export function renderHostPage(options: { hostToken?: string | null; code?: string } = {}) {
  const ws = fakeWebSocket();
  const clock = fakeClock();
  const tokens = createTokenStore(new MemoryStorage(), clock.now);
  const token = options.hostToken === undefined ? HOST_TOKEN : options.hostToken;
  const utils = render(
    <MemoryRouter>
      <HostPage
        code={options.code ?? CODE}
        hostToken={token as HostToken | null}
        createClient={(code, hostToken) =>
          createHostClient({
            code,
            hostToken,
            url: 'ws://test/live',
            WebSocket: ws.WebSocket,
            now: clock.now,
            random: () => 0.5,
            tokens,
            timers: clock.timers,
          })
        }
        joinUrl={(c) => `https://trainer.example/join/${c}`}
        now={clock.now}
        today={() => '2025-01-02'}
      />
    </MemoryRouter>,
  );
  return { ...utils, ...serverSide(ws), clock };
}

export function renderPlayerPage(
  options: { code?: string; autoJoinName?: string | null; storage?: MemoryStorage } = {},
) {
  const ws = fakeWebSocket();
  const clock = fakeClock();
  const storage = options.storage ?? new MemoryStorage();
  const tokens = createTokenStore(storage, clock.now);
  const visited: string[] = [];
  const utils = render(
    <MemoryRouter>
      <PlayerPage
        code={options.code ?? CODE}
        autoJoinName={options.autoJoinName ?? null}
        createClient={(code: JoinCode) =>
          createPlayerClient({
            code,
            url: 'ws://test/live',
            WebSocket: ws.WebSocket,
            now: clock.now,
            random: () => 0.5,
            tokens,
            timers: clock.timers,
          })
        }
        goToCode={(code, name) => visited.push(`${code}:${name}`)}
        now={clock.now}
      />
    </MemoryRouter>,
  );
  return { ...utils, ...serverSide(ws), clock, storage, tokens, visited };
}

function serverSide(ws: ReturnType<typeof fakeWebSocket>) {
  return {
    ws,
    /** The server accepts the connection. */
    accept: () => act(() => ws.last().open()),
    /** The server sends a message. */
    serve: (message: unknown) => act(() => ws.last().receive(message)),
    /** What the client sent on its current socket. */
    sent: () => ws.last().messages(),
    drop: () => act(() => ws.last().drop()),
  };
}
