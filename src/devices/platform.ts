// The client's platform names, from the os string of a sysinfo upload.

/** "windows / Windows 10 Pro" → "Windows", as the client names platforms (flutter/lib/consts.dart). */
export function platformOf(os: string | undefined): string {
  const head = (os ?? "").split(" / ")[0]!.trim().toLowerCase();
  if (head === "windows") return "Windows";
  if (head === "macos") return "Mac OS";
  if (head === "android") return "Android";
  if (head === "linux" || (os ?? "").toLowerCase().includes("linux")) return "Linux";
  return "";
}
