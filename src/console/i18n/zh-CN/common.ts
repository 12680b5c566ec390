import type { common as english } from "../en/common.ts";

export const common: Record<keyof typeof english, string> = {
  "app.name": "rdconsole",
  "app.loading": "加载中…",
  "app.retry": "重试",
  "app.skip": "跳到正文",
  "nav.dashboard": "仪表盘",
  "nav.profile": "个人资料",
  "nav.signOut": "退出登录",
  "nav.menu": "菜单",
  "nav.language": "语言",
  "common.yes": "是",
  "common.no": "否",
  "common.none": "—",
  "common.cancel": "取消",
  "notFound.title": "页面不存在",
  "notFound.back": "返回仪表盘",
  "forbidden.title": "无权访问",
  "forbidden.text": "您的账户无权打开此页面。",
};
