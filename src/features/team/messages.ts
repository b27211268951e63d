import type { ErrorCode } from '../../domain/live-protocol';

/** What to tell a person whose join or rejoin was refused, and what they can do. */
export function joinProblemText(code: ErrorCode, serverMessage: string, joinCode: string): string {
  switch (code) {
    case 'unknown-session':
      return `There is no live session with the code ${joinCode}. Check the code with your trainer: it is 6 letters and digits.`;
    case 'session-full':
      return 'This session is full. Ask your trainer whether there is another session to join.';
    case 'late-join-closed':
      return 'This session has already started and does not let people join late. Ask your trainer to let you in next time.';
    case 'name-taken':
      return 'Someone in this session already uses that name. Choose another name.';
    case 'removed':
      return 'The host removed you from this session, so you cannot join it again.';
    case 'session-ended':
      return 'This session has ended. Ask your trainer for the code of a new one.';
    case 'bad-token':
      return 'Your place in this session could not be restored. Join again with your name.';
    case 'rate-limited':
      return 'Too many attempts in a short time. Wait a moment, then try again.';
    case 'unavailable':
      return 'The live-session server cannot reach its session store right now. This page keeps trying by itself.';
    default:
      return serverMessage;
  }
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const formatPoints = (points: number) =>
  `${points.toLocaleString('en')} point${points === 1 ? '' : 's'}`;

export function accuracyText(correct: number, asked: number): string {
  return asked === 0 ? '—' : `${correct} of ${asked} (${Math.round((100 * correct) / asked)}%)`;
}
