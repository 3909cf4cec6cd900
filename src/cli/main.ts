/**
 * The `yifa` command. Subcommands share the server's settings (environment variables,
 * see README). Exit 0 on success; non-zero with a one-line reason on failure.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { COMMANDS, type CommandName } from './commands.js';

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`);
  return [
    '用法: yifa <命令> [参数]',
    '',
    '命令:',
    ...lines,
    '',
    '每个命令都支持 --help。设置见 README（PORT, HOST, YIFA_DATA_DIR, DATABASE_URL …）。',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  // Two-word commands: `journal verify`, `user create`.
  const two = `${argv[0]} ${argv[1]}`;
  const name = (two in COMMANDS ? two : argv[0]) as CommandName | undefined;
  const rest = argv.slice(name?.includes(' ') ? 2 : 1);
  if (!name || name === ('--help' as string) || name === ('help' as string)) {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`未知命令：${argv.join(' ')}\n\n${usage()}`);
    return 2;
  }
  const parsed = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (parsed.values.help) {
    console.log(`yifa ${name} ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  return command.run({ config: loadConfig(), values: parsed.values as Record<string, unknown>, positionals: parsed.positionals });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    console.error(`错误：${msg}`);
    process.exitCode = 1;
  },
);
