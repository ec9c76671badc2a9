package io.saasreport.report.record;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that can never be stored, and why: it goes to the channel's dead-letter topic. */
public record Unreadable(ConsumerRecord<String, String> record, String reason) {
}
