#!/usr/bin/env -S node --max-semi-space-size=64
// The `yifa` command. Runs the TypeScript sources through tsx's loader so a
// checkout needs no build step for the server or CLI.
// --max-semi-space-size=64 (MiB): a young generation big enough that a busy server
// collects garbage far less often (GC was about a twentieth of a case action's CPU);
// it must be given on the command line, V8 fixes it when the process starts.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
