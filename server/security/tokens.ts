import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 192 random bits, URL-safe: a bearer secret for one role in one session. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** What the store keeps instead of the token: a leaked database grants nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(`shapan-token:${token}`).digest('hex');
}

/** A short public id for a token, safe to log and to put in command ids. */
export function publicId(): string {
  return randomBytes(6).toString('hex');
}

/** Letters and digits that cannot be mistaken for one another when read off a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code: six characters, about 29 bits; guessing is what the join rate limit is for. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function normaliseJoinCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, '');
}
