package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CovariateColumn} reads a cell string it met before from a small cache (the parallel reader shares the
 * strings of a column with few values): the column, its levels, warnings and problems are those of the same cells
 * each given as a new string (never a cache hit).
 */
class CovariateColumnTest {

    private static final String[][] POOLS = {
        {"0", "1", " 1", "NA", ""},                         // numbers with few values: text kept all along
        {"1.5", "2", "-0", "x", "NA", "1e400", " 2 "},      // numeric until "x", then text (1e400 read as text)
        {"A", "B", "  C", "NA", "1", "1e400"},              // text
        {"1,5", "2", "1.5", "7", ""},                       // read with a decimal comma: "1.5" is a problem
    };

    @Test
    void cellsMetAgainAreReadAsNewStringsAre() {
        Random random = new Random(11);
        for (int pool = 0; pool < POOLS.length; pool++) {
            for (boolean categorical : new boolean[] {false, true}) {
                for (boolean manyNumbersFirst : new boolean[] {false, true}) {
                    List<String> cells = new ArrayList<>();
                    if (manyNumbersFirst) {
                        // more distinct numbers than the column keeps as text: then a non-number is a problem
                        for (int i = 0; i < 300; i++) {
                            cells.add(String.valueOf(i / 8.0));
                        }
                    }
                    for (int i = 0; i < 3000; i++) {
                        cells.add(POOLS[pool][random.nextInt(POOLS[pool].length)]);
                    }
                    DecimalMark mark = pool == 3 ? DecimalMark.COMMA : DecimalMark.POINT;
                    String shared = read(cells, categorical, mark, false);
                    String fresh = read(cells, categorical, mark, true);
                    assertThat(shared).as("pool %d, categorical %s, many numbers first %s", pool, categorical,
                            manyNumbersFirst).isEqualTo(fresh);
                }
            }
        }
    }

    /** Reads the cells as the assembler does (a row kept when every value is read) and describes the outcome. */
    private static String read(List<String> cells, boolean categorical, DecimalMark mark, boolean copies) {
        List<String> problems = new ArrayList<>();
        CovariateColumn c = new CovariateColumn("x", 0, 0, categorical, new MissingCodes(List.of()),
                SourceContext.text("f.csv", ','), 16, (line, column, value, what, fix, kind) ->
                problems.add(line + " " + value + " " + what + " " + kind));
        c.mark(mark);
        StringBuilder results = new StringBuilder();
        int size = 0;
        for (int line = 0; line < cells.size(); line++) {
            String cell = copies ? new String(cells.get(line)) : cells.get(line);
            int result = c.read(cell, line);
            results.append(result);
            if (result == CovariateColumn.READ) {
                if (size % 16 == 0) {
                    c.grow(size + 16);
                }
                c.store(size++);
            }
        }
        Covariate covariate = c.finish(size);
        List<String> warnings = new ArrayList<>();
        c.addWarnings(warnings);
        return results + "\n" + covariate + " " + java.util.Arrays.toString(covariate.numeric()) + " "
                + java.util.Arrays.toString(covariate.text()) + " " + covariate.levels() + "\n" + warnings + "\n"
                + problems;
    }
}
