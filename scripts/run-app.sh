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
  echo "$1" > "$launch/fingerprint"
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
