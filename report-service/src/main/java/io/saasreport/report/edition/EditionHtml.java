package io.saasreport.report.edition;

import java.util.List;

/**
 * The edition as a printable HTML page: the sections' tables as HTML, and the charts drawn by {@code edition.js} with
 * the dashboard's chart modules (Chart.js from its WebJar) from the figures embedded in the page. The tables alone
 * read without any script.
 */
public final class EditionHtml {

    private EditionHtml() {
    }

    /**
     * @param edition the edition
     * @param json the edition's JSON answer, embedded for the charts
     * @param chartJs the Chart.js script path
     */
    public static String render(Edition edition, String json, String chartJs) {
        StringBuilder out = new StringBuilder(32 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(EditionSections.title(edition))).append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n") // no favicon request: the service has none
                .append("<link rel=\"stylesheet\" href=\"/edition.css\">\n")
                // Chart.js's global first, then the module (modules run after the page is parsed), as the dashboard does.
                .append("<script src=\"").append(escape(chartJs)).append("\"></script>\n")
                .append("<script type=\"module\" src=\"/edition.js\"></script>\n</head>\n<body data-week=\"")
                .append(edition.week()).append("\">\n<header>\n<h1>").append(escape(EditionSections.title(edition)))
                .append("</h1>\n<p class=\"dateline\">").append(escape(EditionSections.dateline(edition))).append("</p>\n")
                .append("<nav class=\"no-print\"><a href=\"/\">Live dashboard</a> · <a href=\"/api/v1/editions/")
                .append(edition.previousWeek()).append("\">Previous week</a> · <a href=\"/api/v1/editions/")
                .append(edition.week()).append("\" type=\"application/json\">JSON</a></nav>\n</header>\n<main>\n");
        kpis(out, edition);
        charts(out);
        for (EditionSections.Section section : EditionSections.of(edition)) {
            section(out, section);
        }
        out.append("</main>\n<script type=\"application/json\" id=\"edition-data\">")
                .append(json.replace("</", "<\\/")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void kpis(StringBuilder out, Edition edition) {
        Edition.Headline h = edition.headline();
        out.append("<section class=\"kpis\" aria-label=\"Headline figures\">\n");
        kpi(out, "headline-company-count", "Companies", h.companyCount() == null ? null : h.companyCount().doubleValue(),
                Figures.count(h.companyCount()), "");
        kpi(out, "headline-median-ev-ntm", "Median EV / NTM revenue", h.medianEvToNtmRevenue(),
                Figures.multiple(h.medianEvToNtmRevenue()), Figures.range(h.quartilesEvToNtmRevenue(), Figures::multiple));
        kpi(out, "headline-top5-median", "Top-5 median", h.top5MedianEvToNtmRevenue(),
                Figures.multiple(h.top5MedianEvToNtmRevenue()), "");
        kpi(out, "headline-growth-adjusted", "Median growth-adjusted", h.medianGrowthAdjustedMultiple(),
                Figures.number(h.medianGrowthAdjustedMultiple()), Figures.range(h.quartilesGrowthAdjustedMultiple(), Figures::number));
        kpi(out, "headline-ev-ntm-fcf", "Median EV / NTM FCF", h.medianEvToNtmFcf(), Figures.multiple(h.medianEvToNtmFcf()),
                Figures.range(h.quartilesEvToNtmFcf(), Figures::multiple));
        kpi(out, "headline-ten-year", "10-year treasury", h.tenYearYield(), Figures.yield(h.tenYearYield()), "");
        out.append("</section>\n");
    }

    private static void kpi(StringBuilder out, String id, String label, Double value, String text, String range) {
        out.append("<div class=\"kpi\"><span class=\"label\">").append(escape(label)).append("</span><span class=\"value\" id=\"")
                .append(id).append("\" data-value=\"").append(value == null ? "" : value.toString()).append("\">")
                .append(escape(text)).append("</span>");
        if (!range.isEmpty()) {
            out.append("<span class=\"range\">P25 – P75: ").append(escape(range)).append("</span>");
        }
        out.append("</div>\n");
    }

    private static void charts(StringBuilder out) {
        out.append("<section class=\"charts\">\n");
        for (List<String> chart : List.of(
                List.of("chart-top-multiples", "Top 10 EV / NTM revenue multiples"),
                List.of("chart-scatter", "EV / NTM revenue vs NTM growth, with the least-squares fit"),
                List.of("chart-buckets", "Median EV / NTM revenue by growth bucket (whiskers: P25 – P75)"),
                List.of("chart-history", "Median EV / NTM revenue at the weekly closes, P25 – P75 band"),
                List.of("chart-movers", "Weekly movers: top gainers and losers"))) {
            out.append("<figure class=\"card\"><figcaption>").append(escape(chart.get(1)))
                    .append("</figcaption><div class=\"chart\"><canvas id=\"").append(chart.get(0))
                    .append("\"></canvas></div></figure>\n");
        }
        out.append("</section>\n");
    }

    private static void section(StringBuilder out, EditionSections.Section section) {
        out.append("<section class=\"card section\" id=\"section-").append(section.id()).append("\">\n<h2>")
                .append(escape(section.title())).append("</h2>\n");
        if (section.id().equals("gaps")) {
            out.append("<ul class=\"gaps\">");
            section.notes().forEach(note -> out.append("<li>").append(escape(note)).append("</li>"));
            out.append("</ul>\n");
        } else {
            section.notes().forEach(note -> out.append("<p class=\"note\">").append(escape(note)).append("</p>\n"));
        }
        for (EditionSections.Table table : section.tables()) {
            out.append("<table>");
            if (table.caption() != null) {
                out.append("<caption>").append(escape(table.caption())).append("</caption>");
            }
            out.append("<thead><tr>");
            table.headers().forEach(header -> out.append("<th>").append(escape(header)).append("</th>"));
            out.append("</tr></thead><tbody>");
            for (List<String> row : table.rows()) {
                out.append("<tr>");
                row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
                out.append("</tr>");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
