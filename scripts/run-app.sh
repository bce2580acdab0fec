#!/usr/bin/env bash
# Runs the synth app (the pom's `main.class`) with plain `java`, for `scripts/aoai synth` and `app`.
# Maven only compiles, and only when it must: target/aoai-launch/ keeps the app jar, the runtime classpath
# and the main class from the last compile, with a fingerprint of what they were built from (the pom, every
# file under src/main and the local Maven repository in use). A run whose fingerprint matches starts `java`
# directly (milliseconds of checks instead of Maven's start-up); any change to a source, a resource or the
# pom, or a `mvn clean`, recompiles first.
#
# The JVM is tuned for a short-lived process (AOAI_JAVA_OPTS, see env.sh) and maps a class-data-sharing
# archive of the classes a synth loads: the first run after a compile writes it, later runs start from it.
#
# jsii's Java runtime normally starts `node jsii-runtime.js`, a relay process that starts the kernel (lib/program.js)
# and copies every request and response between the JVM's pipes and the kernel's file descriptor 3. Here the kernel
# is started directly through JSII_RUNTIME (jsii's setting for a custom runtime command), with
# scripts/jsii-kernel-stdio.js preloaded so that it uses the JVM's pipes itself: one process and two hops per call
# fewer. The kernel is taken from the jsii-runtime jar on the class path at compile time; a kernel that does not
# talk over fd 3 as expected, or a JSII_RUNTIME set by the caller, keeps jsii's own way.
# scripts/jsii-kernel-token-traces.js is preloaded too: cdktf then skips the stack traces it records for every token
# (they would show kernel frames only), with the same output.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$AOAI_ROOT"
launch=target/aoai-launch

fingerprint() {
  { echo "m2=${AOAI_M2_REPO:-default}"
    find pom.xml src/main -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum
  } | sha1sum | cut -c1-40
}

compile() {
  rm -rf "$launch"
  mkdir -p "$launch"
  mvn -q "${AOAI_MVN_ARGS[@]}" compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$launch/classpath" \
    org.apache.maven.plugins:maven-help-plugin:3.5.2:evaluate -Dexpression=main.class -Doutput="$launch/main-class"
  # CDS archives only classes from jars, so the app's own classes go on the class path as one.
  jar --create --file "$launch/app.jar" -C target/classes .
  extract_kernel
  echo "$1" > "$launch/fingerprint"
}

# The jsii kernel of the runtime jar on the class path, into $launch/jsii-kernel/ (only when it reads and writes
# its protocol on fd 3, which scripts/jsii-kernel-stdio.js redirects).
extract_kernel() {
  local jar
  jar=$(tr ':' '\n' < "$launch/classpath" | grep -m1 '/jsii-runtime-[^/]*\.jar$') || return 0
  mkdir -p "$launch/jsii-kernel"
  (cd "$launch/jsii-kernel" && jar --extract --file "$jar" software/amazon/jsii/lib/program.js software/amazon/jsii/lib/runtime-index-worker.js)
  local kernel="$launch/jsii-kernel/software/amazon/jsii/lib/program.js"
  grep -q 'readFD:3,writeFD:3' "$kernel" 2>/dev/null || rm -rf "$launch/jsii-kernel"
}

current=$(fingerprint)
[ "$(cat "$launch/fingerprint" 2>/dev/null)" = "$current" ] || compile "$current"

classpath="$launch/app.jar:$(<"$launch/classpath")"
main_class="$(<"$launch/main-class")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"        # the JDK Maven compiled with
# The archive is only valid for this JVM and these exact jars; name it after them so a change makes a new one.
IFS=: read -r -a jars <<< "$classpath"
archive="$launch/app-$(stat -L -c '%n %s %Y' "$(command -v "$java")" "${jars[@]}" | sha1sum | cut -c1-12).jsa"
read -r -a java_opts <<< "$AOAI_JAVA_OPTS"
kernel="$PWD/$launch/jsii-kernel/software/amazon/jsii/lib/program.js"
if [ -z "${JSII_RUNTIME:-}" ] && [ -f "$kernel" ]; then
  # A command with spaces is run through `sh -c`; the same options the relay gives the kernel.
  export JSII_RUNTIME="exec $(printf '%q ' "${JSII_NODE:-node}" --require "$AOAI_ROOT/scripts/jsii-kernel-stdio.js" \
    --require "$AOAI_ROOT/scripts/jsii-kernel-token-traces.js" --preserve-symlinks "$kernel")"
fi

if [ -f "$archive" ]; then
  exec "$java" "${java_opts[@]}" -XX:SharedArchiveFile="$archive" -cp "$classpath" "$main_class" "$@"
fi
rm -f "$launch"/app-*.jsa
status=0
"$java" "${java_opts[@]}" -XX:ArchiveClassesAtExit="$archive.$$" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$classpath" "$main_class" "$@" || status=$?
# Keep the archive of a successful run only: a failed one may have stopped before loading the stack classes.
if [ "$status" = 0 ] && [ -f "$archive.$$" ]; then mv -f "$archive.$$" "$archive"; else rm -f "$archive.$$"; fi
exit "$status"
