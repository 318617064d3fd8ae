package org.survkit.report.html;

import org.survkit.report.analysis.AnalysisDataset;
import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.report.tables.FindingText;
import org.survkit.report.tables.Formats;
import org.survkit.report.tables.ReportTable;
import org.survkit.report.tables.ReportTables;
import org.survkit.study.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.survkit.report.analysis.StudyAnalysis.Finding;
import org.survkit.stats.Diagnostic;

/**
 * Writes report.html: one self-contained file (inline CSS and SVG, no script, no external
 * request) that prints cleanly. Every text that comes from the data or the study file (file and
 * column names, values, labels, rules) is HTML-escaped here or by the SVG writer.
 */
public final class HtmlReport {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private int tableNo;
    private int figureNo;

    private HtmlReport() {
    }

    /** The report. */
    public static String render(ReportContent c) {
        return new HtmlReport().document(c);
    }

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7F) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private String document(ReportContent c) {
        StudyAnalysis a = c.analysis();
        Study s = a.study();
        String title = c.title();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"").append(esc(c.software())).append("\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<main>\n");
        header(c, title);
        contents(c);
        data(c);
        if (c.table1() != null) {
            section("table1", "Patient characteristics");
            table(c.table1());
        }
        survival(c);
        if (a.compared()) {
            comparisons(c);
        }
        if (c.cif() != null) {
            competing(c);
        }
        if (!c.cox().isEmpty()) {
            cox(c);
        }
        guardrails(c);
        methods(c);
        files(c);
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- parts

    private void header(ReportContent c, String title) {
        StudyAnalysis a = c.analysis();
        out.append("<header>\n<p class=\"kicker\">Statistical report \u00B7 ").append(esc(a.study().endpoint()))
                .append("</p>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">")
                .append(esc(c.subtitle())).append("</p>\n");
        long warnings = a.findings().stream().filter(f -> f.diagnostic().severity() == Diagnostic.Severity.WARNING)
                .count();
        long notes = a.findings().size() - warnings;
        out.append("<p class=\"summary ").append(warnings > 0 ? "warn" : "ok").append("\"><a href=\"#guardrails\">")
                .append(warnings == 0 && notes == 0 ? "Guardrails: no finding." : "Guardrails: " + warnings + " warning"
                        + (warnings == 1 ? "" : "s") + " and " + notes + " note" + (notes == 1 ? "" : "s")
                        + " for the authors (section " + sectionOf(c, "guardrails") + ").")
                .append("</a></p>\n</header>\n");
    }

    private static String sectionOf(ReportContent c, String id) {
        List<String> ids = sections(c);
        return Integer.toString(ids.indexOf(id) + 1);
    }

    private static List<String> sections(ReportContent c) {
        List<String> ids = new java.util.ArrayList<>(List.of("data"));
        if (c.table1() != null) {
            ids.add("table1");
        }
        ids.add("survival");
        if (c.analysis().compared()) {
            ids.add("comparisons");
        }
        if (c.cif() != null) {
            ids.add("competing");
        }
        if (!c.cox().isEmpty()) {
            ids.add("cox");
        }
        ids.addAll(List.of("guardrails", "methods", "files"));
        return ids;
    }

    private static final Map<String, String> SECTION_TITLES = Map.of("data", "Data and exclusions", "table1",
            "Patient characteristics", "survival", "Survival", "comparisons", "Comparisons", "competing", "Competing risks", "cox", "Cox regression",
            "guardrails", "Guardrails", "methods", "Methods", "files", "Files");

    private void contents(ReportContent c) {
        out.append("<nav aria-label=\"Contents\"><ol>\n");
        for (String id : sections(c)) {
            out.append("<li><a href=\"#").append(id).append("\">").append(SECTION_TITLES.get(id)).append("</a></li>\n");
        }
        out.append("</ol></nav>\n");
    }

    private int sectionNo;

    private void section(String id, String title) {
        if (sectionNo > 0) {
            out.append("</section>\n");
        }
        sectionNo++;
        out.append("<section id=\"").append(id).append("\">\n<h2><span class=\"no\">").append(sectionNo)
                .append("</span> ").append(esc(title)).append("</h2>\n");
    }

    private void data(ReportContent c) {
        StudyAnalysis a = c.analysis();
        Study s = a.study();
        section("data", "Data and exclusions");
        // flow of rows: the figure, and the table with the first data rows of each reason
        for (ReportFigures.Item f : c.figures()) {
            if (f.id().equals(ReportFigures.FLOW)) {
                figure(f);
            }
        }
        if (!a.flow().excluded().isEmpty() || !a.flow().ineligible().isEmpty()) {
            table(c.flow(), false);
        }
        if (!s.eligibility().isEmpty()) {
            eligibility(a);
        }
        // definitions
        out.append("<h3>Derived variables</h3>\n<dl class=\"defs\">\n");
        Study.Time t = s.time();
        out.append("<dt>Follow-up time</dt><dd>");
        if (t.fromDates()) {
            out.append("from <code>").append(esc(t.from())).append("</code> to <code>").append(esc(t.to()))
                    .append("</code>, in ").append(esc(c.tables().unit()));
            if (t.unit() != org.survkit.io.TimeUnit.DAYS) {
                out.append(" (days / ").append(Formats.given(t.unit().days())).append(")");
            }
        } else {
            out.append("column <code>").append(esc(t.column())).append("</code>").append(t.unitName() == null ? ""
                    : ", in " + esc(t.unitName()));
        }
        if (!Double.isNaN(s.landmark())) {
            out.append("; landmark analysis from ").append(Formats.given(s.landmark())).append(' ')
                    .append(esc(c.tables().unit())).append(" (patients still followed then; time counted from it)");
        }
        if (!Double.isNaN(s.horizon())) {
            out.append("; censored at the horizon of ").append(Formats.given(s.horizon())).append(' ')
                    .append(esc(c.tables().unit()));
        }
        if (t.delayedEntry()) {
            out.append("</dd>\n<dt>Entry time</dt><dd>column <code>").append(esc(t.entry())).append("</code>: each")
                    .append(" patient is at risk over (entry, time] (delayed entry)");
        }
        if (s.weights() != null) {
            out.append("</dd>\n<dt>Case weights</dt><dd>column <code>").append(esc(s.weights())).append("</code>");
        }
        out.append("</dd>\n<dt>Event</dt><dd><code>").append(esc(s.event().column())).append("</code>");
        List<org.survkit.io.EventCode> coding = a.dataset().eventCodes();
        if (coding.isEmpty()) {
            out.append(s.event().values().isEmpty() ? ": the default codes" : " = \u201C"
                    + esc(String.join("\u201D or \u201C", s.event().values())) + "\u201D");
        } else {
            // the coding table: how every value of the column was read, with its rows
            out.append(" as read: ");
            for (int i = 0; i < coding.size(); i++) {
                org.survkit.io.EventCode e = coding.get(i);
                out.append(i == 0 ? "" : ", ").append("\u201C").append(esc(e.value())).append("\u201D \u2192 ")
                        .append(e.meaning() == org.survkit.io.EventCode.Meaning.EVENT ? "<b>event</b>"
                                : esc(e.meaning().word())).append(" (").append(e.count())
                        .append(e.note().isEmpty() || e.note().startsWith("not an event value") ? ""
                                : "; " + esc(e.note())).append(")");
            }
        }
        out.append("</dd>\n");
        if (s.competingRisks() != null) {
            Study.CompetingRisks cr = s.competingRisks();
            out.append("<dt>Cause</dt><dd><code>").append(esc(cr.column())).append("</code>: ");
            List<String> codes = new java.util.ArrayList<>();
            for (double k : a.competing().causes()) {
                codes.add(cr.written(k) + " = " + c.tables().causeLabel(k));
            }
            out.append(esc(String.join(", ", codes))).append("; ").append(esc(cr.written(cr.censorValue())))
                    .append(" = censored").append(Double.isNaN(s.horizon()) ? "" : "; censored at the horizon")
                    .append(" (<code>").append(AnalysisDataset.CAUSE).append("</code>)</dd>\n");
        }
        if (s.grouped()) {
            Study.Groups g = s.groups();
            out.append("<dt>").append(esc(ReportTables.capital(g.name()))).append("</dt><dd>");
            if (g.column() != null) {
                out.append("the values of <code>").append(esc(g.column())).append("</code>");
            } else {
                out.append("the first rule that holds (text compared ignoring case; a missing value makes a comparison")
                        .append(" false):<table class=\"rules\"><tbody>");
                for (Study.GroupRule r : g.rules()) {
                    out.append("<tr><td>").append(esc(r.label())).append("</td><td><code>").append(esc(r.when().text()))
                            .append("</code></td><td class=\"num\">").append(a.flow().groupSizes().getOrDefault(r.label(),
                                    0)).append("</td></tr>");
                }
                if (g.otherwise() != null) {
                    out.append("<tr><td>").append(esc(g.otherwise())).append("</td><td><i>no rule holds</i></td>")
                            .append("<td class=\"num\">").append(a.flow().groupSizes().getOrDefault(g.otherwise(), 0))
                            .append("</td></tr>");
                }
                out.append("</tbody></table>");
            }
            out.append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    /**
     * The eligibility criteria as the study file gives them, with the rows each excludes (a row under the first
     * criterion it fails; an include rule's missing values on lines of their own).
     */
    private void eligibility(StudyAnalysis a) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        a.flow().ineligible().forEach(e -> counts.put(e.reason(), e.count()));
        out.append("<h3>Eligibility criteria</h3>\n<p>Applied before anything is derived, in this order; a row is")
                .append(" analysed only if every include rule holds and no exclude rule does, and an excluded row is")
                .append(" counted under the first criterion it fails (its reason is the column")
                .append(" <code>excluded_by</code> of analysis.csv). A rule that a missing value leaves undecided")
                .append(" excludes the row when it is an include rule (counted on a line of its own) and does not when")
                .append(" it is an exclude rule.</p>\n")
                .append("<table class=\"rules\"><thead><tr><th></th><th>Rule</th><th>Reason for exclusion</th>")
                .append("<th class=\"num\">Rows</th></tr></thead><tbody>");
        for (org.survkit.study.Eligibility.Criterion k : a.study().eligibility().criteria()) {
            out.append("<tr><td>").append(k.include() ? "Include if" : "Exclude if").append("</td><td><code>")
                    .append(esc(k.when().text())).append("</code></td><td>").append(esc(k.reason()))
                    .append("</td><td class=\"num\">").append(counts.getOrDefault(k.reason(), 0)).append("</td></tr>");
            for (StudyAnalysis.Excluded e : a.flow().ineligible()) {
                if (k.isMissingReason(e.reason())) {
                    out.append("<tr><td></td><td></td><td>").append(esc(e.reason())).append("</td><td class=\"num\">")
                            .append(e.count()).append("</td></tr>");
                }
            }
        }
        out.append("</tbody></table>\n");
    }

    private void survival(ReportContent c) {
        section("survival", c.analysis().study().endpoint());
        for (ReportFigures.Item f : c.figures()) {
            if (f.id().equals("km_all")) {
                figure(f);
            }
        }
        table(c.survival());
    }

    private void comparisons(ReportContent c) {
        section("comparisons", "Comparisons");
        table(c.comparisons());
        if (c.pairwise() != null) {
            table(c.pairwise());
        }
        if (c.rmst() != null) {
            table(c.rmst());
        }
        for (ReportFigures.Item f : c.figures()) {
            if (f.id().startsWith("km_pair_") || f.id().equals("log_minus_log")) {
                figure(f);
            }
        }
    }

    private void competing(ReportContent c) {
        section("competing", "Competing risks");
        StudyAnalysis.CompetingRisksOut cr = c.analysis().competing();
        out.append("<p class=\"lead\">Each patient can have one of several events, and the first one ends follow-up")
                .append(" for the others: the cumulative incidence of a cause is the share of patients who have that")
                .append(" event by a time, accounting for the competing events (1 \u2212 Kaplan\u2013Meier of one cause")
                .append(" with the others censored overstates it).</p>\n");
        for (ReportFigures.Item f : c.figures()) {
            if (f.id().equals("cif")) {
                figure(f);
            }
        }
        table(c.cif());
        if (c.gray() != null) {
            table(c.gray());
        }
        if (c.fineGray() != null) {
            table(c.fineGray());
            for (ReportFigures.Item f : c.figures()) {
                if (f.id().equals("forest_finegray")) {
                    figure(f);
                }
            }
        }
        if (cr.fineGray() != null && cr.fineGray().model() == null) {
            out.append("<p>The Fine\u2013Gray model was not fitted: ").append(esc(c.tables().causeLabel(
                    cr.fineGray().cause()))).append(" has no event among its complete cases (see Guardrails).</p>\n");
        }
    }

    private void cox(ReportContent c) {
        section("cox", "Cox regression");
        for (int i = 0; i < c.cox().size(); i++) {
            table(c.cox().get(i));
            ReportTable ph = c.phTests().get(i);
            if (ph != null) {
                table(ph);
            }
            for (ReportFigures.Item f : c.figures()) {
                if (f.id().equals("forest_" + (i + 1))) {
                    figure(f);
                }
            }
        }
    }

    private void guardrails(ReportContent c) {
        section("guardrails", "Guardrails");
        List<Finding> fs = c.analysis().findings();
        out.append("<p class=\"lead\">").append(esc(FindingText.LEAD)).append("</p>\n");
        if (fs.isEmpty()) {
            out.append("<p>").append(esc(FindingText.NO_FINDING)).append("</p>\n");
            return;
        }
        out.append("<ol class=\"findings\">\n");
        for (Finding f : fs) {
            boolean warn = f.diagnostic().severity() == Diagnostic.Severity.WARNING;
            out.append("<li class=\"").append(warn ? "warning" : "note").append("\"><p class=\"ftitle\"><span class=\"sev\">")
                    .append(FindingText.severity(f.diagnostic())).append("</span> ").append(esc(FindingText.title(
                            f.diagnostic().code()))).append(" <span class=\"scope\">").append(esc(f.scope()))
                    .append("</span></p><p>").append(esc(FindingText.message(f.diagnostic()))).append("</p></li>\n");
        }
        out.append("</ol>\n");
    }

    private void methods(ReportContent c) {
        section("methods", "Methods");
        for (String p : c.methods()) {
            out.append("<p>").append(esc(p)).append("</p>\n");
        }
    }

    /** The figure files' formats in words: "SVG, PNG and PDF, 170 mm wide, PNG at 300 dpi". */
    private static String figureFiles(ReportContent c) {
        List<String> written = new ArrayList<>();
        List<String> raster = new ArrayList<>();
        for (org.survkit.plot.FigureFormat f : org.survkit.plot.FigureFormat.values()) {
            if (c.files().stream().anyMatch(n -> n.startsWith("figures/") && n.endsWith("." + f.id()))) {
                written.add(f.name());
                if (f.raster()) {
                    raster.add(f.name());
                }
            }
        }
        Study.Figures f = c.analysis().study().figures();
        String names = written.size() == 1 ? written.get(0) : String.join(", ", written.subList(0, written.size() - 1))
                + " and " + written.get(written.size() - 1);
        return names + ", " + Formats.given(f.widthMm()) + " mm wide" + (raster.isEmpty() ? ""
                : ", " + String.join(" and ", raster) + " at " + f.dpi() + " dpi");
    }

    private void files(ReportContent c) {
        section("files", "Files");
        out.append("<p>Next to this report (all tables as CSV, formatted as shown here, and as JSON with unrounded")
                .append(" numbers; figures as ").append(esc(figureFiles(c))).append("):</p>\n<ul class=\"files\">\n");
        for (String f : c.files()) {
            out.append("<li><code>").append(esc(f)).append("</code></li>\n");
        }
        out.append("</ul>\n<p class=\"small\">Input: ").append(esc(c.analysis().dataset().dataFileName()))
                .append(" (SHA-256 <code>").append(esc(c.dataSha256())).append("</code>).</p>\n");
        out.append("</section>\n");
    }

    // ---------------------------------------------------------------- tables and figures

    private void table(ReportTable t) {
        table(t, true);
    }

    private void table(ReportTable t, boolean numbered) {
        String caption = numbered ? "Table " + (++tableNo) + "." : "";
        boolean[] text = t.textColumns();
        out.append("<figure class=\"table\" id=\"table-").append(esc(t.id())).append("\">\n<figcaption>")
                .append(numbered ? "<b>" + caption + "</b> " : "").append(esc(t.title()))
                .append("</figcaption>\n<div class=\"scroll\"><table>\n<thead><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            out.append("<th").append(text[i] ? " class=\"first\"" : "").append(" scope=\"col\">")
                    .append(esc(t.header().get(i)).replace("\n", "<br>")).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            String kind = t.rowKinds().get(r);
            out.append("<tr").append(kind.isEmpty() ? "" : " class=\"" + kind + "\"").append(">");
            List<String> row = t.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                if (i == 0) {
                    out.append("<th scope=\"row\">").append(esc(row.get(i))).append("</th>");
                } else {
                    ReportTable.Marked cell = t.cell(i, row.get(i));
                    out.append(text[i] ? "<td class=\"text\">" : "<td>").append(esc(cell.text()));
                    if (!cell.mark().isEmpty()) {
                        out.append("<sup>").append(cell.mark()).append("</sup>");
                    }
                    out.append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
        if (!t.footnotes().isEmpty()) {
            out.append("<div class=\"notes\">");
            for (String n : t.footnotes()) {
                ReportTable.Marked note = t.note(n);
                out.append("<p>").append(note.mark().isEmpty() ? "" : "<sup>" + note.mark() + "</sup> ")
                        .append(esc(note.text())).append("</p>");
            }
            out.append("</div>\n");
        }
        out.append("</figure>\n");
    }

    private void figure(ReportFigures.Item f) {
        figureNo++;
        String svg = f.svg();
        int start = svg.indexOf("<svg");
        out.append("<figure class=\"figure\" id=\"figure-").append(esc(f.id())).append("\">\n<div class=\"svg\">")
                .append(start >= 0 ? svg.substring(start) : svg).append("</div>\n<figcaption><b>Figure ")
                .append(figureNo).append(".</b> ").append(esc(f.caption())).append(" <span class=\"files\">(")
                .append(esc("figures/" + f.id() + ".svg")).append(")</span></figcaption>\n</figure>\n");
    }

    private static final String CSS = """
            :root { --ink: #1a1a1a; --muted: #5b5b5b; --rule: #1a1a1a; --light: #d9d9d9; --warn: #b45309;
                    --warnbg: #fff7ed; --note: #1d4ed8; --notebg: #eff6ff; --okbg: #f0fdf4; }
            * { box-sizing: border-box; }
            html { font-size: 15px; }
            body { margin: 0; color: var(--ink); background: #fff;
                   font-family: "Source Sans 3", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
                   line-height: 1.45; font-variant-numeric: tabular-nums; }
            main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 48px; }
            header { border-bottom: 2px solid var(--rule); padding-bottom: 12px; margin-bottom: 8px; }
            .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .78rem; color: var(--muted); margin: 0; }
            h1 { font-family: Georgia, "Times New Roman", "Liberation Serif", serif; font-weight: normal;
                 font-size: 1.85rem; line-height: 1.2; margin: .2em 0 .3em; }
            .meta { color: var(--muted); font-size: .9rem; margin: 0 0 .6em; }
            .summary { margin: .4em 0 0; padding: .45em .8em; border-radius: 3px; font-size: .92rem; }
            .summary a { color: inherit; text-decoration: none; }
            .summary.warn { background: var(--warnbg); border-left: 4px solid var(--warn); }
            .summary.ok { background: var(--okbg); border-left: 4px solid #15803d; }
            nav ol { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 10px 0 0;
                     counter-reset: s; font-size: .9rem; }
            nav li { counter-increment: s; }
            nav li::before { content: counter(s) " "; color: var(--muted); }
            nav a { color: var(--ink); }
            section { margin-top: 34px; }
            h2 { font-family: Georgia, "Times New Roman", "Liberation Serif", serif; font-weight: normal;
                 font-size: 1.35rem; border-bottom: 1px solid var(--light); padding-bottom: 4px; margin: 0 0 14px; }
            h2 .no { color: var(--muted); margin-right: .3em; }
            h3 { font-size: 1rem; margin: 22px 0 6px; }
            p { margin: .5em 0; }
            code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .86em;
                   background: #f4f4f4; padding: 0 3px; border-radius: 2px; }
            figure { margin: 18px 0 24px; }
            figcaption { font-size: .92rem; margin-bottom: 6px; }
            figure.figure figcaption { margin-top: 6px; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; width: 100%; font-size: .88rem; border-top: 1.5px solid var(--rule);
                    border-bottom: 1.5px solid var(--rule); }
            thead th { border-bottom: 1px solid var(--rule); font-weight: 600; text-align: right;
                       vertical-align: bottom; padding: 5px 8px; }
            thead th.first { text-align: left; }
            tbody th { text-align: left; font-weight: normal; padding: 3px 8px; }
            td { text-align: right; padding: 3px 8px; white-space: nowrap; }
            td.text { text-align: left; white-space: normal; }
            sup { font-size: .72em; line-height: 0; }
            tbody tr.variable th { font-weight: 600; }
            tbody tr.level th { padding-left: 24px; }
            tbody tr.variable td { font-weight: normal; }
            .notes { font-size: .8rem; color: var(--muted); margin-top: 5px; }
            .notes p { margin: .15em 0; }
            .svg svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
            .files { color: var(--muted); font-size: .85em; }
            dl.defs { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: .92rem; }
            dl.defs dt { font-weight: 600; }
            dl.defs dd { margin: 0; }
            table.rules { border: none; width: auto; margin-top: 4px; font-size: .86rem; }
            table.rules td { text-align: left; white-space: normal; padding: 2px 10px 2px 0; }
            table.rules td.num { text-align: right; }
            table.rules thead th { text-align: left; font-weight: 600; padding: 2px 10px 2px 0;
                                   border-bottom: 1px solid var(--light); }
            table.rules thead th.num { text-align: right; }
            .lead { color: var(--muted); }
            ol.findings { list-style: none; padding: 0; }
            ol.findings li { border-left: 4px solid var(--note); background: var(--notebg); padding: 6px 12px;
                             margin: 8px 0; border-radius: 2px; }
            ol.findings li.warning { border-left-color: var(--warn); background: var(--warnbg); }
            ol.findings p { margin: .2em 0; font-size: .92rem; }
            .ftitle { font-weight: 600; }
            .sev { text-transform: uppercase; font-size: .72rem; letter-spacing: .06em; color: #fff;
                   background: var(--note); padding: 1px 6px; border-radius: 2px; margin-right: 4px; }
            li.warning .sev { background: var(--warn); }
            .scope { font-weight: normal; color: var(--muted); font-size: .85rem; margin-left: 6px; }
            ul.files { columns: 2; font-size: .88rem; }
            .small { font-size: .82rem; color: var(--muted); }
            @page { size: A4; margin: 15mm 13mm; }
            @media print {
              html { font-size: 10.5pt; }
              .scroll { overflow: visible; }
              table { font-size: 8.3pt; }
              td, thead th, tbody th { padding: 2px 4px; }
              td { white-space: normal; }
              main { max-width: none; padding: 0; }
              nav { display: none; }
              a { color: inherit; text-decoration: none; }
              figure, table, ol.findings li { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              section#files { display: none; }
            }
            """;
}
