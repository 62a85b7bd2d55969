#!/usr/bin/env node
// A stand-in for the Pulumi CLI in tests of `npm run example`: records each call (args, cwd, stdin, what the
// program directory holds) as one JSON line in $FAKE_PULUMI_LOG, and fails the command named in $FAKE_PULUMI_FAIL.
const fs = require("node:fs");
const path = require("node:path");
const args = process.argv.slice(2);
if (args[0] === "version") {
  console.log("v3.200.0");
  process.exit(0);
}
const stdin = fs.readFileSync(0, "utf8");
fs.appendFileSync(process.env.FAKE_PULUMI_LOG, JSON.stringify({
  args,
  cwd: process.cwd(),
  stdin,
  backend: process.env.PULUMI_BACKEND_URL,
  backendExists: Boolean(process.env.PULUMI_BACKEND_URL) && fs.existsSync(new URL(process.env.PULUMI_BACKEND_URL).pathname),
  passphrase: Boolean(process.env.PULUMI_CONFIG_PASSPHRASE),
  program: fs.existsSync(path.join(process.cwd(), "Pulumi.yaml")) && fs.existsSync(path.join(process.cwd(), "index.ts")),
  linked: fs.existsSync(path.join(process.cwd(), "node_modules", "pulumi-sailpoint-isc", "package.json")),
}) + "\n");
if (process.env.FAKE_PULUMI_FAIL && args[0] === process.env.FAKE_PULUMI_FAIL) process.exit(3);
