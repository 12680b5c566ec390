// The shapes of the admin address-book API (/api/admin/ab/books…) and the calls the book pages make. A book is
// named as the CLI names it: a shared book's name or guid.
import { del, get, patch, post, put } from "./api.ts";

export type Book = { guid: string; name: string; personal: boolean; owner: string; note: string; has_password: boolean; peers: number; created_at: string; updated_at: string };
export type Permission = "read" | "rw" | "full";
export type Rule = { guid: string; user: string | null; group: string | null; rule: number; permission: Permission };
export type Subject = { user: string } | { group: string } | { everyone: true };
export type Tag = { name: string; color: number };
export type Peer = { id: string; alias?: string; note?: string; tags?: string[]; hostname?: string; username?: string; platform?: string };
type List<T> = { total: number; data: T[] };

const books = "/api/admin/ab/books";
const at = (book: string) => `${books}/${encodeURIComponent(book)}`;

export const getBooks = () => get<List<Book>>(books);
export const createBook = (body: { name: string; owner: string; note?: string }) => post<Book>(books, body);
export const getBook = (book: string) => get<Book>(at(book));
export const changeBook = (book: string, body: Partial<{ name: string; owner: string; note: string }>) => patch<Book>(at(book), body);
export const deleteBook = (book: string) => del<unknown>(at(book));

export const getRules = (book: string) => get<List<Rule>>(`${at(book)}/rules`);
export const setRule = (book: string, subject: Subject, permission: Permission) => put<Rule>(`${at(book)}/rules`, { ...subject, permission });
export const removeRule = (book: string, subject: Subject) => del<unknown>(`${at(book)}/rules`, subject);
export const subjectOf = (r: Rule): Subject => (r.user !== null ? { user: r.user } : r.group !== null ? { group: r.group } : { everyone: true });

export const getPeers = (book: string, query: string) => get<List<Peer>>(`${at(book)}/peers${query}`);
export const addPeer = (book: string, peer: Peer) => post<Peer>(`${at(book)}/peers`, peer);
export const changePeer = (book: string, id: string, change: Partial<Peer>) => patch<Peer>(`${at(book)}/peers/${encodeURIComponent(id)}`, change);
export const deletePeers = (book: string, ids: string[]) => del<unknown>(`${at(book)}/peers`, { ids });

export const getTags = (book: string) => get<List<Tag>>(`${at(book)}/tags`);
export const addTag = (book: string, tag: Tag) => post<Tag>(`${at(book)}/tags`, tag);
export const changeTag = (book: string, name: string, change: Partial<Tag>) => patch<Tag>(`${at(book)}/tags/${encodeURIComponent(name)}`, change);
export const deleteTags = (book: string, names: string[]) => del<unknown>(`${at(book)}/tags`, { names });

// A tag's colour is 32-bit ARGB as the client stores it; the colour picker speaks #rrggbb (opaque).
export const colorToHex = (argb: number) => `#${(argb & 0xffffff).toString(16).padStart(6, "0")}`;
export const hexToColor = (hex: string) => (0xff000000 | Number.parseInt(hex.replace("#", ""), 16)) >>> 0;
