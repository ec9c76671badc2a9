package io.saasreport.metrics.stream;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The stream threads' main consumer's interceptor ({@code main.consumer.interceptor.classes}): tells
 * {@link DrainedInput} of the calling thread what each poll returned. Changes nothing it sees.
 */
public final class ShortPollInterceptor implements ConsumerInterceptor<Object, Object> {

    /** The consumer's own default, for a configuration that does not say. */
    private static final int CONSUMER_DEFAULT_MAX_POLL_RECORDS = 500;

    private int maxPollRecords = CONSUMER_DEFAULT_MAX_POLL_RECORDS;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        if (configured != null) {
            maxPollRecords = Integer.parseInt(configured.toString());
        }
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        DrainedInput.ofThisThread().polled(records, maxPollRecords, System.currentTimeMillis());
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing: commits are Kafka Streams' own
    }

    @Override
    public void close() {
        // nothing held
    }
}
