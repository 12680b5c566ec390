// The login name of the account this process runs as, by uid. Bun's os.userInfo().username only
// echoes $USER (else "unknown"), and cron, systemd and `env -i` set no $USER.
import { readFileSync } from "node:fs";

export function osUserName(uid = process.getuid?.(), passwd = "/etc/passwd"): string {
  if (uid === undefined) return process.env.USERNAME || "unknown"; // Windows
  try {
    for (const line of readFileSync(passwd, "utf8").split("\n")) {
      const [name, , id] = line.split(":");
      if (name && id === String(uid)) return name;
    }
  } catch {
    // no readable passwd file: ask the system's own lookup (NSS: LDAP, sssd, …) below
  }
  try {
    const r = Bun.spawnSync(["id", "-un", String(uid)], { stdout: "pipe", stderr: "ignore" });
    const name = r.success ? r.stdout.toString().trim() : "";
    if (name) return name;
  } catch {
    // no id(1)
  }
  return `uid ${uid}`;
}
