package io.saasreport.metrics.persistence;

import java.io.Serializable;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The next offset to read from one input partition, committed with the state it produced. */
@Entity
@Table(name = "consumer_offset")
public class ConsumerOffsetEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "next_offset", nullable = false)
    public long nextOffset;

    @Embeddable
    public static class Key implements Serializable {
        public String topic;
        public int partition;

        public Key() {
        }

        public Key(String topic, int partition) {
            this.topic = topic;
            this.partition = partition;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.partition == partition && key.topic.equals(topic);
        }

        @Override
        public int hashCode() {
            return Objects.hash(topic, partition);
        }
    }
}
