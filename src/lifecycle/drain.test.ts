import { expect, test } from "bun:test";
import { drain } from "./drain.ts";

function slowServer(ms: number) {
  return Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(req) {
      if (new URL(req.url).pathname === "/slow") await Bun.sleep(ms);
      return new Response("done");
    },
  });
}

test("an in-flight request finishes; new connections are refused; idle keep-alive does not hold the stop", async () => {
  const server = slowServer(300);
  const url = `http://127.0.0.1:${server.port}`;
  expect(await (await fetch(`${url}/fast`)).text()).toBe("done"); // leaves an idle keep-alive connection
  const inFlight = fetch(`${url}/slow`).then((r) => r.text());
  await Bun.sleep(50);
  const started = Date.now();
  const stopping = drain(server, 5000);
  await Bun.sleep(20);
  await expect(fetch(`${url}/fast`, { keepalive: false, headers: { connection: "close" } })).rejects.toThrow();
  expect(await inFlight).toBe("done");
  expect(await stopping).toEqual({ forced: false });
  expect(Date.now() - started).toBeLessThan(1000);
});

test("past the timeout the remaining requests are cut off", async () => {
  const server = slowServer(5000);
  const inFlight = fetch(`http://127.0.0.1:${server.port}/slow`).then(
    () => "answered",
    () => "cut off",
  );
  await Bun.sleep(50);
  const started = Date.now();
  expect(await drain(server, 200)).toEqual({ forced: true });
  expect(Date.now() - started).toBeLessThan(1000);
  expect(await inFlight).toBe("cut off");
});
