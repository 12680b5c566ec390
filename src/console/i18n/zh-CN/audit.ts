import type { audit as english } from "../en/audit.ts";

export const audit: Record<keyof typeof english, string> = {
  "nav.audit": "审计",
  "audit.title": "审计日志",
  "audit.logs": "日志",
  "audit.log.conn": "连接",
  "audit.log.file": "文件传输",
  "audit.log.alarm": "告警",
  "audit.log.console": "控制台变更",
  "audit.device": "设备",
  "audit.user": "用户",
  "audit.since": "起始时间",
  "audit.apply": "应用",
  "audit.live": "实时",
  "audit.export": "导出 CSV",
  "audit.when": "时间",
  "audit.action": "操作",
  "audit.details": "详情",
  "audit.empty": "这些筛选条件下还没有日志。",
  "audit.older": "加载更早的记录",
};
