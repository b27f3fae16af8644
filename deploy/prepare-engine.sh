#!/usr/bin/env bash
# deploy/prepare-engine.sh: make a Docker engine answer on this machine and give it the local Debian base image.
#   1. installs docker.io, docker-compose and debootstrap from Debian's archive if they are missing (needs root);
#   2. starts dockerd in the background if no engine answers (log: /var/log/forgeline-dockerd.log);
#   3. builds debian:bookworm-slim from Debian's archive with debootstrap if the engine lacks it (no registry here).
# Idempotent: each step is skipped when its result is already there. Exits non-zero, naming the step, when a step
# fails. Used by .ci/run; on a laptop with Docker Desktop only step 3 does anything (or nothing, if it can pull).
set -euo pipefail

say() { echo "prepare-engine: $*" >&2; }

engine_answers() { docker info >/dev/null 2>&1; }

need_packages=()
command -v dockerd >/dev/null 2>&1 || need_packages+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || need_packages+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || need_packages+=(debootstrap)
if ! engine_answers && [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    say "missing ${need_packages[*]} and not root: install them, or start a Docker engine, then run this again"
    exit 1
  fi
  say "installing ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_packages[@]}" iptables ca-certificates >/dev/null
elif [ ${#need_packages[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && printf '%s\n' "${need_packages[@]}" | grep -qv docker.io; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${need_packages[@]}" | grep -v docker.io) >/dev/null
fi

if ! engine_answers; then
  say "starting dockerd"
  nohup dockerd >/var/log/forgeline-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    engine_answers && break
    sleep 1
  done
  engine_answers || { say "dockerd did not answer within 60 s; see /var/log/forgeline-dockerd.log"; tail -20 /var/log/forgeline-dockerd.log >&2; exit 1; }
fi

if ! docker image inspect debian:bookworm-slim >/dev/null 2>&1; then
  mirror=$(grep -rhoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
             | grep -v security | head -1 | tr -d ' ' || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  rootfs=$(mktemp -d /tmp/forgeline-bookworm.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  say "building debian:bookworm-slim from $mirror (debootstrap, ~30 s)"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/forgeline-debootstrap.log 2>&1 \
    || { say "debootstrap failed; see /tmp/forgeline-debootstrap.log"; tail -20 /tmp/forgeline-debootstrap.log >&2; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import -c 'CMD ["bash"]' - debian:bookworm-slim >/dev/null
fi
say "engine ready: $(docker version --format '{{.Server.Version}}'), debian:bookworm-slim present"
