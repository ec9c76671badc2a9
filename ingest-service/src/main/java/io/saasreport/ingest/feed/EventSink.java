package io.saasreport.ingest.feed;

import java.util.List;
import java.util.function.Function;

import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.service.EventPublisher;

/** Where a feed's events go: {@link EventPublisher#publish(List, Function)} in the service, a list in a unit test. */
@FunctionalInterface
public interface EventSink {

    /** Publishes the events with their ids and answers how many once all are acknowledged. */
    int publish(List<? extends IngestEvent> events, Function<? super IngestEvent, String> ids);
}
