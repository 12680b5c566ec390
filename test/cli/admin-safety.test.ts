// The last enabled administrator stays one, and e-mail verification is only turned on when a code
// can be sent: refused by the service, seen here through the real command tree.
import { beforeEach, describe, expect, test } from "bun:test";
import { cliDataDir } from "../helpers/cli-env.ts";

let cli: ReturnType<typeof cliDataDir>["cli"];
const configWith = (toml: string) => void (cli = cliDataDir(toml).cli);
beforeEach(() => configWith(""));
const create = (name: string, ...extra: string[]) => cli(["user", "create", name, "--password-stdin", ...extra], { stdin: "correct horse battery" });

describe("the last enabled administrator", () => {
  test("cannot be disabled, demoted or deleted; with a second one each works", async () => {
    expect((await create("root", "--admin")).code).toBe(0);
    expect((await create("bob")).code).toBe(0);
    const why = "error: root is the last enabled administrator and cannot be";
    const hint = "; make another user an administrator first (rdconsole user set <name> --admin on)\n";
    expect(await cli(["user", "disable", "root"])).toEqual({ code: 1, stdout: "", stderr: `${why} disabled${hint}` });
    expect(await cli(["user", "set", "root", "--admin", "off"])).toEqual({ code: 1, stdout: "", stderr: `${why} made a non-administrator${hint}` });
    expect(await cli(["user", "delete", "root", "--yes"])).toEqual({ code: 1, stdout: "", stderr: `${why} deleted${hint}` });
    // Nothing changed, and no audit row was written for the refusals.
    const list = JSON.parse((await cli(["user", "list", "--json"])).stdout) as { name: string; is_admin: boolean; status: number }[];
    expect(list.find((u) => u.name === "root")).toMatchObject({ is_admin: true, status: 1 });
    const audit = (await cli(["audit", "tail", "--type", "console", "--json"])).stdout;
    expect(audit).not.toContain("user.disable");
    expect(audit).not.toContain("user.delete");

    // A disabled administrator does not count: it cannot stand in for the last enabled one.
    expect((await cli(["user", "set", "bob", "--admin", "on"])).code).toBe(0);
    expect((await cli(["user", "disable", "bob"])).code).toBe(0);
    expect((await cli(["user", "disable", "root"])).code).toBe(1);
    expect((await cli(["user", "enable", "bob"])).code).toBe(0);

    expect(await cli(["user", "set", "root", "--admin", "off"])).toMatchObject({ code: 0, stdout: "user root updated\n" });
    expect((await cli(["user", "disable", "bob"])).stderr).toStartWith("error: bob is the last enabled administrator");
    expect((await cli(["user", "set", "root", "--admin", "on"])).code).toBe(0);
    expect(await cli(["user", "delete", "bob", "--yes"])).toMatchObject({ code: 0, stdout: "user bob deleted\n" });
  });

  test("non-administrators are not held back", async () => {
    await create("root", "--admin");
    await create("bob");
    expect((await cli(["user", "disable", "bob"])).code).toBe(0);
    expect((await cli(["user", "delete", "bob", "--yes"])).code).toBe(0);
  });
});

describe("--email-verification on", () => {
  test("is refused for a user without an e-mail address", async () => {
    configWith('[smtp]\nhost = "smtp.example.com"\nfrom = "rdconsole@example.com"\n');
    await create("bob");
    expect(await cli(["user", "set", "bob", "--email-verification", "on"])).toEqual({ code: 1, stdout: "", stderr: "error: bob has no e-mail address to send login codes to; set one first (--email)\n" });
    // Given together with an address, it is accepted; the address cannot then be cleared alone.
    expect((await cli(["user", "set", "bob", "--email", "bob@example.com", "--email-verification", "on"])).code).toBe(0);
    expect(await cli(["user", "set", "bob", "--email", ""])).toEqual({ code: 1, stdout: "", stderr: "error: bob has e-mail verification on, which needs the address; turn it off first (--email-verification off)\n" });
    expect((await cli(["user", "set", "bob", "--email-verification", "off", "--email", ""])).code).toBe(0);
  });

  test("is refused when [smtp] is not configured, and says so", async () => {
    await create("bob", "--email", "bob@example.com");
    expect(await cli(["user", "set", "bob", "--email-verification", "on"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: e-mail verification needs e-mail sending, and [smtp] is not configured (set smtp.host and smtp.from)\n",
    });
    expect(JSON.parse((await cli(["user", "list", "--json"])).stdout)[0]).toMatchObject({ email_verification: false });
  });
});
