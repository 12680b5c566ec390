// The sample Grafana dashboard (test/grafana/rdconsole-dashboard.json) loads as a dashboard and queries only
// series a real server exposes: every metric name in its queries is found in a scrape read by a real parser.
import { expect, test } from "bun:test";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { loadConfig } from "../../src/config/load.ts";
import { createLogger } from "../../src/core/log.ts";
import { startServer } from "../../src/server.ts";
import { UUID } from "../helpers/client.ts";
import { tempDir } from "../helpers/env.ts";
import { scrape, seriesOf } from "./scrape.ts";

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid: string };
  targets?: { expr: string; refId: string }[];
  panels?: Panel[];
}
const dashboard = (await Bun.file(`${import.meta.dir}/../grafana/rdconsole-dashboard.json`).json()) as {
  __inputs: { name: string; type: string; pluginId: string }[];
  title: string;
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; definition: string }[] };
};
const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const queries = [...panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)), ...dashboard.templating.list.map((v) => v.definition)];
const METRIC = /\brdconsole_[a-z0-9_]+/g; // names in PromQL; the scrape itself is read by the parser
const queried = new Set(queries.flatMap((q) => q.match(METRIC) ?? []));

test("the dashboard is a Grafana dashboard over one Prometheus data source input", () => {
  expect(dashboard.title).toBe("rdconsole");
  expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" })]);
  expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
  for (const p of panels) {
    expect(p.title.length).toBeGreaterThan(0);
    expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
    if (p.type !== "row") {
      expect(p.datasource?.uid).toBe("${DS_PROMETHEUS}");
      expect(p.targets?.length).toBeGreaterThan(0);
    }
  }
  expect(queried.size).toBeGreaterThan(15);
});

test("every metric the dashboard queries is in a real scrape", async () => {
  const loaded = loadConfig({
    env: {},
    defaultConfigPath: "/nonexistent",
    flags: { "data.dir": tempDir(), "log.level": "silent", "server.host": "127.0.0.1", "server.port": "0", "metrics.listen": "127.0.0.1:0", "devices.flush_ms": "50" },
  });
  const server = await startServer(loaded, createLogger(loaded.config.log));
  try {
    const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    await post("/api/sysinfo", { id: "123456789", uuid: UUID, hostname: "PC" });
    expect((await post("/api/heartbeat", { id: "123456789", uuid: UUID })).status).toBe(200);
    let text = "";
    // The presence flush runs every 50 ms: its histogram has samples once one has written the beat.
    for (const end = Date.now() + 5000; Date.now() < end; await Bun.sleep(50)) {
      text = await scrape(server.metricsPort!);
      if (seriesOf(text, "rdconsole_presence_flush_duration_seconds_count")[0]?.value) break;
    }
    const typed = parsePrometheusTextFormat(text).map((f) => f.name);
    const untyped = parsePrometheusTextFormat(text.split("\n").filter((l) => !l.startsWith("# TYPE ")).join("\n")).map((f) => f.name);
    const exposed = new Set([...typed, ...untyped]);
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
    // And each has a sample, so the panels draw something on a fresh server.
    expect([...queried].filter((name) => !seriesOf(text, name).length)).toEqual([]);
  } finally {
    await server.stop();
  }
});
