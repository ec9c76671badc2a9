package io.saasreport.metrics.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the universe stage's input by universe name, so universes spread over the instances: a definition
 * ({@link UniverseStage#definitionKey}) goes to its name's partition (Kafka's own murmur2 hash of the name), a
 * company's figures (key: its ticker) and macro events to every partition, since any universe may need any company.
 */
final class UniversePartitioner implements StreamPartitioner<String, byte[]> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, int numPartitions) {
        if (key.startsWith(UniverseStage.DEFINITION_KEY_PREFIX)) {
            return Optional.of(Set.of(partitionOf(key.substring(UniverseStage.DEFINITION_KEY_PREFIX.length()),
                    numPartitions)));
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
    }

    /** The partition, hence the task, that computes the universe of this name. */
    static int partitionOf(String universe, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(universe.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
