package io.saasreport.report.view;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.record.Update;
import io.saasreport.report.record.Version;
import io.saasreport.report.domain.CompanyExplanation;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.CompanySnapshot;
import io.saasreport.report.config.ReportConfig;
import io.saasreport.report.domain.StoredAlert;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.record.SnapshotJson;

/**
 * This instance's current figures of every company and of the universe, in memory: loaded from PostgreSQL at start,
 * then kept up by {@link ViewFollower}. Each applied batch swaps in a new immutable {@link ViewState}, so a reader
 * never sees half a batch and never waits for a writer.
 */
@ApplicationScoped
public class ReportView {

    private final ObjectMapper mapper;
    private final SnapshotJson json;
    private final int alertsKept;
    private final AtomicReference<ViewState> state = new AtomicReference<>(ViewState.EMPTY);
    private volatile boolean loaded;

    ReportView(ObjectMapper mapper, SnapshotJson json, ReportConfig config) {
        this.mapper = mapper;
        this.json = json;
        this.alertsKept = config.alerts().kept();
    }

    public ViewState current() {
        return state.get();
    }

    /** Whether the view has been loaded from the database (readiness). */
    public boolean loaded() {
        return loaded;
    }

    /** Replaces the view with the snapshots stored in PostgreSQL. */
    @Transactional
    public void load() {
        TreeMap<String, CompanyEntry> companies = new TreeMap<>();
        for (CompanySnapshot snapshot : CompanySnapshot.<CompanySnapshot>listAll()) {
            CompanyMetrics metrics = json.company(snapshot.payload);
            companies.put(snapshot.ticker, company(metrics, new Version(snapshot.revision, metrics.asOf()), snapshot.payload));
        }
        TreeMap<String, UniverseEntry> universes = new TreeMap<>();
        for (UniverseSnapshot snapshot : UniverseSnapshot.<UniverseSnapshot>listAll()) {
            UniverseStatistics statistics = json.universe(snapshot.payload);
            universes.put(snapshot.id, universe(statistics, new Version(snapshot.revision, statistics.asOf())));
        }
        List<UniverseAlert> alerts = new ArrayList<>();
        for (String payload : StoredAlert.newest(alertsKept)) {
            alerts.add(json.alert(payload));
        }
        synchronized (this) {
            state.set(new ViewState(state.get().version() + 1, companies, universes, alerts));
        }
        loaded = true;
    }

    /** Applies a conflated batch: values that supersede the held ones, and tombstones. */
    public synchronized void apply(Collection<Update<CompanyMetrics>> companyUpdates,
            Collection<Update<UniverseStatistics>> universeUpdates, List<UniverseAlert> newAlerts) {
        ViewState before = state.get();
        TreeMap<String, CompanyEntry> companies = null;
        for (Update<CompanyMetrics> update : companyUpdates) {
            CompanyEntry held = (companies == null ? before.companies() : companies).get(update.key());
            if (update.isTombstone()) {
                if (held != null) {
                    companies = companies == null ? new TreeMap<>(before.companies()) : companies;
                    companies.remove(update.key());
                }
            } else if (held == null || update.version().supersedes(held.version())) {
                companies = companies == null ? new TreeMap<>(before.companies()) : companies;
                companies.put(update.key(), company(update.value(), update.version(), update.payload()));
            }
        }
        TreeMap<String, UniverseEntry> universes = null;
        for (Update<UniverseStatistics> update : universeUpdates) {
            UniverseEntry held = (universes == null ? before.universes() : universes).get(update.key());
            if (update.isTombstone()) {
                if (held != null) {
                    universes = universes == null ? new TreeMap<>(before.universes()) : universes;
                    universes.remove(update.key());
                }
            } else if (held == null || update.version().supersedes(held.version())) {
                universes = universes == null ? new TreeMap<>(before.universes()) : universes;
                universes.put(update.key(), universe(update.value(), update.version()));
            }
        }
        List<UniverseAlert> alerts = withNew(before.alerts(), newAlerts);
        if (companies != null || universes != null || alerts != before.alerts()) {
            state.set(new ViewState(before.version() + 1, companies == null ? new TreeMap<>(before.companies()) : companies,
                    universes == null ? new TreeMap<>(before.universes()) : universes, alerts));
        }
    }

    /** The held alerts with those not yet held appended, the oldest dropped beyond the number kept. */
    private List<UniverseAlert> withNew(List<UniverseAlert> held, List<UniverseAlert> arrived) {
        Set<String> ids = new HashSet<>();
        held.forEach(alert -> ids.add(alert.id()));
        List<UniverseAlert> alerts = null;
        for (UniverseAlert alert : arrived) {
            if (ids.add(alert.id())) {
                alerts = alerts == null ? new ArrayList<>(held) : alerts;
                alerts.add(alert);
            }
        }
        if (alerts == null) {
            return held;
        }
        return alerts.size() > alertsKept ? alerts.subList(alerts.size() - alertsKept, alerts.size()) : alerts;
    }

    /** Forgets everything (tests start from a clean slate). */
    public synchronized void clear() {
        state.set(new ViewState(state.get().version() + 1, new TreeMap<>(), new TreeMap<>(), List.of()));
    }

    /** A list of companies as one JSON array, from their serialized forms. */
    public static Rendered array(List<CompanyEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 1024 + 2);
        out.write('[');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(entries.get(i).json().body());
        }
        out.write(']');
        return Rendered.of(out.toByteArray());
    }

    /** Any value serialized as the REST layer would. */
    public Rendered render(Object value) {
        try {
            return Rendered.of(mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private CompanyEntry company(CompanyMetrics metrics, Version version, String payload) {
        return new CompanyEntry(metrics, version, payload, this::render);
    }

    /** A company's figures explained from the sources published with them, rendered once per state. */
    public Optional<Rendered> explanation(ViewState state, String ticker) {
        CompanyEntry company = state.companies().get(ticker);
        if (company == null) {
            return Optional.empty();
        }
        return Optional.of(state.derived("explain:" + ticker,
                () -> render(CompanyExplanation.of(company.metrics(), json.sources(company.payload())))));
    }

    private UniverseEntry universe(UniverseStatistics statistics, Version version) {
        return new UniverseEntry(statistics, version, render(statistics));
    }
}
