/**
 * The one Content-Security-Policy of the app's page, in Electron and in browser mode: our own
 * scripts only (no inline or eval), no plugins, no framing, no form posts. `connect` adds the
 * places the page may talk to beyond its own origin (browser mode's WebSocket).
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow and Chart.js set style attributes; scripts stay strictly 'self'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
