#!/bin/bash
# The Kafka stand-in's CLI tools: each bin/<tool>.sh is a link to this script, which runs the tool's class from the
# Maven-resolved jars in /opt/kafka/libs (the official image runs the same classes through its own scripts).
set -euo pipefail
case "$(basename "$0")" in
  kafka-topics.sh) main=org.apache.kafka.tools.TopicCommand ;;
  kafka-console-consumer.sh) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  kafka-console-producer.sh) main=org.apache.kafka.tools.ConsoleProducer ;;
  kafka-consumer-groups.sh) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  kafka-storage.sh) main=kafka.tools.StorageTool ;;
  kafka-broker-api-versions.sh) main=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
  kafka-configs.sh) main=kafka.admin.ConfigCommand ;;
  kafka-acls.sh) main=org.apache.kafka.tools.AclCommand ;;
  kafka-metadata-quorum.sh) main=org.apache.kafka.tools.MetadataQuorumCommand ;;
  kafka-reassign-partitions.sh) main=org.apache.kafka.tools.reassign.ReassignPartitionsCommand ;;
  kafka-leader-election.sh) main=org.apache.kafka.tools.LeaderElectionCommand ;;
  kafka-log-dirs.sh) main=org.apache.kafka.tools.LogDirsCommand ;;
  kafka-cluster.sh) main=org.apache.kafka.tools.ClusterTool ;;
  kafka-features.sh) main=org.apache.kafka.tools.FeatureCommand ;;
  *) main=$1; shift ;;
esac
# A tool is short-lived: small heap, no JIT warm-up beyond C1, serial GC.
# shellcheck disable=SC2086 # options hold several words
exec java ${KAFKA_TOOLS_HEAP_OPTS:--Xmx128m} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties -cp '/opt/kafka/libs/*' "$main" "$@"
