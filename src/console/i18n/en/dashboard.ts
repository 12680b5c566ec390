export const dashboard = {
  "dashboard.title": "Dashboard",
  "dashboard.users": "Users",
  "dashboard.admins": "administrators: {n}",
  "dashboard.devices": "Devices",
  "dashboard.online": "{n} online",
  "dashboard.sessions": "Live sessions",
  "dashboard.logins": "Logins (24 h)",
  "dashboard.failed": "{n} failed",
  "dashboard.alarms": "Alarms (24 h)",
  "dashboard.noSamples": "No samples yet: the number of devices online is recorded every 5 minutes, and the chart starts with the second.",
  "dashboard.timeline": "Recent events",
  "dashboard.noEvents": "Nothing has happened yet. Point a RustDesk client's API server at this server to see it here.",
} as const;
