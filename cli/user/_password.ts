// How a command gets a new password: stdin, generated, or asked twice on the terminal.
import { CliError, generatePassword, io, passwordFromStdin, promptNewPassword } from "../_io.ts";

export const passwordArgs = {
  "password-stdin": { type: "boolean", description: "Read the password from standard input" },
  generate: { type: "boolean", description: "Generate a random password and print it once" },
} as const;

export async function obtainPassword(args: { "password-stdin"?: boolean; generate?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (args["password-stdin"] && args.generate) throw new CliError("use either --password-stdin or --generate, not both");
  if (args["password-stdin"]) return { password: await passwordFromStdin(), generated: false };
  if (args.generate) return { password: generatePassword(), generated: true };
  return { password: await promptNewPassword(), generated: false };
}

export const showGenerated = (name: string, password: string) =>
  io.out(`password for ${name}: ${password}\n(shown once; store it now)\n`);
