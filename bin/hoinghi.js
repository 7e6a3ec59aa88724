#!/usr/bin/env node
// Entry for `npx hoinghi …`: runs the TypeScript sources through tsx, so a checkout needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/app/cli.ts");
