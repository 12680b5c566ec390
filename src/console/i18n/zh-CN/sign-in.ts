import type { signIn as english } from "../en/sign-in.ts";

export const signIn: Record<keyof typeof english, string> = {
  "signIn.title": "登录",
  "signIn.user": "用户名或邮箱",
  "signIn.password": "密码",
  "signIn.submit": "登录",
  "signIn.code": "验证码",
  "signIn.codeTotp": "请输入身份验证器应用中的 6 位验证码。",
  "signIn.codeEmail": "请输入我们发送到 {email} 的验证码。",
  "signIn.verify": "验证",
  "signIn.back": "返回",
  "signIn.sso": "使用 {name} 登录",
  "signIn.or": "或",
  "signIn.expired": "您的会话已结束，请重新登录以继续。",
  "setup.title": "设置 rdconsole",
  "setup.intro": "创建第一个管理员。设置码在服务器日志中，也在其数据目录下的 setup-code 文件中。",
  "setup.code": "设置码",
  "setup.name": "管理员名称",
  "setup.email": "邮箱（可选）",
  "setup.password": "密码",
  "setup.submit": "创建管理员",
};
