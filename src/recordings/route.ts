// POST /api/record as a native Bun route: its body is raw video bytes, larger than server.body_limit
// and no business of the JSON pipeline.
// client: src/hbbs_http/record_upload.rs:98-103 (rustdesk@7423dced) sends no id, uuid or token, only the
// query string; the device's ID is in the file name it builds, "incoming_<id>_<time>_…"
// (client: libs/scrap/src/common/record.rs:62-79 (rustdesk@7423dced)). So an upload is accepted for a registered, enabled device named by
// the file, from the address that device's latest heartbeat came from, while it is online; or for
// a caller that adds the device's id and uuid to the query, like every other device endpoint.
import type { CoreDeps } from "../core/deps.ts";
import type { DeviceRuntime } from "../devices/runtime.ts";
import { ServiceError } from "../core/errors.ts";
import { readCappedBytes } from "../http/body-limit.ts";
import { anonymous } from "../http/context.ts";
import { jsonResponse } from "../http/json.ts";
import type { NativeRoute } from "../http/native.ts";
import { uploadRecording, type RecordingDevice } from "./service.ts";
import { checkFileName, RecordingStore } from "./store.ts";

const NAMED = /^(?:incoming|outgoing)_(.+)$/;
const MAX_CANDIDATES = 4;

/** The IDs a file name may carry: "incoming_my_pc_2026…" could be device "my" or "my_pc" or … */
function candidateIds(file: string): string[] {
  const rest = NAMED.exec(file)?.[1];
  if (!rest) return [];
  const ids: string[] = [];
  for (let i = rest.indexOf("_"); i > 0 && ids.length < MAX_CANDIDATES; i = rest.indexOf("_", i + 1)) ids.push(rest.slice(0, i));
  return ids;
}

export function recordingUploads(deps: CoreDeps, rt: DeviceRuntime) {
  const store = new RecordingStore(deps.config.data.dir);
  const presenceOf = deps.sqlite.prepare<{ at: number | null; ip: string | null }, [number]>("SELECT last_seen_at AS at, last_ip AS ip FROM device_presence WHERE device_id = ?");

  function identify(q: URLSearchParams, ip: string | undefined, now: number): RecordingDevice {
    rt.known.sync(now);
    const id = q.get("id");
    const uuid = q.get("uuid");
    if (id !== null && uuid !== null) {
      const d = rt.known.get(id);
      if (d && d.enabled && d.uuid !== "" && d.uuid === uuid) return { id: d.id, rdId: id };
      throw new ServiceError("FORBIDDEN", "unknown device");
    }
    const online = deps.config.devices.offline_after_seconds * 1000;
    for (const rdId of candidateIds(q.get("file") ?? "")) {
      const d = rt.known.get(rdId);
      if (!d || !d.enabled) continue;
      // The beat since this process started, else the last one written.
      const seen = d.seenAt > 0 ? { at: d.seenAt, ip: d.ip } : presenceOf.get(d.id);
      if (seen?.ip && seen.ip === ip && now - (seen.at ?? 0) <= online) return { id: d.id, rdId };
    }
    throw new ServiceError("FORBIDDEN", "recordings are accepted only from registered devices: the file name carries the device's ID and the upload comes from the address of its latest heartbeat");
  }

  /** Everything after the gate: the reply to one upload (errors are thrown). `bytes` reads the body, once the sender is known. */
  async function respond(request: Request, ip: string | undefined, bytes: () => Promise<Uint8Array>): Promise<Response> {
    const { config } = deps;
    if (!config.recording.enabled) throw new ServiceError("NOT_FOUND", "session recording upload is disabled on this server");
    const limit = config.recording.max_part;
    const q = new URL(request.url).searchParams;
    // The name first: a path in it is refused as such, before anything is looked up.
    checkFileName(q.get("file"));
    const now = deps.now();
    const device = identify(q, ip, now);
    const body = await bytes();
    if (body.byteLength > limit) throw new ServiceError("PAYLOAD_TOO_LARGE", `request body too large (limit ${limit} bytes)`);
    const ctx = { db: deps.db, config, log: deps.log, now: deps.now, actor: anonymous(ip ?? ""), ip };
    uploadRecording(ctx, store, device, { type: q.get("type"), file: q.get("file"), offset: q.get("offset"), length: q.get("length") }, body);
    return jsonResponse(200, {});
  }

  return {
    store,
    respond,
    nativeRoute: (route: NativeRoute) => route("/api/record", (request, ip) => respond(request, ip, () => readCappedBytes(request, deps.config.recording.max_part)), deps.config.recording.max_part),
  };
}
