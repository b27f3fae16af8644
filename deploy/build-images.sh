#!/usr/bin/env bash
# deploy/build-images.sh [--stand-ins]: builds the three service images from their existing Quarkus fast-jars
# (<service>/target/quarkus-app/; `./forgeline images` packages them first) and tags each
# forgeline/<service>:<version> and forgeline/<service>:latest, then prints every image's size.
# --stand-ins also builds the offline stand-ins of the Kafka and PostgreSQL images (deploy/standins/build.sh).
# Never runs Maven, so the container tests can call it from inside `./mvnw verify`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES=(orchestrator-service generator-worker validation-service)
declare -A PORTS=([orchestrator-service]=8080 [generator-worker]=8081 [validation-service]=8082)

say() { echo "build-images: $*" >&2; }

stand_ins=false
for arg in "$@"; do
  case "$arg" in
    --stand-ins) stand_ins=true ;;
    *) say "unknown argument '$arg' (usage: deploy/build-images.sh [--stand-ins])"; exit 2 ;;
  esac
done

if ! docker info >/dev/null 2>&1; then
  say "no Docker engine answers (docker info failed); start one, or run deploy/prepare-engine.sh (installs and starts one, as root)"
  exit 3
fi
if ! docker image inspect debian:bookworm-slim >/dev/null 2>&1; then
  say "the engine has no debian:bookworm-slim and cannot pull here; run deploy/prepare-engine.sh to build it locally"
  exit 3
fi

# The version: the root pom's own <version>, right after <artifactId>forgeline-parent</artifactId>.
VERSION=$(sed -n '/<artifactId>forgeline-parent<\/artifactId>/,/<\/version>/ s:.*<version>\(.*\)</version>.*:\1:p' \
  "$ROOT/pom.xml" | head -1)
[ -n "$VERSION" ] || { say "cannot read the project version from $ROOT/pom.xml"; exit 1; }
REVISION=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
SOURCE=$(git -C "$ROOT" remote get-url origin 2>/dev/null || echo unknown)
CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)

for service in "${SERVICES[@]}"; do
  app="$ROOT/$service/target/quarkus-app"
  if [ ! -f "$app/quarkus-run.jar" ]; then
    say "$app/quarkus-run.jar is missing: package the services first (./forgeline images does)"
    exit 1
  fi
done

for service in "${SERVICES[@]}"; do
  say "building forgeline/$service:$VERSION"
  log=$(mktemp)
  if ! docker build -f "$ROOT/deploy/docker/Dockerfile.jvm" \
    --build-arg SERVICE="$service" --build-arg VERSION="$VERSION" --build-arg REVISION="$REVISION" \
    --build-arg CREATED="$CREATED" --build-arg SOURCE="$SOURCE" --build-arg PORT="${PORTS[$service]}" \
    -t "forgeline/$service:$VERSION" -t "forgeline/$service:latest" \
    "$ROOT/$service/target/quarkus-app" >"$log" 2>&1; then
    tail -30 "$log" >&2
    rm -f "$log"
    say "docker build of $service failed"
    exit 1
  fi
  rm -f "$log"
done

if $stand_ins; then
  if [ ! -x "$ROOT/deploy/standins/build.sh" ]; then
    say "deploy/standins/build.sh is missing"
    exit 1
  fi
  "$ROOT/deploy/standins/build.sh"
fi

# The stand-ins' build prints their own sizes.
for image in "${SERVICES[@]/#/forgeline/}"; do
  image="$image:$VERSION"
  size=$(docker image inspect --format '{{.Size}}' "$image")
  printf '%-45s %6d MB\n' "$image" $((size / 1000 / 1000))
done
