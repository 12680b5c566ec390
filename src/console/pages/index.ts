// Every page of the console in one list: its URL (deep links and the back button work), its menu entry, and
// whether only administrators may open it. A page added here appears in the menu and the router.
import { Activity, BookUser, FileText, FolderTree, History, KeyRound, Laptop, LayoutDashboard, Monitor, MonitorPlay, ScrollText, Settings, ShieldBan, SlidersHorizontal, UserRound, Users, type LucideIcon } from "lucide-react";
import type { ComponentType } from "react";
import type { MessageKey } from "../i18n/en.ts";
import { AddressBookPage } from "./address-book.tsx";
import { AddressBooksPage } from "./address-books.tsx";
import { AuditPage } from "./audit.tsx";
import { BansPage } from "./bans.tsx";
import { Dashboard } from "./dashboard.tsx";
import { DevicePage } from "./device.tsx";
import { DevicesPage } from "./devices.tsx";
import { EnrolmentPage } from "./enrolment.tsx";
import { GroupsPage } from "./groups.tsx";
import { MyDevicesPage } from "./my-devices.tsx";
import { MySessionsPage } from "./my-sessions.tsx";
import { ProfilePage } from "./profile.tsx";
import { SettingsPage } from "./settings.tsx";
import { StatusPage } from "./status.tsx";
import { StrategiesPage } from "./strategies.tsx";
import { StrategyPage } from "./strategy.tsx";
import { ServerLogPage } from "./server-log.tsx";
import { SessionsPage } from "./sessions.tsx";
import type { PageProps } from "./types.ts";
import { UserPage } from "./user.tsx";
import { UsersPage } from "./users.tsx";

export type PageDef = { path: string; component: ComponentType<PageProps>; admin: boolean; nav?: { label: MessageKey; icon: LucideIcon } };

export const PAGES: PageDef[] = [
  { path: "/", component: Dashboard, admin: true, nav: { label: "nav.dashboard", icon: LayoutDashboard } },
  { path: "/devices", component: DevicesPage, admin: true, nav: { label: "nav.devices", icon: Monitor } },
  { path: "/devices/:id", component: DevicePage, admin: true },
  { path: "/users", component: UsersPage, admin: true, nav: { label: "nav.users", icon: Users } },
  { path: "/users/:name", component: UserPage, admin: true },
  { path: "/groups", component: GroupsPage, admin: true, nav: { label: "nav.groups", icon: FolderTree } },
  { path: "/groups/:tab", component: GroupsPage, admin: true },
  { path: "/groups/:tab/:name", component: GroupsPage, admin: true },
  { path: "/strategies", component: StrategiesPage, admin: true, nav: { label: "nav.strategies", icon: SlidersHorizontal } },
  { path: "/strategies/:name", component: StrategyPage, admin: true },
  { path: "/sessions", component: SessionsPage, admin: true, nav: { label: "nav.sessions", icon: MonitorPlay } },
  { path: "/address-books", component: AddressBooksPage, admin: true, nav: { label: "nav.addressBooks", icon: BookUser } },
  { path: "/address-books/:book", component: AddressBookPage, admin: true },
  { path: "/enrolment", component: EnrolmentPage, admin: true, nav: { label: "nav.enrolment", icon: KeyRound } },
  { path: "/audit", component: AuditPage, admin: true, nav: { label: "nav.audit", icon: ScrollText } },
  { path: "/bans", component: BansPage, admin: true, nav: { label: "nav.bans", icon: ShieldBan } },
  { path: "/log", component: ServerLogPage, admin: true, nav: { label: "nav.log", icon: FileText } },
  { path: "/settings", component: SettingsPage, admin: true, nav: { label: "nav.settings", icon: Settings } },
  { path: "/status", component: StatusPage, admin: true, nav: { label: "nav.status", icon: Activity } },
  { path: "/profile", component: ProfilePage, admin: false, nav: { label: "nav.profile", icon: UserRound } },
  { path: "/my/devices", component: MyDevicesPage, admin: false, nav: { label: "nav.myDevices", icon: Laptop } },
  { path: "/my/sessions", component: MySessionsPage, admin: false, nav: { label: "nav.mySessions", icon: History } },
];
