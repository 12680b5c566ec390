// Devices online over time. uPlot is loaded only when a chart is shown, so it stays out of the first load.
import { useEffect, useRef } from "react";

export type Point = { at: number; online: number };

export function OnlineChart({ points, label }: { points: Point[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let plot: { destroy(): void; setSize(s: { width: number; height: number }): void } | undefined;
    let gone = false;
    const el = box.current;
    if (!el) return;
    const resize = new ResizeObserver(() => plot?.setSize({ width: el.clientWidth, height: 220 }));
    void import("uplot").then(({ default: UPlot }) => {
      if (gone) return;
      const data: [number[], number[]] = [points.map((p) => p.at / 1000), points.map((p) => p.online)];
      // A canvas takes no CSS: the line gets the lighter blue on a dark page (3:1 against the card either way).
      const dark = matchMedia("(prefers-color-scheme: dark)").matches;
      plot = new UPlot(
        {
          width: el.clientWidth,
          height: 220,
          series: [{}, { label, stroke: dark ? "#60a5fa" : "#1d4ed8", fill: dark ? "rgba(96,165,250,0.15)" : "rgba(29,78,216,0.12)", width: 2 }],
          axes: [{ stroke: "#71717a" }, { stroke: "#71717a" }],
          legend: { show: false },
        },
        data,
        el,
      );
      resize.observe(el);
    });
    return () => {
      gone = true;
      resize.disconnect();
      plot?.destroy();
    };
  }, [points, label]);
  return <div ref={box} role="img" aria-label={label} className="w-full overflow-hidden" />;
}
