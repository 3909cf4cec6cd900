#!/usr/bin/env node
// The `yifa` command. Runs the TypeScript sources through tsx's loader so a
// checkout needs no build step for the server or CLI.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
