// Preloaded (node --require) into jsii's kernel when scripts/run-app.sh starts it for a synth (see there).
// cdktf records a full stack trace for every token it creates (Error.stackTraceLimit lifted, then formatted and
// split), only to print it if that token later fails to resolve. Under jsii that trace holds the kernel's frames and
// cdktf's own, never the Java code that made the token, so it cannot help a Java user; collecting it was about 5% of
// a synth's CPU. Here it is left empty: resolving, and so the synthesized JSON, are unchanged (only those error
// messages lose their "Object creation stack"). A cdktf without this module is left as it is.
"use strict";
const Module = require("module");
const load = Module.prototype.load;
Module.prototype.load = function (filename) {
  load.apply(this, arguments);
  if (filename.endsWith("/cdktf/lib/tokens/private/stack-trace.js") && typeof this.exports.captureStackTrace === "function")
    this.exports.captureStackTrace = () => [];
};
