// The plain pages a browser sees at the end of an SSO login: no scripts, nothing external.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const HEAD = (title: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} · rdconsole</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}h1{font-size:1.4em}.no{color:#a40000}dt{font-weight:600}button{font:inherit;padding:.5em 1.2em}</style>
</head><body>`;

const HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'" };

/** Whose device asks to be signed in, and the button that goes on to the provider. */
export function confirmPage(o: { provider: string; code: string; device: { id: string; name?: string; os?: string }; ip: string; at: number }, headers: Record<string, string>): Response {
  const device = o.device.name ? `${o.device.name} (ID ${o.device.id})` : `ID ${o.device.id}`;
  const html = `${HEAD("Sign in to RustDesk")}<h1>Sign in to RustDesk with ${escape(o.provider)}</h1>
<p>A RustDesk client asks to be signed in to your account. Continue only if this is your device and you just clicked "Continue with ${escape(o.provider)}" in it.</p>
<dl><dt>Device</dt><dd>${escape(device)}${o.device.os ? `, ${escape(o.device.os)}` : ""}</dd><dt>Asked from</dt><dd>${escape(o.ip || "unknown address")} at ${escape(new Date(o.at).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC"))}</dd></dl>
<form method="post" action="/oidc/login"><input type="hidden" name="code" value="${escape(o.code)}"><button type="submit">Continue with ${escape(o.provider)}</button></form>
</body></html>
`;
  return new Response(html, { headers: { ...HEADERS, ...headers } });
}

/** `back`: a console sign-in failed; link back to its sign-in page instead of sending the reader to RustDesk. */
export function ssoPage(o: { ok: boolean; message: string; provider?: string; back?: string }, status = o.ok ? 200 : 400): Response {
  const title = o.ok ? "Signed in" : "Sign-in failed";
  const retry = o.back
    ? `<p><a href="${escape(o.back)}">Back to the sign-in page</a>; if it keeps failing, show this page to your administrator.</p>`
    : "<p>Close this window and try again from RustDesk; if it keeps failing, show this page to your administrator.</p>";
  const html = `${HEAD(title)}<h1 class="${o.ok ? "ok" : "no"}">${title}${o.provider ? ` with ${escape(o.provider)}` : ""}</h1><p>${escape(o.message)}</p>
${o.ok ? "<p>You can close this window.</p>" : retry}
</body></html>
`;
  return new Response(html, { status, headers: HEADERS });
}
