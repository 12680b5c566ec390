export const bookArg = { book: { type: "positional", description: 'Book name, guid, or "@user" for a personal book', required: true } } as const;

export const subjectArgs = {
  user: { type: "string", description: "A user", valueHint: "name" },
  group: { type: "string", description: "A user group", valueHint: "name" },
  everyone: { type: "boolean", description: "Every user" },
} as const;
