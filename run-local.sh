#!/usr/bin/env bash
# Starts Waitwell locally in the foreground: embedded PostgreSQL and Temporal, the worker and the API.
# Builds first when a runnable jar is missing or older than the sources. Ctrl-C stops everything.
# Environment: see docs/configuration.md (SERVER_PORT, WAITWELL_LOCAL_DATA_DIR, ...).
set -euo pipefail

cd "$(dirname "$0")"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$JAVA" >/dev/null 2>&1; then
    echo "run-local: no java found; install a JDK 17 or newer (or set JAVA_HOME)" >&2
    exit 1
fi
java_major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
if [ "${java_major%%.*}" -lt 17 ] 2>/dev/null; then
    echo "run-local: Java $java_major found, Waitwell needs 17 or newer" >&2
    exit 1
fi

jars=(local/target/waitwell-local-exec.jar worker/target/waitwell-worker-exec.jar api/target/waitwell-api-exec.jar)

needs_build() {
    local jar
    for jar in "${jars[@]}"; do
        [ -f "$jar" ] || return 0
        # any main source, resource or build file newer than this jar
        if [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
            return 0
        fi
    done
    return 1
}

if needs_build; then
    echo "run-local: building with ./mvnw -DskipTests package (the first build downloads dependencies: a few minutes)..."
    ./mvnw -q -B -DskipTests package
fi

exec "$JAVA" -jar local/target/waitwell-local-exec.jar "$@"
