// What citty leaves out: every value of an option given more than once (it keeps the last), and
// the positional arguments after the named ones. The usage check (cli/_strict.ts) has already
// refused anything it does not know, so this only collects.

/** Every value of `--name` in argv, in order (`--name v` and `--name=v`). */
export function optionValues(rawArgs: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const tok = rawArgs[i]!;
    if (tok === "--") break;
    if (tok === `--${name}` && i + 1 < rawArgs.length) out.push(rawArgs[++i]!);
    else if (tok.startsWith(`--${name}=`)) out.push(tok.slice(name.length + 3));
  }
  return out;
}

/** The positional arguments from the `skip`-th on (citty's `_` holds them all). */
export const restOf = (args: { _: string[] }, skip: number) => args._.slice(skip);
