// Scrape and read helpers for the metrics tests (and the Grafana dashboard check).
import parsePrometheusTextFormat, { type MetricFamily } from "parse-prometheus-text-format";

export async function scrape(port: number): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (r.status !== 200) throw new Error(`scrape answered ${r.status}`);
  if (!r.headers.get("content-type")?.startsWith("text/plain; version=0.0.4")) throw new Error(`scrape content type ${r.headers.get("content-type")}`);
  return r.text();
}

/** The value of the one sample of `name` whose labels include `labels`; throws when there is none or several. */
export function valueOf(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name);
  if (!family) throw new Error(`no metric ${name}`);
  const found = family.metrics.filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (found.length !== 1) throw new Error(`${name}${JSON.stringify(labels)}: ${found.length} samples`);
  return Number((found[0] as { value?: string }).value);
}

/**
 * Every sample of `name` with its own labels. parse-prometheus-text-format folds a histogram's label sets into
 * one sample, so the histograms' series are read from a second pass without the TYPE lines, where each of
 * `_bucket`, `_sum` and `_count` is a plain series with its labels.
 */
export function seriesOf(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const untyped = parsePrometheusTextFormat(text.split("\n").filter((l) => !l.startsWith("# TYPE ")).join("\n"));
  return untyped.filter((f) => f.name === name).flatMap((f) => f.metrics.map((m) => ({ labels: m.labels ?? {}, value: Number(m.value) })));
}
