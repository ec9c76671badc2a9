package io.saasreport.ingest.domain;

import java.util.Arrays;
import java.util.Optional;

import io.saasreport.contracts.InputTopics;

/** The five kinds of input event of the spec, by the name they carry in their {@code type} field. */
public enum EventType {
    PRICE("price", InputTopics.PRICES),
    FILING("filing", InputTopics.FILINGS),
    ESTIMATE("estimate", InputTopics.ESTIMATES),
    MACRO("macro", InputTopics.MACRO),
    COMPANY("company", InputTopics.PROFILES);

    private final String wireName;
    private final String topic;

    EventType(String wireName, String topic) {
        this.wireName = wireName;
        this.topic = topic;
    }

    /** The input topic events of this kind go to; its value schema is the contract's (TopicSchemas). */
    public String topic() {
        return topic;
    }

    /** The value of the event's {@code type} field. */
    public String wireName() {
        return wireName;
    }

    /** The CloudEvents {@code type} attribute of records of this kind. */
    public String cloudEventType() {
        return "io.saasreport.event." + wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(EventType::wireName).toList());
    }
}
