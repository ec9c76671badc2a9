package io.saasreport.metrics.stream;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;

/**
 * Stage 1's output, at commit: each company that changed since the last commit (the record cache before this
 * keeps one record per ticker) is saved to its logged stores, and its current figures and sources, computed once and
 * written as JSON with its revision, for {@code metrics.company}; and the figures alone (no sources), in the compact
 * form the universe stage reads without parsing ({@link CompactFigures}), with the revision. A company known only by its name has no figures to
 * publish yet; a removed one is published as a tombstone, and its removal (with its revision) goes to the universe
 * stage.
 */
final class PublishedFigures implements FixedKeyProcessor<String, String, Routed> {

    private FixedKeyProcessorContext<String, Routed> context;
    private CompanyStores stores;
    private HeldCompanies held;

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
        this.stores = CompanyStores.of(context);
        this.held = context.getStateStore(HeldCompanies.NAME);
    }

    @Override
    public void process(FixedKeyRecord<String, String> changed) {
        HeldCompanies.Entry company = held.get(changed.key(), stores);
        stores.save(company);
        company.published();
        if (company.company().isRemoved()) {
            // A tombstone: the company leaves the compacted topic; and its removal, for the universes.
            context.forward(changed.withValue(Routed.companyFigures(null))
                    .withHeaders(CloudEventHeaders.of(CloudEventHeaders.COMPANY_TYPE)));
            context.forward(changed.withValue(new Routed(Routed.Route.COMPANY_REMOVED,
                    Long.toString(company.company().revision()))));
            return;
        }
        Revised<CompanyFigures> figures = company.company().current().orElseThrow();
        if (RevisedCompany.isPublishable(figures.value().metrics())) {
            context.forward(changed.withValue(Routed.companyFigures(StreamJson.writePublishedCompany(figures)))
                    .withHeaders(CloudEventHeaders.of(CloudEventHeaders.COMPANY_TYPE)));
            context.forward(changed.withValue(Routed.universeMember(CompactFigures.write(
                    new Revised<>(figures.value().metrics(), figures.revision())))));
        }
    }
}
