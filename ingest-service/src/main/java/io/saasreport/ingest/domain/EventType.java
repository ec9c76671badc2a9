package io.saasreport.ingest.domain;

import java.util.Arrays;
import java.util.Optional;

/** The five kinds of input event of the spec, by the name they carry in their {@code type} field. */
public enum EventType {
    PRICE("price"),
    FILING("filing"),
    ESTIMATE("estimate"),
    MACRO("macro"),
    COMPANY("company");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
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
