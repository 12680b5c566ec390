// Routing and the sign-in gate: a fresh server shows setup, a signed-out visitor the sign-in page (then back to
// the page asked for), a non-admin only the pages meant for every user.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { Layout } from "./components/layout.tsx";
import { Button, ErrorText } from "./components/ui.tsx";
import { setUnauthorizedHandler } from "./lib/api.ts";
import { useT } from "./lib/i18n.tsx";
import { PROFILE_KEY, useProfile, useSetupStatus } from "./lib/session.ts";
import { PAGES } from "./pages/index.ts";
import { Forbidden, NotFound } from "./pages/not-found.tsx";
import { Setup } from "./pages/setup.tsx";
import { SignIn } from "./pages/sign-in.tsx";

function Centered({ children }: { children: ReactNode }) {
  return <div className="flex min-h-screen items-center justify-center bg-zinc-50 p-4 text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">{children}</div>;
}

export function App() {
  const t = useT();
  const qc = useQueryClient();
  const [location, navigate] = useLocation();
  const search = useSearch();
  const setup = useSetupStatus();
  const profile = useProfile();

  // A 401 while signed in: the session ended (expired, revoked, cookie gone); sign-in says so, then comes back here.
  const [expired, setExpired] = useState(false);
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        if (qc.getQueryData(PROFILE_KEY)) setExpired(true);
        qc.setQueryData(PROFILE_KEY, null);
      }),
    [qc],
  );
  useEffect(() => {
    if (profile.data) setExpired(false);
  }, [profile.data]);

  if (setup.isPending || profile.isPending) return <Centered>{t("app.loading")}</Centered>;
  if (setup.error || profile.error)
    return (
      <Centered>
        <div className="flex flex-col gap-3">
          <ErrorText error={setup.error ?? profile.error} />
          <Button onClick={() => window.location.reload()}>{t("app.retry")}</Button>
        </div>
      </Centered>
    );
  if (setup.data.needs_setup)
    return location === "/setup" ? (
      <Centered>
        <Setup />
      </Centered>
    ) : (
      <Redirect to="/setup" />
    );
  if (!profile.data) {
    if (location === "/sign-in")
      return (
        <Centered>
          <SignIn expired={expired} />
        </Centered>
      );
    const next = location === "/" || location === "/setup" ? "" : `?next=${encodeURIComponent(location + (search ? `?${search}` : ""))}`;
    return <Redirect to={`/sign-in${next}`} />;
  }
  if (location === "/sign-in" || location === "/setup") {
    navigate(new URLSearchParams(search).get("next") ?? "/", { replace: true });
    return null;
  }
  const me = profile.data;
  if ((!me.is_admin || me.totp_required) && location === "/") return <Redirect to="/profile" />;
  return (
    <Layout profile={me}>
      <Switch>
        {PAGES.map(({ path, component: Page, admin }) => (
          <Route key={path} path={path}>
            {(params) =>
              // The server lets a session whose TOTP is required but not set up reach only the profile.
              me.totp_required && path !== "/profile" ? <Redirect to="/profile" /> : admin && !me.is_admin ? <Forbidden /> : <Page profile={me} params={params} />
            }
          </Route>
        ))}
        <Route>{me.totp_required ? <Redirect to="/profile" /> : <NotFound />}</Route>
      </Switch>
    </Layout>
  );
}
