// What the user commands share; the JSON shape is the admin API's (src/users/json.ts).

export const STATUS_NAME = { 1: "normal", 0: "disabled", [-1]: "unverified" } as const;

export { userJson, type TfaState } from "../../src/users/json.ts";

export const userArg = { name: { type: "positional", description: "User name", required: true } } as const;
