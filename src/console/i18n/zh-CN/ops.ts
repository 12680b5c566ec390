import type { ops as english } from "../en/ops.ts";

export const ops: Record<keyof typeof english, string> = {
  "backups.title": "备份",
  "backups.take": "立即备份",
  "backups.taking": "正在备份…",
  "backups.none": "还没有备份。可以立即备份，或在“设置”中设置 backup.interval 让服务器定期备份。",
  "backups.withRecordings": "含录像",
  "backups.restore": "恢复备份：先停止服务器，然后在服务器上运行 rdconsole restore 文件名。",
  "doctor.title": "诊断",
  "doctor.intro": "检查服务器周边的配置：配置文件、数据目录、数据库、磁盘、时钟、公开地址与证书、ID 与中继服务器、密钥、邮件和 SSO。",
  "doctor.run": "运行检查",
  "doctor.running": "正在检查…",
  "doctor.ok": "正常",
  "doctor.warn": "警告",
  "doctor.fail": "失败",
  "doctor.skip": "跳过",
};
