// The connection types of the client's connection audit, by number (client: src/server/connection.rs:1762-1769 (rustdesk@7423dced)).
export const CONN_TYPES = ["remote", "file transfer", "port forward", "camera", "terminal"];

export const connTypeName = (t: number | null) => (t === null ? null : (CONN_TYPES[t] ?? String(t)));
