package io.saasreport.brokerhealth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.jboss.logging.Logger;

/**
 * Whether the broker answers, asked in the background: every {@code interval} a thread of its own lists the topics
 * with a {@code timeout} and keeps the answer. {@link #status()} only reads that answer, so a health check built on it
 * answers at once while the broker is stopped, frozen or slow (an admin call would wait up to its 60 s default).
 * The first probe runs in the constructor. A change either way is logged once.
 */
public final class BrokerContact implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerContact.class);

    /** The last answer: reachable with every required topic, or not and why; {@code since} the last change. */
    public record Status(boolean reachable, Instant since, String detail) {
    }

    private final Admin admin;
    private final Set<String> requiredTopics;
    private final Duration timeout;
    private final ScheduledExecutorService probes;
    private static final String NOT_ASKED = "not asked yet";

    private volatile Status status = new Status(false, Instant.now(), NOT_ASKED);

    public BrokerContact(Map<String, Object> clientConfig, Collection<String> requiredTopics, Duration interval,
            Duration timeout) {
        this.requiredTopics = Set.copyOf(requiredTopics);
        this.timeout = timeout;
        this.admin = Admin.create(adminConfig(clientConfig, timeout));
        this.probes = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "broker-contact");
            thread.setDaemon(true);
            return thread;
        });
        // The first answer before the service takes requests (at most the timeout while the broker is away).
        probe();
        probes.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The client's own settings (bootstrap servers, security) with every wait bounded by {@code timeout}. */
    static Map<String, Object> adminConfig(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        int millis = (int) timeout.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        // A broker that comes back is seen within a second, not after the client's backoff grew.
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-contact");
        return config;
    }

    public Status status() {
        return status;
    }

    void probe() {
        try {
            Set<String> names = admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis()))
                    .names().get(2 * timeout.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> missing = new TreeSet<>(requiredTopics);
            missing.removeAll(names);
            update(missing.isEmpty(), missing.isEmpty() ? "answering" : "answering, but topics missing: " + missing);
        } catch (ExecutionException | TimeoutException e) {
            update(false, "no answer within " + timeout.toMillis() + " ms (" + rootMessage(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            update(false, rootMessage(e));
        }
    }

    private void update(boolean reachable, String detail) {
        Status previous = status;
        if (previous.reachable() == reachable) {
            status = new Status(reachable, previous.since(), detail);
            return;
        }
        Instant now = Instant.now();
        status = new Status(reachable, now, detail);
        long seconds = Duration.between(previous.since(), now).toSeconds();
        if (reachable && NOT_ASKED.equals(previous.detail())) {
            LOG.info("Kafka answers; readiness UP");
        } else if (reachable) {
            LOG.infof("Kafka is reachable again after %d s; readiness UP", seconds);
        } else {
            LOG.warnf("Kafka is unreachable: %s; readiness DOWN until it answers", detail);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        probes.shutdownNow();
        admin.close(Duration.ZERO);
    }
}
