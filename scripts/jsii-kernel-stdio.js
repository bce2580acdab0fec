// Preloaded (node --require) into jsii's kernel, lib/program.js of the jsii-runtime jar, when scripts/run-app.sh
// starts the kernel itself instead of through jsii's relay process (see there). The kernel talks jsii's protocol
// over file descriptor 3, which the relay provides and copies to and from the JVM's pipes; here it uses the JVM's
// pipes directly: reads of fd 3 come from stdin, writes go to stdout.
"use strict";
const fs = require("fs");
const { readSync, writeSync } = fs;
const PROTOCOL_FD = 3;
fs.readSync = (fd, ...rest) => readSync(fd === PROTOCOL_FD ? 0 : fd, ...rest);
fs.writeSync = (fd, ...rest) => writeSync(fd === PROTOCOL_FD ? 1 : fd, ...rest);

// stdout carries the protocol now, so console output goes to stderr the way the relay sends it: one JSON line
// {"stdout": base64}, which the JVM's jsii runtime prints to System.out.
process.stdout.write = (chunk, encoding, callback) => {
  const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
  writeSync(2, JSON.stringify({ stdout: bytes.toString("base64") }) + "\n");
  const done = typeof encoding === "function" ? encoding : callback;
  if (typeof done === "function") done();
  return true;
};
