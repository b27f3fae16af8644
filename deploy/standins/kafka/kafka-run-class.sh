#!/usr/bin/env bash
# /opt/kafka/bin/kafka-run-class.sh of forgeline/kafka-standin: runs a Kafka main class on the JRE with the jars in
# /opt/kafka/libs, honouring the same JVM variables as the distribution's script of that name.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "USAGE: $0 classname [opts]" >&2
  exit 1
fi
base_dir=/opt/kafka
heap_opts=${KAFKA_HEAP_OPTS:--Xmx256M}
perf_opts=${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}
log4j_opts=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.yaml}
# Word splitting of the *_OPTS variables is intended: each holds several JVM options.
# shellcheck disable=SC2086
exec java $heap_opts $perf_opts ${KAFKA_JMX_OPTS:-} $log4j_opts ${KAFKA_OPTS:-} \
  -Dkafka.logs.dir="${LOG_DIR:-$base_dir/logs}" -cp "$base_dir/libs/*" "$@"
