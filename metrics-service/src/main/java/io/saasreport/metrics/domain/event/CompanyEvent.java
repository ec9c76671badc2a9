package io.saasreport.metrics.domain.event;

/** Reference data: the company's display name. */
public record CompanyEvent(String ticker, String name) implements CompanyScopedEvent {

    public CompanyEvent {
        EventValidation.requireTicker(ticker);
        EventValidation.requirePrintableIfPresent(name, "name");
    }

    /** Reference data feeds no figure, so its id is not kept. */
    @Override
    public CompanyEvent withEventId(String id) {
        return this;
    }
}
