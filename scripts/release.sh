#!/usr/bin/env bash
# Publishes the library jar with its -sources and -javadoc jars to a Maven repository.
#   scripts/release.sh <version> <repository url>
# e.g. scripts/release.sh 1.4.0 https://maven.pkg.github.com/contoso/aoai-platform (release.yml, on tag v1.4.0), or
#      scripts/release.sh 0.1.0-SNAPSHOT file:///tmp/repo (a dry run). The repository's credentials come from
# ~/.m2/settings.xml, server id "github" (actions/setup-java writes it). The pom attaches the -sources and -javadoc jars
# to every package (maven-source-plugin, maven-javadoc-plugin with every doclint check on), so deploy publishes all three.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
version="${1:?version}"; repository="${2:?repository url}"
bash "$AOAI_ROOT/scripts/bootstrap.sh"
source "$AOAI_ROOT/scripts/env.sh"
cd "$AOAI_ROOT"
current="$(mvn -q "${AOAI_MVN_ARGS[@]}" org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate -Dexpression=project.version -DforceStdout)"
if [ "$current" != "$version" ]; then
  mvn -q "${AOAI_MVN_ARGS[@]}" org.codehaus.mojo:versions-maven-plugin:2.17.1:set -DnewVersion="$version" -DgenerateBackupPoms=false
fi
# "id::default::url" is understood by maven-deploy-plugin 2.x (Maven 3.8) and 3.x (Maven 3.9)
mvn "${AOAI_MVN_ARGS[@]}" -DskipTests deploy -DaltDeploymentRepository="github::default::$repository"
