import type { Profile } from "../lib/session.ts";

/** What every page gets: who is signed in, and its URL's parameters. */
export type PageProps = { profile: Profile; params: Record<string, string | undefined> };
