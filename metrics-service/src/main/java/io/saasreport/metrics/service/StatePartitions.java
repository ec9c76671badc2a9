package io.saasreport.metrics.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The start-up check that a partition change cannot silently move tickers away from their state. Stage 1 has one
 * task per partition of the ticker-keyed input topics, and its state (changelog topics, one partition per task)
 * sits where a ticker's partition put it. More (or fewer) input partitions send tickers to tasks without their
 * state: their figures start over and their revisions go back. So the service refuses to start, saying what to do,
 * when those topics disagree with each other or with the partitions its state was built with.
 */
public final class StatePartitions {

    /** What was checked: the input topics' partitions and, when the state exists, its own. */
    public record Found(Map<String, Integer> inputs, Integer state) {
    }

    private StatePartitions() {
    }

    /**
     * Checks {@code tickerTopics} (those that exist) against each other and against {@code stateTopic}, the changelog
     * of the company revisions (absent before the first start). Throws {@link IllegalStateException} on a mismatch.
     */
    public static Found verify(Admin admin, List<String> tickerTopics, String stateTopic, long timeoutMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Integer> inputs = new TreeMap<>();
        for (String topic : tickerTopics) {
            Integer partitions = partitions(admin, topic, timeoutMillis);
            if (partitions != null) {
                inputs.put(topic, partitions);
            }
        }
        Integer state = partitions(admin, stateTopic, timeoutMillis);
        if (inputs.values().stream().distinct().count() > 1) {
            throw new IllegalStateException("The ticker-keyed input topics have different partition counts " + inputs
                    + ": a company's events would meet in different tasks. Give them all the same count"
                    + (state == null ? "" : " (" + state + ", the count the metrics service's state was built with)")
                    + "; see docs/operations.md, \"Changing the input partitions\"");
        }
        if (state != null && !inputs.isEmpty() && !inputs.values().iterator().next().equals(state)) {
            int now = inputs.values().iterator().next();
            throw new IllegalStateException("The input topics " + inputs.keySet() + " have " + now + " partitions, but "
                    + "the metrics service's state (" + stateTopic + ") was built with " + state + ": tickers would "
                    + "reach tasks without their state, their figures would start over and their revisions go back. "
                    + "Either give the input topics " + state + " partitions again, or stop every instance, reset the "
                    + "application (kafka-streams-application-reset.sh --application-id <id> --input-topics ..., which "
                    + "deletes the state) and start it again to rebuild the state from the inputs (kept forever); see "
                    + "docs/operations.md, \"Changing the input partitions\"");
        }
        return new Found(inputs, state);
    }

    /** The topic's partition count; null when it does not exist. */
    private static Integer partitions(Admin admin, String topic, long timeoutMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        KafkaFuture<TopicDescription> described = admin.describeTopics(List.of(topic)).topicNameValues().get(topic);
        try {
            return described.get(timeoutMillis, TimeUnit.MILLISECONDS).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }
}
