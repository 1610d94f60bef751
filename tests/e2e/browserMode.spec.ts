import http from 'node:http';
import { expect, test } from './fixtures/server';

/**
 * Browser mode's guards, seen from a real browser: the page loads under the strict CSP without
 * violations and talks to main over the WebSocket; a page of another origin cannot.
 */
test('the app loads under its CSP and reaches main over the WebSocket', async ({ page, blockprop }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(blockprop.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.waitForLoadState('networkidle');
  const reply = await page.evaluate(async (token) => {
    const ws = new WebSocket(`ws://${location.host}/api/ws?token=${token}`);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const answer = new Promise<string>((resolve) => (ws.onmessage = (e) => resolve(String(e.data))));
    ws.send(JSON.stringify({ id: 1, method: 'app.info', payload: {} }));
    return JSON.parse(await answer);
  }, blockprop.token);
  expect(reply).toMatchObject({ id: 1, result: { ok: true, value: { mode: 'web' } } });
  expect(problems).toEqual([]);
});

test('a page from another origin cannot open the API socket, even knowing the token', async ({ page, blockprop }) => {
  const evil = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const address = evil.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const outcome = await page.evaluate(
      ([target, token]) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${target}/api/ws?token=${token}`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      [blockprop.port, blockprop.token] as const,
    );
    expect(outcome).toBe('refused');
  } finally {
    evil.close();
  }
});

test('API requests without the token are refused', async ({ request, blockprop }) => {
  const refused = await request.post(`${blockprop.origin}/api/app.info`, { data: {} });
  expect(refused.status()).toBe(403);
  const allowed = await request.post(`${blockprop.origin}/api/app.info?token=${blockprop.token}`, { data: {} });
  expect(await allowed.json()).toMatchObject({ ok: true, value: { name: 'Blockprop' } });
});
