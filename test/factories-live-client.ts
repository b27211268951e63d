import {
  DEFAULT_SESSION_SETTINGS,
  serverMessageSchema,
  type FinalResults,
  type HostView,
  type LeaderRow,
  type OpenQuestion,
  type PlayerView,
  type Reveal,
  type ServerMessage,
  type YourResult,
} from '../src/domain/live-protocol';

// Factories for server messages. Each goes through the protocol's schema, so a fixture that
// drifts from the protocol fails loudly instead of testing a message the server cannot send.

export const CODE = 'K8SABC';
export const HOST_TOKEN = 'host-token-abcdefghijklmnop';
export const TOKEN_ANA = 'ana-token-abcdefghijklmnopq';
export const TOKEN_BO = 'bo-token-abcdefghijklmnopqr';

export function msg(message: Record<string, unknown>): ServerMessage {
  return serverMessageSchema.parse(message);
}

export function openQuestion(overrides: Partial<Record<keyof OpenQuestion, unknown>> = {}) {
  return {
    index: 0,
    total: 2,
    questionId: 'q-lb',
    prompt: 'The cloud gives each Service an **address**.',
    durationMs: 30_000,
    remainingMs: 30_000,
    ...overrides,
  } as OpenQuestion;
}

export function leader(overrides: Partial<LeaderRow> & { name: string }): LeaderRow {
  return {
    rank: 1,
    participantId: `p${overrides.name.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    points: 0,
    correct: 0,
    asked: 1,
    ...overrides,
  } as LeaderRow;
}

export function reveal(overrides: Partial<Record<keyof Reveal, unknown>> = {}): Reveal {
  return {
    index: 0,
    total: 2,
    questionId: 'q-lb',
    prompt: 'The cloud gives each Service an **address**.',
    answer: 'LoadBalancer',
    explanation: 'The provider provisions a `load balancer`.',
    whyNot: { NodePort: 'NodePort opens a port on each node only.' },
    references: [
      { title: 'Service', url: 'https://kubernetes.io/docs/concepts/services-networking/service/' },
    ],
    distribution: { ClusterIP: 0, NodePort: 1, LoadBalancer: 2, ExternalName: 0 },
    noAnswer: 1,
    leaderboard: [
      leader({ name: 'Ana', rank: 1, points: 1000, correct: 1 }),
      leader({ name: 'Bo', rank: 2, points: 900, correct: 1 }),
      leader({ name: 'Cy', rank: 3, points: 0, correct: 0 }),
    ],
    isLast: false,
    ...overrides,
  } as Reveal;
}

export function yourResult(overrides: Partial<YourResult> = {}): YourResult {
  return {
    index: 0,
    choice: 'LoadBalancer',
    correct: true,
    points: 1000,
    timeMs: 4200,
    totalPoints: 1000,
    rank: 1,
    of: 4,
    ...overrides,
  } as YourResult;
}

export function finalResults(overrides: Partial<FinalResults> = {}): FinalResults {
  const board = [
    leader({ name: 'Ana', rank: 1, points: 2000, correct: 2, asked: 2 }),
    leader({ name: 'Bo', rank: 2, points: 900, correct: 1, asked: 2 }),
    leader({ name: 'Cy', rank: 3, points: 0, correct: 0, asked: 2 }),
  ];
  return {
    podium: board,
    leaderboard: board,
    questions: [
      {
        index: 0,
        questionId: 'q-lb',
        prompt: 'The cloud gives each Service an **address**.',
        answer: 'LoadBalancer',
        distribution: { ClusterIP: 0, NodePort: 1, LoadBalancer: 2, ExternalName: 0 },
        noAnswer: 0,
        correctRate: 2 / 3,
        split: 0.46,
        topConfusion: { picked: 'NodePort', count: 1 },
      },
      {
        index: 1,
        questionId: 'q-en',
        prompt: 'Alias a managed database host.',
        answer: 'ExternalName',
        distribution: { ClusterIP: 1, NodePort: 0, LoadBalancer: 1, ExternalName: 1 },
        noAnswer: 0,
        correctRate: 1 / 3,
        split: 0.79,
        topConfusion: { picked: 'ClusterIP', count: 1 },
      },
    ],
    mostCommonConfusion: { answer: 'LoadBalancer', picked: 'NodePort', count: 1 },
    ...overrides,
  } as FinalResults;
}

const session = {
  code: CODE,
  title: 'Kubernetes Services',
  total: 2,
  settings: DEFAULT_SESSION_SETTINGS,
};

export function hostView(
  state: HostView['state'] = { phase: 'lobby' },
  participants: { id: string; name: string; connected?: boolean; points?: number }[] = [],
): ServerMessage {
  return msg({
    type: 'host-view',
    view: {
      ...session,
      participants: participants.map((p) => ({
        connected: true,
        points: 0,
        correct: 0,
        ...p,
      })),
      state,
    },
  });
}

export function welcome(
  state: PlayerView['state'] = { phase: 'lobby' },
  who: { id?: string; name?: string; token?: string } = {},
): ServerMessage {
  return msg({
    type: 'welcome',
    participantId: who.id ?? 'pana',
    token: who.token ?? TOKEN_ANA,
    name: who.name ?? 'Ana',
    view: { ...session, state },
  });
}

export const errorMsg = (code: string, message = `refused: ${code}`, ref?: string) =>
  msg({ type: 'error', code, message, ...(ref ? { ref } : {}) });
