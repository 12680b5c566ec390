// GET /: the RustDesk client's "web console" menu opens the API base URL (client: flutter/lib/common/widgets/address_book.dart:436-440 (rustdesk@7423dced)).
// Until the web console exists this page says what the server is and how to use it.
import { VERSION } from "../core/version.ts";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function homePage(apiUrl: string, docs: boolean): string {
  const url = escape(apiUrl);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>rdconsole ${escape(VERSION)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>rdconsole <small>${escape(VERSION)}</small></h1>
<p>A self-hosted Console API server for RustDesk.</p>
<p>To use it, open RustDesk → Settings → Network → ID/Relay server and set <b>API server</b> to <code>${url}</code>.</p>
${docs ? `<p>API documentation: <a href="/openapi">/openapi</a> (OpenAPI document: <a href="/openapi.json">/openapi.json</a>).</p>` : ""}
</body></html>
`;
}
