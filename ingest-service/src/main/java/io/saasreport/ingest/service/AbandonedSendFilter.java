package io.saasreport.ingest.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.SubscriberDecorator;

/**
 * Sits between each outgoing channel's buffer and its Kafka sink: a message whose request already answered (it was
 * abandoned, see {@link PendingSend}) is nacked and dropped here, so a request answered 503 never has an event
 * published later. Messages without a {@link PendingSend} pass untouched.
 */
@ApplicationScoped
public class AbandonedSendFilter implements SubscriberDecorator {

    static final String ABANDONED = "abandoned: its request was answered before the channel could send it";

    @Override
    public Multi<? extends Message<?>> decorate(Multi<? extends Message<?>> messages, List<String> channelName,
            boolean isConnector) {
        return messages.filter(message -> {
            boolean send = message.getMetadata(PendingSend.class).map(PendingSend::hand).orElse(true);
            if (!send) {
                message.nack(new IllegalStateException(ABANDONED));
            }
            return send;
        });
    }
}
