import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { webCsp } from './security';

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts and nothing embedded', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self';");
  });

  it('browser mode adds exactly its WebSocket to the same policy', () => {
    expect(webCsp(4321)).toBe(contentSecurityPolicy(['ws://127.0.0.1:4321', 'ws://localhost:4321']));
    expect(webCsp(4321)).toContain("connect-src 'self' ws://127.0.0.1:4321 ws://localhost:4321;");
  });
});
