package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Stage 1 sends the universe stage each company's figures as {@link CompactFigures}; before, it sent the published
 * JSON. Records of either kind on {@code universe-input} (after an upgrade, the old ones are still on the topic)
 * give the same universes, byte for byte on {@code metrics.universe}.
 */
class UniverseInputFormatsTest {

    @Test
    void theFiguresAsJsonGiveTheSameUniversesAsTheCompactOnes() {
        List<TestRecord<String, byte[]>> input;
        String published;
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.publishInterval();
            input = topology.universeInputRecords();
            published = latestUniverse(topology);
        }
        long compact = input.stream().filter(record -> CompactFigures.isCompact(record.value())).count();
        assertTrue(compact > 20, "stage 1 sent " + compact + " compact figures");

        try (TopologyHarness asCompact = new TopologyHarness(); TopologyHarness asJson = new TopologyHarness()) {
            for (TestRecord<String, byte[]> record : input) {
                asCompact.sendToUniverseInput(record.key(), record.value());
                asJson.sendToUniverseInput(record.key(), asBefore(record.value()));
            }
            asCompact.publishInterval();
            asJson.publishInterval();

            assertEquals(published, latestUniverse(asCompact));
            assertEquals(published, latestUniverse(asJson));
            assertEquals(asCompact.allUniverseRecords.stream().map(TestRecord::value).toList(),
                    asJson.allUniverseRecords.stream().map(TestRecord::value).toList());
            assertEquals(asCompact.alertRecords.stream().map(TestRecord::value).toList(),
                    asJson.alertRecords.stream().map(TestRecord::value).toList());
        }
    }

    /** A company's figures as stage 1 sent them before: the published JSON with the revision; the rest as it is. */
    private static byte[] asBefore(byte[] value) {
        if (value == null || !CompactFigures.isCompact(value)) {
            return value;
        }
        return StreamJson.writePublished(CompactFigures.read(value)).getBytes(StandardCharsets.UTF_8);
    }

    private static String latestUniverse(TopologyHarness topology) {
        return topology.universeRecords.get(topology.universeRecords.size() - 1).value();
    }
}
