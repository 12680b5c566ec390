// Graceful stop: refuse new connections, let in-flight requests finish (bounded), then close
// whatever is left. Bun's stop(false) also waits for idle keep-alive connections, which a
// client may hold open forever, so in-flight work is tracked with pendingRequests instead.
import type { Server } from "bun";

export async function drain(server: Server<unknown>, timeoutMs: number): Promise<{ forced: boolean }> {
  void server.stop(false);
  const deadline = Date.now() + timeoutMs;
  while (server.pendingRequests > 0 && Date.now() < deadline) await Bun.sleep(10);
  const forced = server.pendingRequests > 0;
  await server.stop(true);
  return { forced };
}
