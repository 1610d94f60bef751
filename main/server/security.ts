import { randomBytes, timingSafeEqual } from 'node:crypto';
import { contentSecurityPolicy } from './csp';

/** A fresh random token per run: whoever lacks it cannot use the API. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The origins our own pages have; any other page (another site in the same browser) is refused. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Origin check. Browsers always send Origin on WebSocket handshakes and cross-origin POSTs, so a
 * foreign page is refused here; non-browser clients (no Origin) still need the token.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedOrigins(port).includes(origin);
}

/** Host check against DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The Content-Security-Policy of browser mode: the app's, plus our own WebSocket. */
export function webCsp(port: number): string {
  return contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
}

export const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  // The token is in the page URL: never leak it through Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;
