package org.survkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.survkit.io.CohortSpec;
import org.survkit.io.DataCheck;
import org.survkit.io.EventCode;
import org.survkit.io.Problem;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code survkit check DATA [reading options]}: reads the whole file once and lists every problem at once (line,
 * column, value, what is wrong, what to do) with a profile of each column. Exit 0 when clean, 2 with problems.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a cohort file before analysing it: every problem at once (line, column, value, what is",
            "wrong, what to do) and a profile of each column (type as read, decimal mark, date format, missing",
            "values, the values of coded columns). With --time/--start-date and --event, the follow-up and event",
            "columns are read as an analysis reads them, and the event coding table shows how each status is read.",
            "Exit status 0 when clean, 2 when there are problems."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "Cohort file: .csv/.tsv/.txt, .xlsx, .sav/.zsav, .dta or"
            + " .parquet.")
    Path data;

    @picocli.CommandLine.Mixin
    ReadingOptions reading;

    @Option(names = Flags.TIME, paramLabel = "COL")
    String time;

    @Option(names = Flags.START_DATE, paramLabel = "COL")
    String startDate;

    @Option(names = Flags.END_DATE, paramLabel = "COL")
    String endDate;

    @Option(names = Flags.EVENT, paramLabel = "COL")
    String event;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default text).")
    String format = "text";

    @Override
    public Integer call() {
        CohortSpec s = reading.applyTo(CohortSpec.builder().time(time).startDate(startDate).endDate(endDate)
                .event(event));
        DataCheck.Report r = DataCheck.run(data, s);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.println(json(r).toPrettyString());
        } else if (format.equalsIgnoreCase("text")) {
            text(r, out);
        } else {
            throw new UsageException("--format is text or json, not " + format + ".");
        }
        out.flush();
        return r.clean() ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }

    private static void text(DataCheck.Report r, PrintWriter out) {
        out.println("data: " + r.file() + " \u2014 " + r.rows() + " rows, " + r.columns().size() + " columns");
        out.println();
        out.printf("%-24s %-7s %-8s %-12s %8s  %s%n", "column", "type", "decimal", "date format", "missing", "values");
        for (DataCheck.ColumnProfile c : r.columns()) {
            StringBuilder v = new StringBuilder();
            for (Map.Entry<String, Integer> e : c.values().entrySet()) {
                String shown = e.getKey().length() > 40 ? e.getKey().substring(0, 39) + "\u2026" : e.getKey();
                v.append(v.length() == 0 ? "" : ", ").append('"').append(shown).append("\" ").append(e.getValue());
            }
            if (v.length() == 0) {
                v.append(c.distinct()).append(" distinct");
            }
            out.printf("%-24s %-7s %-8s %-12s %8d  %s%n", c.name(), c.type(), c.decimalMark() == null ? ""
                    : c.decimalMark(), c.dateFormat() == null ? "" : c.dateFormat(), c.missing(), v);
        }
        if (!r.eventCodes().isEmpty()) {
            out.println();
            out.println("event coding:");
            for (EventCode e : r.eventCodes()) {
                out.printf("  %-24s -> %-8s %6d%s%n", "\"" + e.value() + "\"", e.meaning().word(), e.count(),
                        e.note().isEmpty() ? "" : "  (" + e.note() + ")");
            }
        }
        for (String w : r.warnings()) {
            out.println();
            out.println("note: " + w);
        }
        out.println();
        if (r.clean()) {
            out.println("No problems found.");
            return;
        }
        out.println(r.problemCount() + " problem" + (r.problemCount() == 1 ? "" : "s") + ":");
        for (Problem p : r.problems()) {
            out.println("  " + p.message());
        }
        if (r.problemCount() > r.problems().size()) {
            out.println("  \u2026 and " + (r.problemCount() - r.problems().size()) + " more.");
        }
    }

    private static ObjectNode json(DataCheck.Report r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("file", r.file());
        o.put("rows", r.rows());
        o.put("clean", r.clean());
        o.put("problem_count", r.problemCount());
        ArrayNode cols = o.putArray("columns");
        for (DataCheck.ColumnProfile c : r.columns()) {
            ObjectNode j = cols.addObject();
            j.put("name", c.name());
            j.put("type", c.type());
            j.put("decimal_mark", c.decimalMark());
            j.put("date_format", c.dateFormat());
            j.put("missing", c.missing());
            j.put("distinct", c.distinct());
            ObjectNode values = j.putObject("values");
            c.values().forEach(values::put);
        }
        ArrayNode ps = o.putArray("problems");
        for (Problem p : r.problems()) {
            ObjectNode j = ps.addObject();
            j.put("line", p.line());
            j.put("column", p.column());
            j.put("value", p.value());
            j.put("kind", p.kind());
            j.put("what", p.what());
            j.put("fix", p.fix());
            j.put("message", p.message());
        }
        ArrayNode codes = o.putArray("event_coding");
        for (EventCode e : r.eventCodes()) {
            ObjectNode j = codes.addObject();
            j.put("value", e.value());
            j.put("meaning", e.meaning().word());
            j.put("count", e.count());
            j.put("note", e.note());
        }
        ArrayNode w = o.putArray("warnings");
        r.warnings().forEach(w::add);
        return o;
    }
}
