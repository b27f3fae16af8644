#!/usr/bin/env bash
# Entry point of forgeline/postgres-standin:17. Honours the environment interface documented for the official
# postgres:17 image: POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required for a new database unless
# POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (default: the user), POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD
# (default scram-sha-256), the *_FILE variants of those, PGDATA, and /docker-entrypoint-initdb.d/*.sh|*.sql.
# The database is created on the first start only; later starts reuse PGDATA.
set -Eeuo pipefail

say() { echo "postgres-standin: $*" >&2; }

# VAR_FILE=/path sets VAR from the file's content (Docker/Kubernetes secrets); giving both is an error.
file_env() {
  local var=$1 default=${2:-} file_var="${1}_FILE"
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
    say "both $var and $file_var are set; set only one"
    exit 1
  fi
  local value=$default
  if [ -n "${!var:-}" ]; then
    value=${!var}
  elif [ -n "${!file_var:-}" ]; then
    [ -r "${!file_var}" ] || { say "$file_var names ${!file_var}, which cannot be read"; exit 1; }
    value=$(<"${!file_var}")
  fi
  export "$var"="$value"
  unset "$file_var"
}

# `docker run IMAGE -c work_mem=64MB` means postgres with those options, as in the official image.
if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi

if [ "$1" != 'postgres' ]; then
  exec "$@"
fi

# Started as root (the default, like the official image): own the data and socket directories, then drop to the
# postgres user for everything else. postgres itself refuses to run as root.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  chmod 00700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

mkdir -p "$PGDATA"
chmod 00700 "$PGDATA" 2>/dev/null || true

file_env POSTGRES_USER postgres
file_env POSTGRES_PASSWORD
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS
POSTGRES_HOST_AUTH_METHOD=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

if [ -s "$PGDATA/PG_VERSION" ]; then
  say "PostgreSQL database directory $PGDATA already contains a database; skipping initialization"
else
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'MSG'
postgres-standin: Error: the database is uninitialized and the superuser password is not specified.
       Set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) to a non-empty value for the superuser,
       or, to allow every connection without a password (never in production), POSTGRES_HOST_AUTH_METHOD=trust.
MSG
    exit 1
  fi
  say "initializing $PGDATA for user '$POSTGRES_USER', database '$POSTGRES_DB'"
  initdb_args=(--username="$POSTGRES_USER" --encoding=UTF8 -D "$PGDATA")
  pwfile=
  if [ -n "$POSTGRES_PASSWORD" ]; then
    pwfile=$(umask 077; mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    initdb_args+=(--pwfile="$pwfile")
  fi
  # POSTGRES_INITDB_ARGS is a shell-quoted string, as in the official image.
  eval 'initdb "${initdb_args[@]}" '"$POSTGRES_INITDB_ARGS" >/dev/null
  [ -z "$pwfile" ] || rm -f "$pwfile"

  # Local socket and loopback stay trusted (initdb's default); every other host must authenticate.
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"
  cat >>"$PGDATA/postgresql.conf" <<'CONF'

# forgeline/postgres-standin: as in the official image
listen_addresses = '*'
unix_socket_directories = '/var/run/postgresql'
CONF

  # A socket-only server for the setup, so nothing outside the container sees it as ready before it is.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  psql_setup=(psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc --username "$POSTGRES_USER")
  if [ "$POSTGRES_DB" != postgres ]; then
    "${psql_setup[@]}" --dbname postgres --set db="$POSTGRES_DB" -q <<<'CREATE DATABASE :"db";'
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh)
        say "running $f"
        # shellcheck disable=SC1090 # the user's init script
        . "$f"
        ;;
      *.sql) say "running $f"; "${psql_setup[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
      *.sql.gz) say "running $f"; gunzip -c "$f" | "${psql_setup[@]}" --dbname "$POSTGRES_DB" ;;
      *) if [ -e "$f" ]; then say "ignoring $f"; fi ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  say "init process complete; ready for start up"
fi

unset POSTGRES_PASSWORD
# postgres becomes PID 1: docker stop's SIGINT (see STOPSIGNAL) is a fast, clean shutdown; SIGTERM a smart one.
exec "$@"
