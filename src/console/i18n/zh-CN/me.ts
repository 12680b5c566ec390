import type { me as english } from "../en/me.ts";

export const me: Record<keyof typeof english, string> = {
  "nav.myDevices": "我的设备",
  "nav.mySessions": "我的会话",
  "me.devices": "我的设备",
  "me.noDevices": "您名下还没有设备。用此账户登录 RustDesk 客户端后，设备会显示在这里。",
  "me.sessions": "我的会话",
  "me.sessionsIntro": "您的登录位置：浏览器和 RustDesk 客户端。如有不认识的会话，请结束它并修改密码。",
  "me.noSessions": "没有会话。",
  "me.kindClient": "RustDesk 客户端",
  "me.kindConsole": "浏览器",
  "me.browser": "浏览器",
  "me.current": "当前会话",
  "me.started": "登录于",
  "me.lastUsed": "最后使用",
  "me.expires": "到期",
  "me.revoke": "结束会话",
  "me.revokeTitle": "结束此会话？",
};
