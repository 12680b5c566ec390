// Identity at a provider → rdconsole user: the issuer+subject link first; else, if the provider
// allows it, an existing user with the same verified e-mail; else, if it allows that, a new user.
// The provider's filters (domains, groups) apply to every login, not only the first.
import { and, asc, eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { ssoIdentities, users, UserStatus } from "../db/schema.ts";
import { conflict, notFound } from "../core/errors.ts";
import type { UserRow } from "../users/model.ts";
import { isLastActiveAdmin } from "../users/admins.ts";
import { findUserRow, insertUser } from "../users/service.ts";
import { checkEmail } from "../core/validate.ts";
import type { Identity } from "./oauth.ts";
import { SsoError } from "./oauth.ts";
import type { ProviderConfig } from "../config/sso-providers.ts";

const who = (id: Identity) => id.email ?? id.username ?? id.subject;

function validEmail(email: string): string {
  try {
    return checkEmail(email);
  } catch {
    return "";
  }
}

function checkFilters(p: ProviderConfig, id: Identity): void {
  if (p.allowed_domains.length) {
    const domain = id.email && id.emailVerified ? id.email.slice(id.email.lastIndexOf("@") + 1).toLowerCase() : null;
    if (!domain || !p.allowed_domains.includes(domain))
      throw new SsoError(`${who(id)} may not sign in here: only verified e-mail addresses at ${p.allowed_domains.join(", ")} are allowed`);
  }
  if (p.allowed_groups.length && !id.groups.some((g) => p.allowed_groups.includes(g)))
    throw new SsoError(`${who(id)} may not sign in here: not in any of the groups ${p.allowed_groups.join(", ")}`);
}

/** A free user name from what the provider calls the person: "Alice Smith <alice@x>" → "alice", "alice-2", … */
function freeName(ctx: ServiceContext, id: Identity): string {
  const raw = id.username ?? id.email?.slice(0, id.email.indexOf("@")) ?? id.name ?? `user-${id.subject}`;
  // No "@": a name that reads like someone's e-mail address would catch their password logins by address.
  let base = raw.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "").slice(0, 56);
  if (!base) base = "user";
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!findUserRow(ctx, name)) return name;
  }
}

/** The user this login is for; creates or links as the provider's settings allow. In one transaction. */
export function resolveSsoUser(ctx: ServiceContext, p: ProviderConfig, id: Identity): UserRow {
  checkFilters(p, id);
  return withTransaction(ctx, (tx) => {
    const now = tx.now();
    const link = tx.db.select().from(ssoIdentities).where(and(eq(ssoIdentities.issuer, id.issuer), eq(ssoIdentities.subject, id.subject))).get();
    let row = link && tx.db.select().from(users).where(eq(users.id, link.userId)).get();
    const sso = { ...tx, actor: { type: "system" as const, name: `sso:${p.name}` } };
    if (!row && p.link_by_email && id.email && id.emailVerified) {
      const byEmail = tx.db.select().from(users).where(sql`${users.email} <> '' and ${users.email} = ${id.email} collate nocase`).get();
      // An administrator's account is never taken over by whoever controls that address at the provider.
      if (byEmail?.isAdmin) throw new SsoError(`${id.email} belongs to an administrator, whose account is not linked by e-mail; an administrator can link it with "rdconsole user sso-link"`);
      row = byEmail;
    }
    if (!row && p.auto_create) {
      const email = id.email && id.emailVerified && !tx.db.select({ id: users.id }).from(users).where(sql`${users.email} = ${id.email} collate nocase`).get() ? validEmail(id.email) : "";
      const displayName = (id.name ?? "").replace(/[\u0000-\u001f\u007f]+/g, " ").slice(0, 128);
      row = insertUser(sso, { name: freeName(tx, id), email, displayName, note: "", passwordHash: null, isAdmin: false }, { via: `sso:${p.name}` });
    }
    if (!row) throw new SsoError(`no rdconsole account is linked to ${who(id)} at ${p.label}; ask an administrator to create one or to link it`);
    if (!link) {
      tx.db.insert(ssoIdentities).values({ userId: row.id, provider: p.name, issuer: id.issuer, subject: id.subject, email: id.email ?? "", createdAt: now, lastLoginAt: now }).run();
      emitAudit(sso, "user.sso_link", { type: "user", guid: row.guid, name: row.name }, { provider: p.name, issuer: id.issuer, subject: id.subject, email: id.email });
    } else {
      tx.db.update(ssoIdentities).set({ lastLoginAt: now, email: id.email ?? link.email }).where(eq(ssoIdentities.id, link.id)).run();
    }
    if (row.status === UserStatus.disabled) throw new SsoError("this account is disabled");
    if (row.status === UserStatus.unverified) throw new SsoError("this account is not activated yet");
    if (p.admin_groups.length) {
      const isAdmin = id.groups.some((g) => p.admin_groups.includes(g));
      // The provider's groups never demote the last enabled administrator: the login goes on, as admin.
      if (!isAdmin && row.isAdmin && isLastActiveAdmin(tx, row))
        tx.log.warn(`sso:${p.name}: ${row.name} is not in admin_groups but is the last enabled administrator; left an administrator`);
      else if (isAdmin !== row.isAdmin) {
        row = tx.db.update(users).set({ isAdmin, updatedAt: now }).where(eq(users.id, row.id)).returning().get();
        emitAudit(sso, "user.update", { type: "user", guid: row.guid, name: row.name }, { is_admin: isAdmin, reason: `groups at ${p.name}` });
      }
    }
    return row;
  });
}

export interface SsoLink {
  guid: string;
  provider: string;
  issuer: string;
  subject: string;
  email: string;
  createdAt: number;
  lastLoginAt: number | null;
}

function userOf(ctx: ServiceContext, name: string): UserRow {
  const row = findUserRow(ctx, name);
  if (!row) throw notFound(`user "${name}" not found`);
  return row;
}

export function listSsoLinks(ctx: ServiceContext, userName: string): SsoLink[] {
  const row = userOf(ctx, userName);
  return ctx.db
    .select({ guid: ssoIdentities.guid, provider: ssoIdentities.provider, issuer: ssoIdentities.issuer, subject: ssoIdentities.subject, email: ssoIdentities.email, createdAt: ssoIdentities.createdAt, lastLoginAt: ssoIdentities.lastLoginAt })
    .from(ssoIdentities)
    .where(eq(ssoIdentities.userId, row.id))
    .orderBy(asc(ssoIdentities.id))
    .all();
}

/** Removes the user's links to `provider` (a provider name, or a link's guid); returns how many. */
export function unlinkSso(ctx: ServiceContext, userName: string, provider: string): number {
  return withTransaction(ctx, (tx) => {
    const row = userOf(tx, userName);
    const gone = tx.db
      .delete(ssoIdentities)
      .where(and(eq(ssoIdentities.userId, row.id), sql`(${ssoIdentities.provider} = ${provider} or ${ssoIdentities.guid} = ${provider})`))
      .returning({ issuer: ssoIdentities.issuer, subject: ssoIdentities.subject })
      .all();
    if (gone.length === 0) throw notFound(`user "${row.name}" has no sign-in link to "${provider}"`);
    emitAudit(tx, "user.sso_unlink", { type: "user", guid: row.guid, name: row.name }, { provider, links: gone });
    return gone.length;
  });
}

/** `user sso-link`: links a user to an identity at a provider by hand (e.g. an administrator's). */
/** Links a user to an identity at a configured provider by hand (`user sso-link`); answers the new link. */
export function linkSso(ctx: ServiceContext, userName: string, providerName: string, subject: string): SsoLink {
  const p = ctx.config.sso.providers.find((x) => x.name === providerName);
  if (!p) throw notFound(`no SSO provider "${providerName}" in the configuration`);
  return withTransaction(ctx, (tx) => {
    const row = userOf(tx, userName);
    const taken = tx.db.select({ userId: ssoIdentities.userId }).from(ssoIdentities).where(and(eq(ssoIdentities.issuer, p.issuer), eq(ssoIdentities.subject, subject))).get();
    if (taken) throw conflict(taken.userId === row.id ? `user "${row.name}" is already linked to that identity` : "that identity is linked to another user; unlink it there first");
    const link = tx.db
      .insert(ssoIdentities)
      .values({ userId: row.id, provider: p.name, issuer: p.issuer, subject, createdAt: tx.now() })
      .returning({ guid: ssoIdentities.guid, provider: ssoIdentities.provider, issuer: ssoIdentities.issuer, subject: ssoIdentities.subject, email: ssoIdentities.email, createdAt: ssoIdentities.createdAt, lastLoginAt: ssoIdentities.lastLoginAt })
      .get();
    emitAudit(tx, "user.sso_link", { type: "user", guid: row.guid, name: row.name }, { provider: p.name, issuer: p.issuer, subject, by_hand: true });
    return link;
  });
}
