package io.saasreport.report.view;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.consume.Update;
import io.saasreport.report.consume.Version;
import io.saasreport.report.domain.CompanyExplanation;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.CompanySnapshot;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.service.SnapshotJson;

/**
 * This instance's current figures of every company and of the universe, in memory: loaded from PostgreSQL at start,
 * then kept up by {@link ViewFollower}. Each applied batch swaps in a new immutable {@link ViewState}, so a reader
 * never sees half a batch and never waits for a writer.
 */
@ApplicationScoped
public class ReportView {

    private final ObjectMapper mapper;
    private final SnapshotJson json;
    private final AtomicReference<ViewState> state = new AtomicReference<>(ViewState.EMPTY);
    private volatile boolean loaded;

    ReportView(ObjectMapper mapper, SnapshotJson json) {
        this.mapper = mapper;
        this.json = json;
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
        UniverseEntry universe = UniverseSnapshot.current().map(snapshot -> {
            UniverseStatistics statistics = json.universe(snapshot.payload);
            return universe(statistics, new Version(snapshot.revision, statistics.asOf()));
        }).orElse(null);
        synchronized (this) {
            state.set(new ViewState(state.get().version() + 1, companies, universe));
        }
        loaded = true;
    }

    /** Applies a conflated batch: values that supersede the held ones, and tombstones. */
    public synchronized void apply(Collection<Update<CompanyMetrics>> companyUpdates, Collection<Update<UniverseStatistics>> universeUpdates) {
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
        UniverseEntry universe = before.universe().orElse(null);
        boolean universeChanged = false;
        for (Update<UniverseStatistics> update : universeUpdates) {
            if (universe == null || update.version().supersedes(universe.version())) {
                universe = universe(update.value(), update.version());
                universeChanged = true;
            }
        }
        if (companies != null || universeChanged) {
            state.set(new ViewState(before.version() + 1, companies == null ? new TreeMap<>(before.companies()) : companies, universe));
        }
    }

    /** Forgets everything (tests start from a clean slate). */
    public synchronized void clear() {
        state.set(new ViewState(state.get().version() + 1, new TreeMap<>(), null));
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
        return new CompanyEntry(metrics, version, render(metrics), payload);
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
