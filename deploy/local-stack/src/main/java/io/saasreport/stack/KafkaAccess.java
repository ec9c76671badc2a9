package io.saasreport.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker: one SCRAM principal per service and the ACLs that bind it. The same policy
 * is written out for docker-compose (deploy/compose/kafka-security.sh) and Kubernetes
 * (deploy/kubernetes/kafka-topics-job.yaml); the secured system test proves it here.
 *
 * <ul>
 * <li>{@code ingest} writes the input topics, nothing else;</li>
 * <li>{@code metrics} reads the input topics, writes its outputs and its dead-letter topics, and owns everything
 * named {@code metrics-service*}: Kafka Streams' internal topics, its group and its transactional ids;</li>
 * <li>{@code report} reads the outputs and the filings and writes only its own dead-letter topics.</li>
 * </ul>
 */
public final class KafkaAccess {

    public static final String INGEST = "ingest";
    public static final String METRICS = "metrics";
    public static final String REPORT = "report";

    /** The principal each service of the local stack logs in as. */
    public static final Map<String, String> PRINCIPAL_OF_SERVICE = Map.of(
            LocalStack.INGEST, INGEST, LocalStack.METRICS, METRICS, LocalStack.REPORT, REPORT);

    /** The metrics service's Kafka Streams application id: the prefix of its internal topics and transactional ids. */
    static final String METRICS_APPLICATION_ID = "metrics-service";

    private static final List<String> REPORT_READS = List.of("metrics.company", "metrics.universe", "company.filings",
            Topics.ALERTS);

    /** Every ACL of the policy. */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : Topics.INPUT) {
            allow(acls, INGEST, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
            allow(acls, METRICS, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
            allow(acls, METRICS, ResourceType.TOPIC, topic + ".dlq", PatternType.LITERAL, AclOperation.WRITE,
                    AclOperation.DESCRIBE);
        }
        // Named universes: the ingest service defines them, the metrics service reads them (and dead-letters).
        allow(acls, INGEST, ResourceType.TOPIC, Topics.DEFINITIONS, PatternType.LITERAL, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        allow(acls, METRICS, ResourceType.TOPIC, Topics.DEFINITIONS, PatternType.LITERAL, AclOperation.READ,
                AclOperation.DESCRIBE);
        allow(acls, METRICS, ResourceType.TOPIC, Topics.DEFINITIONS + ".dlq", PatternType.LITERAL, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        for (String topic : java.util.stream.Stream.concat(Topics.COMPACTED_OUTPUT.stream(),
                java.util.stream.Stream.of(Topics.ALERTS)).toList()) {
            // READ too: a metrics instance reads its peers' figures back.
            allow(acls, METRICS, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE, AclOperation.READ,
                    AclOperation.DESCRIBE);
        }
        allow(acls, METRICS, ResourceType.TOPIC, METRICS_APPLICATION_ID, PatternType.PREFIXED, AclOperation.ALL);
        allow(acls, METRICS, ResourceType.GROUP, "metrics-", PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        allow(acls, METRICS, ResourceType.TRANSACTIONAL_ID, METRICS_APPLICATION_ID, PatternType.PREFIXED,
                AclOperation.WRITE, AclOperation.DESCRIBE);
        for (String topic : REPORT_READS) {
            allow(acls, REPORT, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
            allow(acls, REPORT, ResourceType.TOPIC, topic + ".report-dlq", PatternType.LITERAL, AclOperation.WRITE,
                    AclOperation.DESCRIBE);
        }
        allow(acls, REPORT, ResourceType.GROUP, "report-", PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        return acls;
    }

    private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name,
            PatternType pattern, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    private KafkaAccess() {
    }
}
