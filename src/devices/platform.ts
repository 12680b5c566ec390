// The client's platform names, from the os string of a sysinfo upload.

/** "windows / Windows 10 Pro" → "Windows", as client: flutter/lib/common/hbbs/hbbs.dart:107-130 (rustdesk@7423dced) names platforms. */
export function platformOf(os: string | undefined): string {
  const head = (os ?? "").split(" / ")[0]!.trim().toLowerCase();
  if (head === "windows") return "Windows";
  if (head === "macos") return "Mac OS";
  if (head === "android") return "Android";
  if (head === "linux" || (os ?? "").toLowerCase().includes("linux")) return "Linux";
  return "";
}
