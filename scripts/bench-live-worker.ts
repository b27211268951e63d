/**
 * One load-generator process for `npm run bench:live`: simulated participants over loopback, each
 * a real WebSocket. Started by scripts/bench-live.ts with fork(); talks to it over IPC.
 *
 * Every participant joins, then for each question: notes when it arrived, waits a seeded "think
 * time", answers, and notes when the ack and the reveal arrived. Times are monotonic
 * (process.hrtime), the same clock in every process on Linux, so the coordinator can subtract its
 * own send time from them.
 */
import WebSocket from 'ws';
import { seededRandom } from '../src/domain/random';
import { SERVICE_TYPES } from '../src/domain/service-types';

export type ToWorker =
  | {
      type: 'setup';
      /** One URL per server process: participant n connects to urls[n % urls.length]. */
      urls: string[];
      /** One code per session: participant n joins codes[floor(n / urls.length) % codes.length]. */
      codes: string[];
      concurrency: number;
      thinkMs: [number, number];
      seed: string;
    }
  /** Join participants number `first` to `first + count - 1` (global numbers). */
  | { type: 'join'; first: number; count: number };

export type FromWorker =
  | { type: 'joined'; joinMs: number[]; failed: number; lastWelcomeAt: number; firstJoinAt: number }
  | {
      type: 'round';
      index: number;
      questionAt: number[];
      /** When each reveal arrived, and in which session (its index in `codes`). */
      revealAt: { session: number; at: number }[];
      /** Per session: when this worker sent its last answer. */
      lastAnswerAt: number[];
      sent: number;
      acked: number;
    }
  | { type: 'error'; message: string };

const now = () => Number(process.hrtime.bigint()) / 1e6;
const send = (message: FromWorker) => process.send?.(message);

interface Round {
  questionAt: number[];
  revealAt: { session: number; at: number }[];
  lastAnswerAt: number[];
  sent: number;
  acked: number;
  reported: boolean;
}

type Setup = Extract<ToWorker, { type: 'setup' }>;

function worker(task: Setup) {
  const random = seededRandom(`${task.seed}:${process.pid}`);
  /** Participants joined so far in all batches: how many reveals a round waits for. */
  let total = 0;
  const rounds = new Map<number, Round>();
  const round = (index: number) => {
    let r = rounds.get(index);
    if (!r) {
      r = {
        questionAt: [],
        revealAt: [],
        lastAnswerAt: task.codes.map(() => 0),
        sent: 0,
        acked: 0,
        reported: false,
      };
      rounds.set(index, r);
    }
    return r;
  };
  let batch = {
    first: 0,
    count: 0,
    started: 0,
    settled: 0,
    failed: 0,
    firstJoinAt: 0,
    lastWelcomeAt: 0,
    joinMs: [] as number[],
  };

  const maybeReport = (index: number) => {
    const r = round(index);
    if (r.reported || r.revealAt.length < total || r.acked < r.sent) return;
    r.reported = true;
    const { questionAt, revealAt, lastAnswerAt, sent, acked } = r;
    send({ type: 'round', index, questionAt, revealAt, lastAnswerAt, sent, acked });
  };

  const participant = (n: number) => {
    const openedAt = now();
    if (!batch.firstJoinAt) batch.firstJoinAt = openedAt;
    const processes = task.urls.length;
    const session = Math.floor(n / processes) % task.codes.length;
    const ws = new WebSocket(task.urls[n % processes]!, { perMessageDeflate: false });
    let welcomed = false;
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'join', code: task.codes[session], name: `Bench ${n}` })),
    );
    ws.on('message', (data) => {
      const at = now();
      const text = String(data);
      // Messages start with {"type":"…": read the type without parsing the whole message.
      const type = text.slice(9, text.indexOf('"', 9));
      const index = Number(/"index":(\d+)/.exec(text)?.[1] ?? -1);
      switch (type) {
        case 'welcome':
          welcomed = true;
          total += 1;
          batch.joinMs.push(at - openedAt);
          batch.lastWelcomeAt = Math.max(batch.lastWelcomeAt, at);
          settle();
          break;
        case 'question': {
          const r = round(index);
          r.questionAt.push(at);
          const [low, high] = task.thinkMs;
          const think = low + random() * (high - low);
          const choice = SERVICE_TYPES[Math.floor(random() * SERVICE_TYPES.length)];
          setTimeout(() => {
            r.sent += 1;
            r.lastAnswerAt[session] = Math.max(r.lastAnswerAt[session]!, now());
            ws.send(JSON.stringify({ type: 'answer', index, choice }));
          }, think);
          break;
        }
        case 'ack':
          round(index).acked += 1;
          maybeReport(index);
          break;
        case 'reveal':
          round(index).revealAt.push({ session, at });
          maybeReport(index);
          break;
        case 'error':
          send({ type: 'error', message: `participant ${n}: ${text}` });
          break;
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (!welcomed) {
        batch.failed += 1;
        settle();
      }
    });
  };

  // A bounded number of joins in flight: a real crowd does not arrive in one millisecond either.
  const settle = () => {
    batch.settled += 1;
    if (batch.started < batch.count) participant(batch.first + batch.started++);
    if (batch.settled === batch.count) {
      const { joinMs, failed, lastWelcomeAt, firstJoinAt } = batch;
      send({ type: 'joined', joinMs, failed, lastWelcomeAt, firstJoinAt });
    }
  };
  return (first: number, count: number) => {
    batch = {
      first,
      count,
      started: 0,
      settled: 0,
      failed: 0,
      firstJoinAt: 0,
      lastWelcomeAt: 0,
      joinMs: [],
    };
    while (batch.started < Math.min(task.concurrency, count)) participant(first + batch.started++);
    if (count === 0)
      send({ type: 'joined', joinMs: [], failed: 0, lastWelcomeAt: 0, firstJoinAt: 0 });
  };
}

let join: ((first: number, count: number) => void) | null = null;
process.on('message', (message: ToWorker) => {
  if (message.type === 'setup') join = worker(message);
  else join?.(message.first, message.count);
});
// The coordinator went away (finished, or its hard timeout fired): so do we.
process.on('disconnect', () => process.exit(0));
