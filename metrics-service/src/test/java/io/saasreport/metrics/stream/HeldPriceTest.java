package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import io.saasreport.metrics.stream.CompanyStores.HeldPrice;

class HeldPriceTest {

    private static final String TOPIC = "metrics-service-company-prices-changelog";

    @Test
    void aPriceAndItsEventIdMakeOneValue() {
        HeldPrice held = new HeldPrice(123.45, "7f1c2a9e-0b4d-4c4e-9a51-3e0c6f0d8b21");

        byte[] bytes = HeldPrice.SERDE.serializer().serialize(TOPIC, held);

        assertEquals(8 + 36, bytes.length);
        assertEquals(held, HeldPrice.SERDE.deserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void aPriceWithoutIdIsTheBarePriceAsBefore() {
        byte[] bytes = HeldPrice.SERDE.serializer().serialize(TOPIC, new HeldPrice(9.5, null));

        assertEquals(9.5, Serdes.Double().deserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void aPriceStoredBeforeIdsWereKeptReadsBackWithoutOne() {
        byte[] stored = Serdes.Double().serializer().serialize(TOPIC, 42.0);

        assertEquals(new HeldPrice(42.0, null), HeldPrice.SERDE.deserializer().deserialize(TOPIC, stored));
    }
}
