package org.survkit.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.survkit.cli.result.CifResult;
import org.survkit.cli.result.CompareResult;
import org.survkit.cli.result.CoxResult;
import org.survkit.cli.result.FineGrayResult;
import org.survkit.cli.result.FirthResult;
import org.survkit.cli.result.KmResult;
import org.survkit.cli.result.OneSampleResult;
import org.survkit.cli.result.PlanResult;
import org.survkit.cli.result.ReconstructResult;
import org.survkit.stats.PValueFormat;

/**
 * How one kind of result is written in each {@link OutputFormat}: text laid out as R prints it, JSON for programs,
 * CSV of the main table. The commands' one way out: a command fills its result record and hands it to its
 * serializer with the format the user chose.
 *
 * @param <R> the kind of result
 */
public final class Serializer<R> {
    /** {@code survkit km}. */
    public static final Serializer<KmResult> KM = new Serializer<>(KmText::of, KmJson::of, KmCsv::of);
    /** {@code survkit compare}. */
    public static final Serializer<CompareResult> COMPARE = new Serializer<>(CompareText::of, tree(CompareJson::of),
            CompareCsv::of);
    /** {@code survkit compare --expected}: the one-sample log-rank test. */
    public static final Serializer<OneSampleResult> ONE_SAMPLE = new Serializer<>(OneSampleText::of,
            tree(OneSampleJson::of), OneSampleCsv::of);
    /** {@code survkit cox}. */
    public static final Serializer<CoxResult> COX = new Serializer<>(CoxText::of, tree(CoxJson::of), CoxCsv::of);
    /** {@code survkit cox --firth}. */
    public static final Serializer<FirthResult> FIRTH = new Serializer<>(FirthText::of, tree(FirthJson::of), FirthCsv::of);
    /** {@code survkit cif}. */
    public static final Serializer<CifResult> CIF = new Serializer<>(CifText::of, tree(CifJson::of), CifCsv::of);
    /** {@code survkit finegray}. */
    public static final Serializer<FineGrayResult> FINE_GRAY = new Serializer<>(FineGrayText::of, tree(FineGrayJson::of),
            FineGrayCsv::of);
    /** {@code survkit plan}: a few numbers, no table, so CSV is the text. */
    public static final Serializer<PlanResult> PLAN = new Serializer<>((r, p) -> PlanText.of(r), tree(PlanJson::of),
            PlanText::of);
    /** {@code survkit reconstruct}: the summary as text or JSON; CSV is the patients, one row each. */
    public static final Serializer<ReconstructResult> RECONSTRUCT = new Serializer<>((r, p) -> ReconstructText.of(r),
            tree(ReconstructJson::of), ReconstructCsv::of);

    private final BiFunction<R, PValueFormat, String> text;
    private final Function<R, JsonDocument> json;
    private final Function<R, String> csv;

    private Serializer(BiFunction<R, PValueFormat, String> text, Function<R, JsonDocument> json,
            Function<R, String> csv) {
        this.text = Objects.requireNonNull(text);
        this.json = Objects.requireNonNull(json);
        this.csv = Objects.requireNonNull(csv);
    }

    /**
     * Renders a result; nothing is written yet, so that a destination is opened only for a complete result.
     *
     * @param result the result
     * @param format the format
     * @return the result in that format, ready to be written
     */
    public Printout print(R result, OutputFormat format) {
        return print(result, format, PValueFormat.R);
    }

    /**
     * Renders a result, its text's P values in a style ({@code --p-style}; JSON and CSV keep full precision).
     *
     * @param result  the result
     * @param format  the format
     * @param pValues how the text prints P values (R's format.pval by default, as R's printout)
     * @return the result in that format, ready to be written
     */
    public Printout print(R result, OutputFormat format, PValueFormat pValues) {
        switch (format) {
            case JSON: {
                JsonDocument document = json.apply(result);
                // streamed: large tables need no intermediate tree or string
                return out -> {
                    try (JsonGenerator g = Json.MAPPER.writer().createGenerator(out)) {
                        document.write(g);
                    }
                    out.write('\n');
                };
            }
            case CSV:
                return text(csv.apply(result));
            default:
                return text(text.apply(result, pValues));
        }
    }

    /**
     * Sets up the JSON writer (Jackson's mapper, the streamed generator, the number formatting) by writing a small
     * document nowhere: the first JSON document of a process costs ~20 ms of class initialization, which a command
     * can pay on a spare core while it reads its data ({@code Main}).
     */
    public static void prepareJson() {
        try (JsonGenerator g = Json.MAPPER.writer().createGenerator(Writer.nullWriter())) {
            JsonDocument.of(Json.object().put("x", 0.5).put("n", 1).put("s", "y")).write(g);
        } catch (IOException e) {
            // nothing is written: an error here is the real output's to report
        }
    }

    private static <R> Function<R, JsonDocument> tree(Function<R, ? extends JsonNode> json) {
        return r -> JsonDocument.of(json.apply(r));
    }

    private static Printout text(String s) {
        return out -> out.write(s);
    }

    /** A result rendered in one format, ready to be written. */
    @FunctionalInterface
    public interface Printout {
        /**
         * Writes the result; the writer stays open.
         *
         * @param out where to write
         * @throws IOException when writing fails
         */
        void writeTo(Writer out) throws IOException;
    }
}
