// Requests as the stock RustDesk client builds them (client-contract §2–4 and test vectors).
import { generateSync } from "otplib";

export const UUID = "YzdmNmUxZjAtMmI0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi";
export const DEVICE = { id: "123456789", uuid: UUID };
export const DEVICE_INFO = { os: "windows", type: "client", name: "ALICE-PC" };

/** Dart package:http with a String body appends "; charset=utf-8" (client-contract §0.2). */
export const DART_JSON = { "content-type": "application/json; charset=utf-8" };
export const bearer = (token: string) => ({ "content-type": "application/json", authorization: `Bearer ${token}` });

/** hbbs.dart LoginRequest.toJson: keys only when non-null, in this order; deviceInfo always. */
export function passwordLoginBody(username: string, password: string, device = DEVICE): string {
  return JSON.stringify({ username, password, id: device.id, uuid: device.uuid, autoLogin: true, type: "account", deviceInfo: DEVICE_INFO });
}

/** The code step (login.dart:1016-1024): type "email_code" even for TOTP; tfaCode only for TOTP; no password. */
export function codeStepBody(username: string | undefined, code: string, secret: string, o: { totp: boolean; device?: typeof DEVICE }): string {
  const device = o.device ?? DEVICE;
  return JSON.stringify({
    ...(username === undefined ? {} : { username }),
    id: device.id,
    uuid: device.uuid,
    autoLogin: true,
    type: "email_code",
    verificationCode: code,
    ...(o.totp ? { tfaCode: code } : {}),
    secret,
    deviceInfo: DEVICE_INFO,
  });
}

/** The code an authenticator app shows at `nowMs` (plus `stepOffset` 30-second steps). */
export const totpCode = (secret: string, nowMs: number, stepOffset = 0) => generateSync({ secret, epoch: Math.floor(nowMs / 1000) + stepOffset * 30 });

/** An address-book call as ab_model.dart makes it: Bearer + JSON content type; bodiless POSTs send Content-Length: 0. */
export function abRequest(token: string, body?: unknown): { raw?: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  if (body === undefined) return { raw: "", headers: { ...headers, "content-length": "0" } };
  return { raw: typeof body === "string" ? body : JSON.stringify(body), headers };
}

/** POST /api/sysinfo as the Rust client builds it: serde_json with sorted keys, no Authorization (client-contract §4). */
export function sysinfoBody(device: { id: string; uuid: string; hostname: string; username?: string }): string {
  return JSON.stringify({
    cpu: "Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz, 3.12GHz, 12/6 cores",
    hostname: device.hostname,
    id: device.id,
    memory: "15.89GB",
    os: "windows / Windows 10 Pro - 10 (19045)",
    username: device.username ?? "alice",
    uuid: device.uuid,
    version: "1.4.9",
  });
}

/** POST /api/heartbeat as the Rust client builds it: sorted keys, `conns` only while connections are open. */
export function heartbeatBody(device: { id: string; uuid: string }, conns: number[] = [], modifiedAt = 0): string {
  return JSON.stringify({ ...(conns.length ? { conns } : {}), id: device.id, modified_at: modifiedAt, uuid: device.uuid, ver: 1004090 });
}

/** POST /api/audit/conn as the controlled side sends it (sorted keys): a connection opens, then its peer is
 * authorised (client-contract §9; `session_id` is a u64 written as a bare number). */
export function connOpenedBody(device: { id: string; uuid: string }, conn: number, nonce: string): string {
  return `{"action":"new","conn_id":${conn},"id":"${device.id}","ip":"203.0.113.7","nonce":"${nonce}","session_id":0,"uuid":"${device.uuid}"}`;
}
export function connAuthorisedBody(device: { id: string; uuid: string }, conn: number, nonce: string, peer: [id: string, name: string], session: string): string {
  return `{"conn_id":${conn},"id":"${device.id}","nonce":"${nonce}","peer":${JSON.stringify(peer)},"primary_auth":2,"session_id":${session},"type":0,"uuid":"${device.uuid}"}`;
}
