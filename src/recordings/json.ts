// A recording as JSON, for `recording list --json` and the admin API (one shape).
import type { RecordingView } from "./service.ts";

export const recordingJson = (r: RecordingView) => ({
  guid: r.guid,
  device: r.device,
  file: r.file,
  size: r.size,
  complete: r.complete,
  created_at: new Date(r.createdAt).toISOString(),
  updated_at: new Date(r.updatedAt).toISOString(),
});
