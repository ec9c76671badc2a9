"""Durable topics: what the topic scripts must give the inputs whose loss would lose figures, and Kafka Streams."""
import re

from .files import read_text

# Kept forever (retention.ms=-1) or compacted: a reset of the metrics service replays them from the start.
KEPT_FOREVER = ("company.filings", "company.estimates", "market.macro")
COMPACTED = ("company.profiles", "universe.definitions")
STREAMS_PROPERTIES = "metrics-service/src/main/resources/application.properties"


def input_topic_problems(configs, where):
    """configs: topic name -> the text of its --config options as the script creates it."""
    problems = []
    for topic in KEPT_FOREVER:
        if topic not in configs:
            problems.append("%s: topic %s not created" % (where, topic))
        elif "retention.ms=-1" not in configs[topic] and "cleanup.policy=compact" not in configs[topic]:
            problems.append("%s: %s is neither kept forever (retention.ms=-1) nor compacted" % (where, topic))
    for topic in COMPACTED:
        if topic not in configs:
            problems.append("%s: topic %s not created" % (where, topic))
        elif "cleanup.policy=compact" not in configs[topic] and "retention.ms=-1" not in configs[topic]:
            problems.append("%s: %s is neither compacted nor kept forever" % (where, topic))
    return problems


def streams_defaults_problems():
    """The metrics service's prod profile gives Kafka Streams' own topics 3 replicas and min.insync.replicas 2."""
    text = read_text(STREAMS_PROPERTIES)
    problems = []
    for key, default in (("replication.factor", "3"), ("topic.min.insync.replicas", "2")):
        m = re.search(r"^%%prod\.kafka-streams\.%s=(.*)$" % re.escape(key), text, re.M)
        if not m:
            problems.append("%s: no %%prod.kafka-streams.%s" % (STREAMS_PROPERTIES, key))
        elif not re.fullmatch(r"(\$\{[A-Z_]+:%s\}|%s)" % (default, default), m.group(1).strip()):
            problems.append("%s: %%prod.kafka-streams.%s is %s, expected %s (or a variable defaulting to it)"
                            % (STREAMS_PROPERTIES, key, m.group(1).strip(), default))
    return problems
