import {
  CLOSE_CODES,
  nameKey,
  type ErrorCode,
  type HostToken,
  type ParticipantId,
  type ParticipantToken,
  type ServerMessage,
} from './live-protocol';
import {
  evolve,
  participantIdFor,
  type ChangeEvent,
  type ConnectionId,
  type LiveSession,
  type Participant,
} from './live-session';
import { ranking } from './live-results';
import { hostView, openQuestion, playerView, yourFinal, yourResult } from './live-views';
import type { ServiceType } from './service-types';

/**
 * The live session's command handler: `handle(state, command, now)` returns the next state, the
 * events that lead to it (what a store persists) and the effects (what goes to whom). Pure: time
 * comes in as `now`, tokens are made by the caller, nothing here touches a socket.
 *
 * Commands carry the secret that authorizes them (the host token, or the participant's own token),
 * so a command is valid wherever it was received: the server may forward it to the process that
 * runs the session.
 */
export type LiveCommand =
  | { type: 'host-hello'; hostToken: HostToken }
  /** `connection`: the server's id for the connection the person is on (for presence). */
  | { type: 'join'; name: string; token: ParticipantToken; connection: ConnectionId }
  | { type: 'rejoin'; token: ParticipantToken; connection: ConnectionId }
  | { type: 'answer'; token: ParticipantToken; index: number; choice: ServiceType }
  | { type: 'leave'; token: ParticipantToken }
  | { type: 'start' | 'reveal' | 'next' | 'end'; hostToken: HostToken }
  | { type: 'remove'; hostToken: HostToken; participantId: ParticipantId }
  /** The server saw one of this participant's connections close. */
  | { type: 'disconnected'; token: ParticipantToken; connection: ConnectionId }
  /**
   * These connections are gone without a close being seen: the server process that held them
   * stopped (a crash). Whoever they belonged to is no longer connected through them.
   */
  | { type: 'connections-lost'; connections: readonly ConnectionId[] }
  /** A question's timer ran out. */
  | { type: 'deadline'; index: number }
  /** The idle timer fired; the session ends if nothing happened for `limits.idleMs`. */
  | { type: 'expire' }
  /**
   * What people last received may not be what the session says: a process took the session over
   * from one that crashed after storing a change and before sending it. Sends the current phase
   * to the room and the host again; changes nothing.
   */
  | { type: 'resync' };

export type Audience =
  | { to: 'sender' }
  | { to: 'host' }
  | { to: 'participants' }
  | { to: 'participant'; id: ParticipantId }
  | { to: 'everyone' };

export type Effect =
  | { kind: 'send'; audience: Audience; message: ServerMessage }
  /** The sender's connection now controls the session. */
  | { kind: 'bind-host' }
  /** The sender's connection is now this participant. */
  | { kind: 'bind-participant'; participantId: ParticipantId; token: ParticipantToken }
  /** The host view changed; `urgent` for phase changes, otherwise the server may coalesce. */
  | { kind: 'host-view'; urgent: boolean }
  /** The open question's answered count changed (the server coalesces these). */
  | { kind: 'progress' }
  | { kind: 'close'; audience: Audience; code: number; reason: string };

export interface Outcome {
  state: LiveSession;
  events: ChangeEvent[];
  effects: Effect[];
}

class Step {
  events: ChangeEvent[] = [];
  effects: Effect[] = [];
  constructor(
    public state: LiveSession,
    readonly now: number,
  ) {}
  emit(event: ChangeEvent) {
    this.state = evolve(this.state, event);
    this.events.push(event);
  }
  send(audience: Audience, message: ServerMessage) {
    this.effects.push({ kind: 'send', audience, message });
  }
  effect(effect: Effect) {
    this.effects.push(effect);
  }
  /** A change the host should see; after the end only urgent ones (the results screen is fixed). */
  hostChanged(urgent = false) {
    if (urgent || this.state.phase.phase !== 'ended') this.effect({ kind: 'host-view', urgent });
  }
  result(): Outcome {
    return { state: this.state, events: this.events, effects: this.effects };
  }
}

function refuse(state: LiveSession, code: ErrorCode, message: string, ref: string): Outcome {
  return {
    state,
    events: [],
    effects: [
      { kind: 'send', audience: { to: 'sender' }, message: { type: 'error', code, message, ref } },
    ],
  };
}

export function handle(state: LiveSession, command: LiveCommand, now: number): Outcome {
  const step = new Step(state, now);
  switch (command.type) {
    case 'host-hello':
      return hostHello(step, command.hostToken);
    case 'join':
      return join(step, command.name, command.token, command.connection);
    case 'rejoin':
      return rejoin(step, command.token, command.connection);
    case 'answer':
      return answer(step, command);
    case 'leave':
      return participantLeaves(step, command.token);
    case 'start':
    case 'reveal':
    case 'next':
    case 'end':
    case 'remove':
      if (!sameSecret(command.hostToken, state.hostToken))
        return refuse(
          state,
          'bad-token',
          'Only the host of this session can do that.',
          command.type,
        );
      return hostCommand(step, command);
    case 'disconnected':
      return disconnected(step, command.token, command.connection);
    case 'connections-lost':
      return connectionsLost(step, command.connections);
    case 'deadline':
      return deadline(step, command.index);
    case 'expire':
      return expire(step);
    case 'resync':
      return resync(step);
  }
}

/** Compares secrets without stopping at the first difference. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function hostHello(step: Step, hostToken: HostToken): Outcome {
  const { state, now } = step;
  if (!sameSecret(hostToken, state.hostToken))
    return refuse(
      state,
      'bad-token',
      `This host token does not control session ${state.code}. Only the browser that created it can host it.`,
      'host-hello',
    );
  step.effect({ kind: 'bind-host' });
  step.send({ to: 'sender' }, { type: 'host-view', view: hostView(state, now) });
  return step.result();
}

function join(
  step: Step,
  name: string,
  token: ParticipantToken,
  connection: ConnectionId,
): Outcome {
  const { state } = step;
  if (state.phase.phase === 'ended')
    return refuse(state, 'session-ended', 'This session has ended.', 'join');
  if (state.phase.phase !== 'lobby' && !state.settings.lateJoin)
    return refuse(
      state,
      'late-join-closed',
      'This session has already started and the host does not let people join late.',
      'join',
    );
  if (state.active >= state.limits.maxParticipants)
    return refuse(
      state,
      'session-full',
      `This session is full: it has room for ${state.limits.maxParticipants} people.`,
      'join',
    );
  if (state.byName.has(nameKey(name)))
    return refuse(
      state,
      'name-taken',
      `Someone in this session is already called "${name}". Choose another name.`,
      'join',
    );
  const participantId = participantIdFor(state.nextSeq);
  step.emit({ type: 'joined', at: step.now, participantId, name, token });
  return welcome(step, participantId, connection);
}

function rejoin(step: Step, token: ParticipantToken, connection: ConnectionId): Outcome {
  const { state } = step;
  const participant = byToken(state, token);
  if (!participant)
    return refuse(
      state,
      'bad-token',
      `We could not find you in session ${state.code}. Join again with your name.`,
      'rejoin',
    );
  if (participant.status === 'removed')
    return refuse(state, 'removed', 'The host removed you from this session.', 'rejoin');
  if (participant.status === 'left')
    return refuse(
      state,
      'bad-token',
      'You left this session. Join again with your name.',
      'rejoin',
    );
  return welcome(step, participant.id, connection);
}

/** Counts the new connection and tells its owner who they are (the token goes to them only). */
function welcome(step: Step, participantId: ParticipantId, connection: ConnectionId): Outcome {
  if (!step.state.presence.get(participantId)?.includes(connection))
    step.emit({ type: 'presence', at: step.now, participantId, connection, delta: 1 });
  const participant = step.state.participants.get(participantId) as Participant;
  step.effect({ kind: 'bind-participant', participantId, token: participant.token });
  step.send(
    { to: 'sender' },
    {
      type: 'welcome',
      participantId,
      token: participant.token,
      name: participant.name,
      view: playerView(step.state, participant, step.now),
    },
  );
  step.hostChanged();
  if (step.state.phase.phase === 'question') step.effect({ kind: 'progress' });
  return step.result();
}

function answer(step: Step, command: Extract<LiveCommand, { type: 'answer' }>): Outcome {
  const { state, now } = step;
  const participant = byToken(state, command.token);
  if (!participant || participant.status !== 'active')
    return refuse(
      state,
      participant?.status === 'removed' ? 'removed' : 'not-allowed',
      'You are not in this session.',
      'answer',
    );
  const { phase } = state;
  if (phase.phase === 'ended')
    return refuse(state, 'session-ended', 'This session has ended.', 'answer');
  const openIndex = phase.phase === 'question' ? phase.index : null;
  const lastClosed = phase.phase === 'reveal' ? phase.index : (openIndex ?? 0) - 1;
  if (command.index <= lastClosed)
    return refuse(state, 'too-late', 'This question is closed.', 'answer');
  if (openIndex === null || command.index !== openIndex)
    return refuse(state, 'not-open', 'This question is not open yet.', 'answer');

  const round = state.rounds[openIndex];
  if (!round) return refuse(state, 'not-open', 'This question is not open yet.', 'answer');
  const given = round.answers.get(participant.id);
  if (given) {
    // One answer per question: a repeat changes nothing and gets the first answer's receipt.
    step.send({ to: 'sender' }, { type: 'ack', index: openIndex, choice: given.choice });
    return step.result();
  }
  if (round.deadline !== null && now > round.deadline) {
    // The timer is the server's: past it, the question closes whether or not its timer fired yet.
    closeRound(step, openIndex);
    step.send(
      { to: 'sender' },
      { type: 'error', code: 'too-late', message: 'Time is up for this question.', ref: 'answer' },
    );
    return step.result();
  }
  step.emit({
    type: 'answered',
    at: now,
    index: openIndex,
    participantId: participant.id,
    choice: command.choice,
    timeMs: Math.max(0, now - round.openedAt),
  });
  step.send({ to: 'sender' }, { type: 'ack', index: openIndex, choice: command.choice });
  step.effect({ kind: 'progress' });
  revealIfAllAnswered(step);
  return step.result();
}

function participantLeaves(step: Step, token: ParticipantToken): Outcome {
  const participant = byToken(step.state, token);
  if (!participant || participant.status !== 'active')
    return refuse(step.state, 'not-allowed', 'You are not in this session.', 'leave');
  step.emit({ type: 'left', at: step.now, participantId: participant.id });
  step.effect({
    kind: 'close',
    audience: { to: 'participant', id: participant.id },
    code: CLOSE_CODES.left,
    reason: 'You left the session.',
  });
  afterDeparture(step);
  return step.result();
}

function hostCommand(
  step: Step,
  command: Extract<LiveCommand, { type: 'start' | 'reveal' | 'next' | 'end' | 'remove' }>,
): Outcome {
  const { state } = step;
  const { phase } = state;
  const ref = command.type;
  if (phase.phase === 'ended')
    return refuse(state, 'session-ended', 'This session has ended.', ref);
  switch (command.type) {
    case 'start':
      if (phase.phase !== 'lobby')
        return refuse(state, 'not-allowed', 'The session has already started.', ref);
      openRound(step, 0);
      return step.result();
    case 'reveal':
      if (phase.phase !== 'question')
        return refuse(state, 'not-open', 'No question is open to reveal.', ref);
      closeRound(step, phase.index);
      return step.result();
    case 'next':
      if (phase.phase === 'lobby')
        return refuse(state, 'not-allowed', 'Start the session first.', ref);
      if (phase.phase === 'question')
        return refuse(state, 'not-allowed', 'Reveal the open question first.', ref);
      if (phase.index + 1 >= state.questions.length)
        return refuse(
          state,
          'not-allowed',
          'That was the last question. End the session to see the results.',
          ref,
        );
      openRound(step, phase.index + 1);
      return step.result();
    case 'end':
      if (phase.phase === 'question') closeRound(step, phase.index);
      endSession(step);
      return step.result();
    case 'remove': {
      const participant = state.participants.get(command.participantId);
      if (!participant || participant.status !== 'active')
        return refuse(state, 'not-allowed', 'That person is not in the session.', ref);
      step.emit({ type: 'removed', at: step.now, participantId: participant.id });
      const who: Audience = { to: 'participant', id: participant.id };
      step.send(who, { type: 'removed', message: 'The host removed you from this session.' });
      step.effect({
        kind: 'close',
        audience: who,
        code: CLOSE_CODES.removed,
        reason: 'Removed by the host.',
      });
      afterDeparture(step);
      return step.result();
    }
  }
}

function disconnected(step: Step, token: ParticipantToken, connection: ConnectionId): Outcome {
  const participant = byToken(step.state, token);
  if (!participant || !step.state.presence.get(participant.id)?.includes(connection))
    return step.result();
  step.emit({
    type: 'presence',
    at: step.now,
    participantId: participant.id,
    connection,
    delta: -1,
  });
  afterDeparture(step);
  return step.result();
}

/**
 * Unlike a close, a crash does not let the open question close on the spot because everyone left
 * connected has answered: the people it knocked out are reconnecting through another process and
 * get their chance. The next answer, leave or close (or the timer) decides as usual.
 */
function connectionsLost(step: Step, connections: readonly ConnectionId[]): Outcome {
  const lost = new Set(connections);
  for (const [participantId, open] of step.state.presence)
    for (const connection of open)
      if (lost.has(connection))
        step.emit({ type: 'presence', at: step.now, participantId, connection, delta: -1 });
  if (step.events.length === 0) return step.result();
  step.hostChanged();
  if (step.state.phase.phase === 'question') step.effect({ kind: 'progress' });
  return step.result();
}

function deadline(step: Step, index: number): Outcome {
  const { phase } = step.state;
  const round = step.state.rounds[index];
  if (phase.phase === 'question' && phase.index === index && round?.deadline != null)
    if (step.now >= round.deadline) closeRound(step, index);
  return step.result();
}

function expire(step: Step): Outcome {
  const { state, now } = step;
  if (now - state.lastActiveAt < state.limits.idleMs) return step.result();
  const hours = Math.round((state.limits.idleMs / 3_600_000) * 10) / 10;
  step.emit({ type: 'expired', at: now });
  step.send(
    { to: 'everyone' },
    {
      type: 'error',
      code: 'session-ended',
      message: `This session expired after ${hours} ${hours === 1 ? 'hour' : 'hours'} without activity.`,
    },
  );
  step.effect({
    kind: 'close',
    audience: { to: 'everyone' },
    code: CLOSE_CODES.expired,
    reason: 'Session expired.',
  });
  return step.result();
}

/** After someone left, was removed or lost their connection: the host's list, maybe the reveal. */
function afterDeparture(step: Step) {
  step.hostChanged();
  if (step.state.phase.phase === 'question') {
    step.effect({ kind: 'progress' });
    revealIfAllAnswered(step);
  }
}

function openRound(step: Step, index: number) {
  const seconds = step.state.settings.secondsPerQuestion;
  step.emit({
    type: 'opened',
    at: step.now,
    index,
    deadline: seconds === null ? null : step.now + seconds * 1000,
  });
  step.send(
    { to: 'participants' },
    { type: 'question', question: openQuestion(step.state, index, step.now) },
  );
  step.hostChanged(true);
}

/** Everyone still connected (and in the session for this question) has answered: reveal now. */
function revealIfAllAnswered(step: Step) {
  const { state } = step;
  if (state.phase.phase !== 'question') return;
  const round = state.rounds[state.phase.index];
  // Everyone in the session may answer the open question, so "all connected have answered" is a
  // comparison of two counts the state keeps.
  if (!round || round.answers.size === 0 || round.tally.connectedAnswered < state.connected) return;
  closeRound(step, round.index);
}

function closeRound(step: Step, index: number) {
  step.emit({ type: 'revealed', at: step.now, index });
  sendReveal(step);
  step.hostChanged(true);
}

/** One message for the whole room (serialized once), then each person's own result. */
function sendReveal(step: Step) {
  const { state } = step;
  if (state.phase.phase !== 'reveal') return;
  const { index } = state.phase;
  step.send({ to: 'participants' }, { type: 'reveal', reveal: state.phase.reveal });
  for (const p of connectedParticipants(state))
    step.send(
      { to: 'participant', id: p.id },
      { type: 'your-result', result: yourResult(state, p, index) },
    );
}

function endSession(step: Step) {
  step.emit({ type: 'ended', at: step.now });
  sendFinal(step);
  step.hostChanged(true);
}

function sendFinal(step: Step) {
  const { state } = step;
  if (state.phase.phase !== 'ended') return;
  step.send({ to: 'participants' }, { type: 'ended', final: state.phase.final });
  for (const p of connectedParticipants(state))
    step.send({ to: 'participant', id: p.id }, { type: 'your-final', result: yourFinal(state, p) });
}

function resync(step: Step): Outcome {
  const { state, now } = step;
  switch (state.phase.phase) {
    case 'question':
      step.send(
        { to: 'participants' },
        { type: 'question', question: openQuestion(state, state.phase.index, now) },
      );
      step.effect({ kind: 'progress' });
      break;
    case 'reveal':
      sendReveal(step);
      break;
    case 'ended':
      sendFinal(step);
      break;
    case 'lobby':
      break;
  }
  step.hostChanged(true);
  return step.result();
}

/** Active participants with a connection, in ranking order (the ranking is at hand anyway). */
function connectedParticipants(state: LiveSession): Participant[] {
  return ranking(state)
    .order.filter((r) => state.presence.has(r.participant.id))
    .map((r) => r.participant);
}

function byToken(state: LiveSession, token: ParticipantToken): Participant | undefined {
  const id = state.byToken.get(token);
  return id === undefined ? undefined : state.participants.get(id);
}
