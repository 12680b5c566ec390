export const profile = {
  "profile.title": "Profile",
  "profile.name": "Name",
  "profile.email": "E-mail",
  "profile.admin": "Administrator",
} as const;
