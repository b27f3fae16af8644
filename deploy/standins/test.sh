#!/usr/bin/env bash
# deploy/standins/test.sh: proves on the real Docker engine that the images named by POSTGRES_IMAGE and KAFKA_IMAGE
# (default: the stand-ins deploy/standins/build.sh makes) honour the interface the compose file relies on. Each is
# started with the environment a compose file gives it, on a network of its own, and then:
#   PostgreSQL: a missing POSTGRES_PASSWORD is refused; the health check passes; the server runs as non-root; another
#     container creates a table and a row over the network with the password, is refused with a wrong one (SCRAM);
#     the port is published; data survives a stop/start and a new container on the same volume, where the first
#     password still holds (no second initdb); docker stop shuts down cleanly.
#   Kafka: without KAFKA_* it runs its single-node defaults; with them the health check passes; non-root; KAFKA_* became server properties; CLUSTER_ID is the cluster's id;
#     another container creates a topic, produces and consumes a record through the advertised listener; the record
#     and the cluster id survive a stop/start and a new container on the same volume; docker stop shuts down cleanly.
# The health check commands are the ones the compose file uses (docs/standins.md). Everything it creates (containers,
# volumes, network) is removed on exit, on success or failure. Exits non-zero naming the first failed check.
# Run against the official images (where they can be pulled) with POSTGRES_IMAGE=postgres:17 KAFKA_IMAGE=apache/kafka:4.0.0.
set -euo pipefail

POSTGRES_IMAGE=${POSTGRES_IMAGE:-forgeline/postgres-standin:17}
KAFKA_IMAGE=${KAFKA_IMAGE:-forgeline/kafka-standin:4.0.0}
# The health checks, as the compose file writes them (there with $$ for the container's shell).
# shellcheck disable=SC2016 # expanded by the container's shell, from the container's environment
PG_HEALTH='pg_isready -h 127.0.0.1 -p 5432 -U "$POSTGRES_USER" -d "$POSTGRES_DB"'
KAFKA_HEALTH='/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092'

run_id=fl-standin-test-$$
net=$run_id-net
passed=0
containers=()
volumes=()
started=$(date +%s)

say() { echo "standins-test: $*"; }
ok() { passed=$((passed + 1)); say "ok - $*"; }
fail() {
  say "FAIL - $*"
  for c in "${containers[@]}"; do
    docker inspect "$c" >/dev/null 2>&1 || continue
    echo "----- last log lines of $c"
    docker logs --tail 25 "$c" 2>&1 | cut -c1-300
  done
  echo "$passed passed, 1 failed"
  exit 1
}
cleanup() {
  for c in "${containers[@]}"; do docker rm -f -v "$c" >/dev/null 2>&1 || true; done
  for v in "${volumes[@]}"; do docker volume rm "$v" >/dev/null 2>&1 || true; done
  docker network rm "$net" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Polls the health check inside the container until it passes (true) or the deadline or the container's exit (false).
wait_healthy() {
  local name=$1 check=$2 deadline=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" = true ] || return 1
    if docker exec "$name" sh -c "$check" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}
# The whole log first, then grep: `docker logs | grep -q` fails under pipefail when grep stops reading early.
log_has() { grep -q -- "$2" <<<"$(docker logs "$1" 2>&1)"; }
pid1_uid() { docker exec "$1" sh -c "awk '/^Uid:/ {print \$2}' /proc/1/status"; }

for image in "$POSTGRES_IMAGE" "$KAFKA_IMAGE"; do
  docker image inspect "$image" >/dev/null 2>&1 || fail "image $image is not on the engine (run deploy/standins/build.sh)"
done
docker network create "$net" >/dev/null

# ---------------------------------------------------------------- PostgreSQL
pg=$run_id-postgres
pg_vol=$run_id-pgdata
pg_pw="pw-$RANDOM-$RANDOM"
pg_env=(-e POSTGRES_USER=forgeline -e POSTGRES_DB=forgeline)
volumes+=("$pg_vol")
docker volume create "$pg_vol" >/dev/null

containers+=("$run_id-pg-nopw")
if out=$(timeout 120 docker run --name "$run_id-pg-nopw" "${pg_env[@]}" "$POSTGRES_IMAGE" 2>&1); then
  fail "postgres started without POSTGRES_PASSWORD"
fi
grep -q POSTGRES_PASSWORD <<<"$out" || fail "postgres refused to start without a password but did not say why: $out"
ok "postgres refuses a new database without POSTGRES_PASSWORD, naming it"

start_pg() {
  containers+=("$pg")
  docker run -d --name "$pg" --network "$net" --network-alias postgres "${pg_env[@]}" -e POSTGRES_PASSWORD="$1" \
    -v "$pg_vol":/var/lib/postgresql/data -p 127.0.0.1::5432 "$POSTGRES_IMAGE" >/dev/null
  wait_healthy "$pg" "$PG_HEALTH" 120 || fail "postgres health check did not pass within 120 s: $PG_HEALTH"
}
# psql in a container of its own on the network, as a service would connect (host "postgres", remote address).
psql_remote() {
  local password=$1; shift
  docker run --rm --network "$net" -e PGPASSWORD="$password" "$POSTGRES_IMAGE" \
    psql -h postgres -p 5432 -U forgeline -d forgeline -v ON_ERROR_STOP=1 -Atq "$@" 2>&1
}

t0=$(date +%s)
start_pg "$pg_pw"
ok "postgres health check passes ($(( $(date +%s) - t0 )) s after start, first start with initdb)"
[ "$(pid1_uid "$pg")" != 0 ] || fail "postgres runs as root"
ok "postgres server runs as uid $(pid1_uid "$pg"), not root"

out=$(psql_remote "$pg_pw" -c "CREATE TABLE standin_check (id int PRIMARY KEY, note text);
  INSERT INTO standin_check VALUES (1, 'survives restarts');
  SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = current_user;") \
  || fail "creating a table over the network with the right password failed: $out"
[ "$out" = t ] || fail "the password of POSTGRES_USER is not stored as SCRAM-SHA-256: $out"
ok "another container creates a table in POSTGRES_DB as POSTGRES_USER with POSTGRES_PASSWORD (stored as SCRAM)"

if out=$(psql_remote "wrong-$pg_pw" -c 'SELECT 1'); then fail "a wrong password was accepted from another host"; fi
grep -q 'password authentication failed' <<<"$out" || fail "a wrong password was refused for another reason: $out"
ok "a wrong password from another host is refused (password authentication failed)"

port=$(docker port "$pg" 5432/tcp | grep -m1 '127.0.0.1' | sed 's/.*://')
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "the published port 127.0.0.1:$port does not accept connections"
ok "port 5432 is published and answers on 127.0.0.1:$port"

t0=$(date +%s)
docker stop -t 30 "$pg" >/dev/null
stop_s=$(( $(date +%s) - t0 ))
[ "$(docker inspect -f '{{.State.ExitCode}}' "$pg")" = 0 ] || fail "postgres exited with $(docker inspect -f '{{.State.ExitCode}}' "$pg") on docker stop"
grep -q 'database system is shut down' <<<"$(docker logs --tail 3 "$pg" 2>&1)" || fail "postgres did not shut down cleanly on docker stop"
ok "docker stop shuts postgres down cleanly in ${stop_s} s (exit 0, 'database system is shut down')"

docker start "$pg" >/dev/null
wait_healthy "$pg" "$PG_HEALTH" 120 || fail "postgres health check did not pass after a restart"
log_has "$pg" 'not properly shut down' && fail "postgres recovered from an unclean shutdown after docker stop"
out=$(psql_remote "$pg_pw" -c 'SELECT note FROM standin_check WHERE id = 1') || fail "reading after a restart failed: $out"
[ "$out" = 'survives restarts' ] || fail "the row did not survive a restart: '$out'"
ok "the table and its row survive a stop/start, without crash recovery"

# As docker-compose recreates a container: stop, remove, run anew on the same volume, here with another password.
docker stop -t 30 "$pg" >/dev/null
docker rm -v "$pg" >/dev/null
start_pg "new-$pg_pw"
log_has "$pg" '[Ss]kipping initialization' || fail "a new container on the same volume did not skip initialization"
out=$(psql_remote "$pg_pw" -c 'SELECT note FROM standin_check WHERE id = 1') \
  || fail "the first password stopped working in a new container on the same volume: $out"
[ "$out" = 'survives restarts' ] || fail "the row is missing in a new container on the same volume: '$out'"
ok "a new container on the same volume keeps the data and the first password (initdb only on the first start)"
docker rm -f -v "$pg" >/dev/null

# ---------------------------------------------------------------- Kafka
kafka=$run_id-kafka
kafka_vol=$run_id-kafkadata
cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
volumes+=("$kafka_vol")
docker volume create "$kafka_vol" >/dev/null
# shellcheck disable=SC2054 # the commas are inside values
kafka_env=(
  -e KAFKA_NODE_ID=1
  -e KAFKA_PROCESS_ROLES=broker,controller
  -e KAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093
  -e KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://kafka:9092
  -e KAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER
  -e KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
  -e KAFKA_CONTROLLER_QUORUM_VOTERS=1@kafka:9093
  -e KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1
  -e KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=1
  -e KAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1
  -e KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS=0
  -e KAFKA_NUM_PARTITIONS=3
  -e KAFKA_LOG_DIRS=/var/lib/kafka/data
  -e KAFKA_HEAP_OPTS="-Xms256m -Xmx512m"
  -e CLUSTER_ID="$cluster_id"
)
start_kafka() {
  containers+=("$kafka")
  docker run -d --name "$kafka" --network "$net" --network-alias kafka "${kafka_env[@]}" \
    -v "$kafka_vol":/var/lib/kafka/data -p 127.0.0.1::9092 "$KAFKA_IMAGE" >/dev/null
  wait_healthy "$kafka" "$KAFKA_HEALTH" 240 || fail "kafka health check did not pass within 240 s: $KAFKA_HEALTH"
}
# A Kafka tool in a container of its own on the network, reaching the broker as a service would (kafka:9092).
kafka_tool() {
  local tool=$1; shift
  docker run --rm -i --network "$net" -e KAFKA_HEAP_OPTS=-Xmx256m "$KAFKA_IMAGE" "/opt/kafka/bin/$tool" \
    "$@" --bootstrap-server kafka:9092
}
consume_one() {
  kafka_tool kafka-console-consumer.sh --topic standin-check --from-beginning --max-messages 1 --timeout-ms 60000 2>/dev/null
}

# No KAFKA_* at all: the image's own single-node defaults, still answering the health check.
kafka_defaults=$run_id-kafka-defaults
containers+=("$kafka_defaults")
docker run -d --name "$kafka_defaults" -e KAFKA_HEAP_OPTS="-Xms256m -Xmx512m" "$KAFKA_IMAGE" >/dev/null
wait_healthy "$kafka_defaults" "$KAFKA_HEALTH" 240 || fail "kafka without KAFKA_* variables did not become healthy"
props=$(docker exec "$kafka_defaults" cat /opt/kafka/config/server.properties)
for expected in process.roles=broker,controller log.dirs=/tmp/kraft-combined-logs; do
  grep -qx "$expected" <<<"$props" || fail "kafka without KAFKA_* variables lacks the default '$expected': $props"
done
docker rm -f -v "$kafka_defaults" >/dev/null
ok "kafka without any KAFKA_* variable runs the default single-node KRaft setup on 9092"

t0=$(date +%s)
start_kafka
ok "kafka health check passes ($(( $(date +%s) - t0 )) s after start, first start with storage format)"
[ "$(pid1_uid "$kafka")" != 0 ] || fail "kafka runs as root"
ok "kafka runs as uid $(pid1_uid "$kafka"), not root"

props=$(docker exec "$kafka" cat /opt/kafka/config/server.properties)
for expected in num.partitions=3 log.dirs=/var/lib/kafka/data controller.quorum.voters=1@kafka:9093 \
                advertised.listeners=PLAINTEXT://kafka:9092 transaction.state.log.min.isr=1; do
  grep -qx "$expected" <<<"$props" || fail "KAFKA_* did not become '$expected' in server.properties: $props"
done
grep -q '^heap.opts' <<<"$props" && fail "KAFKA_HEAP_OPTS leaked into server.properties"
ok "KAFKA_* variables became server properties (KAFKA_HEAP_OPTS did not)"

out=$(kafka_tool kafka-cluster.sh cluster-id 2>&1) || fail "kafka-cluster.sh cluster-id failed: $out"
grep -q "Cluster ID: $cluster_id" <<<"$out" || fail "the cluster id is not CLUSTER_ID=$cluster_id: $out"
ok "the cluster's id is CLUSTER_ID"

out=$(kafka_tool kafka-topics.sh --create --topic standin-check 2>&1) || fail "creating a topic failed: $out"
out=$(kafka_tool kafka-topics.sh --describe --topic standin-check 2>&1) || fail "describing the topic failed: $out"
grep -q 'PartitionCount: 3' <<<"$out" || fail "the topic did not get KAFKA_NUM_PARTITIONS=3 partitions: $out"
record="standin-record-$RANDOM$RANDOM"
out=$(echo "$record" | kafka_tool kafka-console-producer.sh --topic standin-check --producer-property acks=all 2>&1) \
  || fail "producing a record failed: $out"
out=$(consume_one) || true
[ "$out" = "$record" ] || fail "consuming gave '$out' instead of '$record'"
ok "another container creates a topic (3 partitions by default), produces and consumes a record via kafka:9092"

t0=$(date +%s)
docker stop -t 60 "$kafka" >/dev/null
stop_s=$(( $(date +%s) - t0 ))
code=$(docker inspect -f '{{.State.ExitCode}}' "$kafka")
[ "$code" = 0 ] || [ "$code" = 143 ] || fail "kafka exited with $code on docker stop"
log_has "$kafka" 'shut down completed' || fail "kafka did not complete a controlled shutdown on docker stop"
ok "docker stop shuts kafka down in a controlled way in ${stop_s} s (exit $code, 'shut down completed')"

docker start "$kafka" >/dev/null
wait_healthy "$kafka" "$KAFKA_HEALTH" 240 || fail "kafka health check did not pass after a restart"
out=$(consume_one) || true
[ "$out" = "$record" ] || fail "the record did not survive a restart: got '$out'"
ok "the record survives a stop/start"

docker stop -t 60 "$kafka" >/dev/null
docker rm -v "$kafka" >/dev/null
start_kafka
out=$(consume_one) || true
[ "$out" = "$record" ] || fail "the record is missing in a new container on the same volume: got '$out'"
out=$(kafka_tool kafka-cluster.sh cluster-id 2>&1) || fail "kafka-cluster.sh cluster-id failed: $out"
grep -q "Cluster ID: $cluster_id" <<<"$out" || fail "the cluster id changed in a new container: $out"
ok "a new container on the same volume keeps the record and the cluster id (storage formatted only once)"

say "images: $POSTGRES_IMAGE, $KAFKA_IMAGE; took $(( $(date +%s) - started )) s"
echo "$passed passed, 0 failed"
