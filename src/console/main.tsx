// The web console: a React app under /console/ that talks to the server's documented HTTP API only.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Router } from "wouter";
import { App } from "./app.tsx";
import { I18nProvider } from "./lib/i18n.tsx";

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true, retry: 1 } } });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Router base="/console">
          <App />
        </Router>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
