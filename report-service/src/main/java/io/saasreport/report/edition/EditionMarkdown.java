package io.saasreport.report.edition;

import java.util.List;

/** The edition as Markdown (GitHub tables), ready to paste into a newsletter. */
public final class EditionMarkdown {

    public static final String MEDIA_TYPE = "text/markdown";

    private EditionMarkdown() {
    }

    public static String render(Edition edition) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(EditionSections.title(edition)).append("\n\n");
        out.append("_").append(EditionSections.dateline(edition)).append("_\n");
        for (EditionSections.Section section : EditionSections.of(edition)) {
            out.append("\n## ").append(section.title()).append("\n");
            for (String note : section.notes()) {
                out.append("\n").append(section.id().equals("gaps") ? "- " : "").append(note).append("\n");
            }
            for (EditionSections.Table table : section.tables()) {
                out.append("\n");
                if (table.caption() != null) {
                    out.append("**").append(table.caption()).append("**\n\n");
                }
                table(out, table);
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, EditionSections.Table table) {
        row(out, table.headers());
        out.append("|").append("---|".repeat(table.headers().size())).append("\n");
        for (List<String> row : table.rows()) {
            row(out, row);
        }
        if (table.rows().isEmpty()) {
            row(out, java.util.Collections.nCopies(table.headers().size(), Figures.UNKNOWN));
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("|");
        for (String cell : cells) {
            out.append(" ").append(cell.replace("|", "\\|")).append(" |");
        }
        out.append("\n");
    }
}
