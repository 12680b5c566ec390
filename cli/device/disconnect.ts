import { defineCommand } from "citty";
import { disconnectDevice } from "../../src/devices/service.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "disconnect", description: "Cut a live connection (or --all): the device closes it at its next heartbeat (3 s while connected)" },
  args: { ...idArg, conn: { type: "positional", description: "Connection id (from device sessions)", required: false }, all: { type: "boolean", description: "Every live connection" }, ...configArgs },
  run: action(async (args) => {
    if ((args.conn === undefined) === !args.all) throw new CliError("give one connection id, or --all");
    if (args.conn !== undefined && !/^\d+$/.test(args.conn)) throw new CliError("a connection id is a number (see device sessions)");
    const ids = await withData(args, (ctx) => disconnectDevice(ctx, args.id, args.all ? "all" : Number(args.conn)));
    io.out(`disconnect queued for ${ids.join(", ")}\n`);
  }),
});
