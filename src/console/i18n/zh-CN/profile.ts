import type { profile as english } from "../en/profile.ts";

export const profile: Record<keyof typeof english, string> = {
  "profile.title": "个人资料",
  "profile.name": "名称",
  "profile.email": "邮箱",
  "profile.admin": "管理员",
};
