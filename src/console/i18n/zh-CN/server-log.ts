import type { serverLog as english } from "../en/server-log.ts";

export const serverLog: Record<keyof typeof english, string> = {
  "nav.log": "服务器日志",
  "log.title": "服务器日志",
  "log.level": "级别",
  "log.allLevels": "全部级别",
  "log.level.debug": "调试及以上",
  "log.level.info": "信息及以上",
  "log.level.warn": "警告和错误",
  "log.level.error": "仅错误",
  "log.since": "起始时间",
  "log.contains": "包含文本",
  "log.limit": "行数",
  "log.apply": "应用",
  "log.live": "实时",
  "log.lines": "日志行，最新的在底部",
  "log.count": "{total} 行匹配中最新的 {shown} 行，最新的在底部。",
  "log.empty": "没有符合这些筛选条件的日志行。服务器只在内存中保留最近的日志。",
};
