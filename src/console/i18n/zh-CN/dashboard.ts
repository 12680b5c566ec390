import type { dashboard as english } from "../en/dashboard.ts";

export const dashboard: Record<keyof typeof english, string> = {
  "dashboard.title": "仪表盘",
  "dashboard.users": "用户",
  "dashboard.admins": "{n} 位管理员",
  "dashboard.devices": "设备",
  "dashboard.online": "{n} 台在线",
  "dashboard.sessions": "实时会话",
  "dashboard.logins": "登录（24 小时）",
  "dashboard.failed": "{n} 次失败",
  "dashboard.alarms": "告警（24 小时）",
  "dashboard.noSamples": "尚无采样：每 5 分钟记录一次在线设备数，第二次采样后开始显示图表。",
  "dashboard.timeline": "最近事件",
  "dashboard.noEvents": "暂无事件。将 RustDesk 客户端的 API 服务器指向本服务器后，事件会显示在这里。",
};
