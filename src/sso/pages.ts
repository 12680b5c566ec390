// The plain pages a browser sees at the end of an SSO login: no scripts, nothing external.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function ssoPage(o: { ok: boolean; message: string; provider?: string }, status = o.ok ? 200 : 400): Response {
  const title = o.ok ? "Signed in" : "Sign-in failed";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} · rdconsole</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}h1{font-size:1.4em}.no{color:#a40000}</style>
</head><body><h1 class="${o.ok ? "ok" : "no"}">${title}${o.provider ? ` with ${escape(o.provider)}` : ""}</h1><p>${escape(o.message)}</p>
${o.ok ? "<p>You can close this window.</p>" : "<p>Close this window and try again from RustDesk; if it keeps failing, show this page to your administrator.</p>"}
</body></html>
`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } });
}
