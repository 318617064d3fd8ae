package org.survkit.study.file;

import org.survkit.study.Study;
import org.survkit.study.Values;
import org.survkit.study.Comparisons;
import org.survkit.study.Eligibility;
import org.survkit.study.Estimates;
import org.survkit.study.VariableType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.study.Study.CoxSpec;
import org.survkit.study.Study.GroupRule;
import org.survkit.study.Study.Table1Item;
import org.survkit.study.Table1Style;
import org.survkit.study.key.StudyKeys;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.logrank.Weighting;

/**
 * Writes a {@link Study} as a study file that {@link StudyReader} reads back to the same study
 * (every key written explicitly, texts double-quoted), headed by a comment that says how it was
 * made and how to re-run it.
 */
public final class StudyWriter {

    /** First line of every study file survkit writes (so that it knows it may overwrite it). */
    public static final String MARKER = "# Written by survkit report";

    private final StringBuilder out = new StringBuilder();

    private StudyWriter() {
    }

    /**
     * The study file text.
     *
     * @param study   the study
     * @param comment lines to put in the header comment (e.g. the command that made it), may be empty
     */
    public static String write(Study study, List<String> comment) {
        return new StudyWriter().study(study, comment);
    }

    private String study(Study s, List<String> comment) {
        out.append(MARKER).append(". Re-run with: survkit report ").append(commentText(s.fileName()))
                .append('\n');
        for (String c : comment) {
            out.append("# ").append(commentText(c)).append('\n');
        }
        out.append("# Reference of the keys: survkit-report/README.md, \"Study file\".\n\n");
        if (s.title() != null) {
            kv("title", q(s.title()));
        }
        out.append("data:\n");
        kv2("path", q(path(s.data().path())));
        if (s.data().sheet() != null) {
            kv2("sheet", q(s.data().sheet()));
        }
        if (!s.data().na().isEmpty()) {
            kv2("na", list(s.data().na()));
        }
        if (s.data().dateFormat() != null) {
            kv2("date_format", q(s.data().dateFormat()));
        }
        if (s.data().decimal() != org.survkit.io.DecimalMark.AUTO) {
            kv2("decimal", q(s.data().decimal().id()));
        }
        if (s.data().invalid() != org.survkit.io.InvalidRows.STOP) {
            kv2("invalid", s.data().invalid().id());
        }
        Study.Time t = s.time();
        out.append("time:\n");
        if (t.fromDates()) {
            kv2("from", q(t.from()));
            kv2("to", q(t.to()));
            kv2("unit", t.unit().name().toLowerCase(Locale.ROOT));
        } else {
            kv2("column", q(t.column()));
            if (t.unitName() != null) {
                kv2("unit", t.unitName());
            }
        }
        if (t.entry() != null) {
            kv2("entry", q(t.entry()));
        }
        out.append("event:\n");
        kv2("column", q(s.event().column()));
        if (s.event().values().size() == 1 && !s.event().value().contains(",")) {
            kv2("value", q(s.event().value()));
        } else if (!s.event().values().isEmpty()) {
            kv2("value", list(s.event().values()));
        }
        if (!s.event().censorValues().isEmpty()) {
            kv2("censor_value", list(s.event().censorValues()));
        }
        if (s.groups() != null) {
            Study.Groups g = s.groups();
            out.append("groups:\n");
            kv2("name", q(g.name()));
            if (g.column() != null) {
                kv2("column", q(g.column()));
            } else {
                out.append("  rules:\n");
                for (GroupRule r : g.rules()) {
                    out.append("    - label: ").append(q(r.label())).append('\n');
                    out.append("      when: ").append(q(r.when().text())).append('\n');
                }
                if (g.otherwise() != null) {
                    kv2("otherwise", q(g.otherwise()));
                }
            }
            if (!g.order().isEmpty()) {
                kv2("order", list(g.order()));
            }
        }
        for (List<Eligibility.Criterion> list : List.of(s.eligibility().include(), s.eligibility().exclude())) {
            if (!list.isEmpty()) {
                out.append(list.get(0).list()).append(":\n");
                for (Eligibility.Criterion c : list) {
                    out.append("  - when: ").append(q(c.when().text())).append('\n');
                    out.append("    reason: ").append(q(c.reason())).append('\n');
                }
            }
        }
        kv("endpoint", q(s.endpoint()));
        if (!Double.isNaN(s.horizon())) {
            kv("horizon", Values.given(s.horizon()));
        }
        if (!Double.isNaN(s.landmark())) {
            kv("landmark", Values.given(s.landmark()));
        }
        double[] at = s.at();
        StringBuilder a = new StringBuilder("[");
        for (int i = 0; i < at.length; i++) {
            a.append(i == 0 ? "" : ", ").append(Values.given(at[i]));
        }
        kv("at", a.append(']').toString());
        Estimates est = s.estimates();
        if (!Double.isNaN(est.tau())) {
            kv("tau", Values.given(est.tau()));
        }
        if (s.strata() != null) {
            kv("strata", q(s.strata()));
        }
        if (s.weights() != null) {
            kv("weights", q(s.weights()));
        }
        if (!s.table1().isEmpty() || !s.output().table1Style().isDefault()) {
            // the plain list of variables, or a block with the table-wide choices when one is not the default
            String in = "";
            out.append("table1:\n");
            if (!s.output().table1Style().isDefault()) {
                Table1Style ts = s.output().table1Style();
                kv2("p_values", ts.pValues() ? "yes" : "no");
                kv2("percent", q(ts.percent().word()));
                kv2("continuous", ts.continuous().word());
                out.append("  variables:").append(s.table1().isEmpty() ? " []" : "").append('\n');
                in = "  ";
            }
            for (Table1Item item : s.table1()) {
                out.append(in).append("  - column: ").append(q(item.column())).append('\n');
                if (item.label() != null) {
                    out.append(in).append("    label: ").append(q(item.label())).append('\n');
                }
                out.append(in).append("    type: ").append(item.type().name().toLowerCase(Locale.ROOT)).append('\n');
                if (item.type() != VariableType.CATEGORICAL) {
                    out.append(in).append("    summary: ").append(item.summary().name().toLowerCase(Locale.ROOT))
                            .append('\n');
                }
                if (!item.levels().isEmpty()) {
                    out.append(in).append("    levels: ").append(list(item.levels())).append('\n');
                }
            }
        }
        Comparisons c = s.comparisons();
        out.append("comparisons:\n");
        kv2("test", c.test().id());
        if (c.test() == Weighting.FLEMING_HARRINGTON) {
            kv2("rho", Values.given(c.rho()));
            kv2("gamma", Values.given(c.gamma()));
        }
        kv2("pairwise", c.pairwise() ? "yes" : "no");
        kv2("adjust", c.adjust().id());
        kv2("trend", c.trend() ? "yes" : "no");
        if (c.scores().length > 0) {
            StringBuilder sc = new StringBuilder("[");
            double[] v = c.scores();
            for (int i = 0; i < v.length; i++) {
                sc.append(i == 0 ? "" : ", ").append(Values.given(v[i]));
            }
            kv2("scores", sc.append(']').toString());
        }
        if (c.conservative()) {
            kv2("conservative", "yes");
        }
        kv2("rmst", c.rmst().word());
        if (!c.hazardRatios().equals(StudyKeys.HAZARD_RATIOS.defaultValue())) {
            kv2("hazard_ratios", "[" + String.join(", ", c.hazardRatios().stream().map(h -> h.id()).toList()) + "]");
        }
        if (!s.cox().isEmpty()) {
            out.append("cox:\n");
            for (CoxSpec m : s.cox()) {
                out.append("  - name: ").append(q(m.name())).append('\n');
                out.append("    covariates: ").append(list(m.covariates())).append('\n');
                if (!m.categorical().isEmpty()) {
                    out.append("    categorical: ").append(list(m.categorical())).append('\n');
                }
                if (!m.reference().isEmpty()) {
                    out.append("    reference:\n");
                    for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.reference()).entrySet()) {
                        out.append("      ").append(q(e.getKey())).append(": ").append(q(e.getValue())).append('\n');
                    }
                }
                out.append("    firth: ").append(m.firth().name().toLowerCase(Locale.ROOT)).append('\n');
                out.append("    ties: ").append(m.ties().id()).append('\n');
                if (m.init() != null) {
                    out.append("    init: [").append(String.join(", ", java.util.Arrays.stream(m.init())
                            .mapToObj(Values::given).toList())).append("]\n");
                }
                if (m.iterMax() != StudyKeys.ITER_MAX.defaultValue()) {
                    out.append("    iter_max: ").append(m.iterMax()).append('\n');
                }
                if (m.zphTransform() != StudyKeys.ZPH_TRANSFORM.defaultValue()) {
                    out.append("    zph_transform: ").append(m.zphTransform().id()).append('\n');
                }
                if (m.concordance() != StudyKeys.CONCORDANCE.defaultValue()) {
                    out.append("    concordance: ").append(m.concordance().id()).append('\n');
                }
                if (m.cluster() != null) {
                    out.append("    cluster: ").append(q(m.cluster())).append('\n');
                }
                if (m.offset() != null) {
                    out.append("    offset: ").append(q(m.offset())).append('\n');
                }
            }
        }
        if (s.competingRisks() != null) {
            Study.CompetingRisks cr = s.competingRisks();
            out.append("competing_risks:\n");
            kv2("column", q(cr.column()));
            kv2("censor_value", cr.words() ? q(cr.censorWord()) : Values.given(cr.censorValue()));
            if (!cr.causes().isEmpty()) {
                out.append("  causes:\n");
                for (Study.Cause k : cr.causes()) {
                    out.append("    ").append(cr.words() ? q(k.word()) : Values.given(k.code())).append(": ")
                            .append(q(k.label())).append('\n');
                }
            }
            if (!Double.isNaN(cr.cause())) {
                kv2("cause", cr.words() ? q(cr.written(cr.cause())) : Values.given(cr.cause()));
            }
            if (cr.fineGray() != null) {
                Study.FineGraySpec f = cr.fineGray();
                out.append("  finegray:\n");
                out.append("    covariates: ").append(list(f.covariates())).append('\n');
                if (!f.categorical().isEmpty()) {
                    out.append("    categorical: ").append(list(f.categorical())).append('\n');
                }
                if (!f.reference().isEmpty()) {
                    out.append("    reference:\n");
                    for (Map.Entry<String, String> e : new java.util.TreeMap<>(f.reference()).entrySet()) {
                        out.append("      ").append(q(e.getKey())).append(": ").append(q(e.getValue())).append('\n');
                    }
                }
            }
            kv2("plot", cr.plot().name().toLowerCase(Locale.ROOT));
            if (cr.rho() != 0) {
                kv2("rho", Values.given(cr.rho()));
            }
            if (cr.strata() != null) {
                kv2("strata", q(cr.strata()));
            }
        }
        kv("output", q(path(s.output().folder())));
        Study.Figures f = s.figures();
        out.append("figures:\n");
        kv2("confidence_bands", f.confidenceBands() ? "yes" : "no");
        kv2("median_lines", f.medianLines() ? "yes" : "no");
        kv2("censor_marks", f.censorMarks().name().toLowerCase(Locale.ROOT));
        kv2("risk_table", f.riskTable() ? "yes" : "no");
        kv2("scale", f.scale().name().toLowerCase(Locale.ROOT));
        kv2("formats", "[" + String.join(", ", f.formats().stream().map(org.survkit.plot.FigureFormat::id).toList())
                + "]");
        kv2("width_mm", Values.given(f.widthMm()));
        kv2("dpi", Integer.toString(f.dpi()));
        if (f.timeLabel() != null) {
            kv2("time_label", q(f.timeLabel()));
        }
        if (!f.colors().isEmpty()) {
            kv2("colors", "[" + String.join(", ", f.colors().stream().map(StudyWriter::q).toList()) + "]");
        }
        kv2("line_types", f.lineTypes().word());
        kv2("legend", f.legend().word());
        kv("preset", est.preset().id());
        kv("conf_type", est.confType().rName());
        kv("conf_level", Values.given(est.confLevel()));
        kv("median_rule", est.medianRule().id());
        if (s.output().pValueDigits() != 3) {
            kv("p_digits", Integer.toString(s.output().pValueDigits()));
        }
        if (s.output().pStyle() != StudyKeys.P_STYLE.defaultValue()) {
            kv("p_style", s.output().pStyle().id());
        }
        if (s.output().docx()) {
            kv("docx", "yes");
        }
        return out.toString();
    }

    private void kv(String k, String v) {
        out.append(k).append(": ").append(v).append('\n');
    }

    private void kv2(String k, String v) {
        out.append("  ").append(k).append(": ").append(v).append('\n');
    }

    private static String path(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(q(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /**
     * The text of one comment line: every character that would end a YAML comment (line feed, carriage return,
     * U+0085, U+2028, U+2029) or that YAML does not allow in a file (other control characters, U+FEFF, U+FFFE,
     * U+FFFF, a lone surrogate) becomes a space, so nothing after {@code #} can become a key.
     */
    public static String commentText(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(cp == '\t' || printable(cp) ? cp : ' '));
        return sb.toString();
    }

    /**
     * A YAML double-quoted scalar. Escaped: the quote and backslash; every YAML line break (line feed, carriage
     * return, U+0085, U+2028, U+2029), which a reader would otherwise fold into a space; and every character YAML
     * does not allow raw (C0 and C1 controls, DEL, U+FEFF, U+FFFE, U+FFFF). A lone surrogate, which no UTF-8
     * file can hold, becomes U+FFFD.
     */
    public static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (printable(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(String.format(Locale.ROOT, cp <= 0xFF ? "\\x%02X" : "\\u%04X", cp));
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /** YAML's printable characters (a lone surrogate is not one), without its line breaks and the BOM. */
    private static boolean printable(int cp) {
        if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) {
            return false;
        }
        return cp >= 0x20 && cp <= 0x7E || cp >= 0xA0 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000;
    }
}
