// The ceiling for the heartbeat benchmark: a bare Bun.serve that reads the same POST body and answers {}.
const server = Bun.serve({
  hostname: "127.0.0.1",
  port: Number(process.argv[2] ?? 0),
  async fetch(req) {
    await req.json();
    return new Response("{}", { headers: { "content-type": "application/json" } });
  },
});
console.log(`listening on http://127.0.0.1:${server.port}`);
