import { buildInfo } from "./build-info.macro.ts" with { type: "macro" };

const info = buildInfo();

export const VERSION: string = info.version;

export const BUILD = {
  version: info.version,
  commit: info.commit,
  built: info.date,
  bun: Bun.version,
  target: `${process.platform}-${process.arch}`,
} as const;

export const versionLine = () =>
  `rdconsole ${BUILD.version} (commit ${BUILD.commit}, built ${BUILD.built}, bun ${BUILD.bun}, ${BUILD.target})`;
