// Per-request facts every layer may need (client IP, start time), kept off the Request object.
const infos = new WeakMap<Request, { ip?: string; start: number }>();

export function setRequestInfo(request: Request, ip: string | undefined) {
  infos.set(request, { ip, start: performance.now() });
}

export const clientIpOf = (request: Request): string | undefined => infos.get(request)?.ip;
export const startOf = (request: Request): number | undefined => infos.get(request)?.start;
