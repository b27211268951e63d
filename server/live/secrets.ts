import { randomBytes, randomInt } from 'node:crypto';
import {
  newJoinCode,
  type HostToken,
  type JoinCode,
  type ParticipantToken,
} from '../../src/domain/live-protocol';

/** Secrets from the operating system's generator: 128 bits for a participant, 192 for the host. */
export const newHostToken = () => randomBytes(24).toString('base64url') as HostToken;
export const newParticipantToken = () => randomBytes(16).toString('base64url') as ParticipantToken;

const RANGE = 2 ** 47;
export const newCode = (): JoinCode => newJoinCode(() => randomInt(RANGE) / RANGE);
