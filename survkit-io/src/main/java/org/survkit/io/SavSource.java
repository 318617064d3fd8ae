package org.survkit.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Streams an SPSS system file ({@code .sav}, or {@code .zsav} with zlib-compressed data) to a
 * {@link RowHandler}: one column per variable (very long strings joined), one row per case, numbered from 1.
 *
 * <p>Values: the system-missing value and values declared user-missing on the variable (discrete values and
 * ranges) are delivered as empty text, and the user-missing ones are counted in one warning per column; a value
 * that has a value label is delivered as its label; a number of a date or date-time format (DATE, ADATE, EDATE,
 * JDATE, SDATE, QYR, MOYR, WKYR, DATETIME, YMDHMS) as its date ({@code yyyy-MM-dd} and the {@link LocalDate});
 * any other number as {@link ExcelCells#number} shows it; a string with its trailing spaces removed. Variable
 * labels go to {@link RowHandler#labels}. The dictionary is read by {@link SavDictionary}, the cases by
 * {@link SavCases} (through {@link ZlibBlocks} for {@code .zsav}).
 */
final class SavSource {

    private static final int HEADER_BYTES = 176;

    private SavSource() {
    }

    /**
     * Reads an SPSS system file.
     *
     * @param file    the file, which exists
     * @param handler where the rows go
     * @param limits  the caps on columns and value length
     * @throws InputException for a damaged or truncated file, or a cap exceeded
     */
    static void read(Path file, RowHandler handler, ReadLimits limits) {
        String name = file.getFileName().toString();
        SourceContext context = SourceContext.records(name, "case");
        long[] at = {-1, -1}; // the case being read (-1 in the dictionary, 0 between), and the cases the file holds
        long position = 0;
        try (ByteReader in = ByteReader.open(file)) {
            if (in.size() == 0) {
                throw new InputException(name + " is empty (0 bytes). Choose the file that holds the data, or "
                        + "save it again from SPSS.");
            }
            try {
                SavDictionary dictionary = SavDictionary.read(in);
                at[1] = dictionary.cases;
                for (String warning : dictionary.warnings) {
                    handler.warn(name + ": " + warning);
                }
                List<SavVariable> variables = dictionary.variables;
                for (SavVariable v : variables) {
                    if (v.lastSlot() >= dictionary.slots) {
                        throw new BadStatFile("variable '" + v.name() + "' lies beyond the end of a case");
                    }
                }
                List<StatColumn> columns = variables.stream().map(SavVariable::column).toList();
                int[] wanted = StatTable.start(context, columns, handler, limits);
                at[0] = 0;
                ByteReader data = dataStream(in, dictionary);
                readCases(new SavCases(data, dictionary), dictionary, columns, wanted, handler, context, limits, at);
            } finally {
                position = in.position();
            }
        } catch (EOFException e) {
            throw truncated(name, at, position, e);
        } catch (BadStatFile e) {
            throw damaged(name, e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw TableSources.unreadable(name, e);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(name, String.valueOf(e.getMessage()), e);
        }
    }

    private static ByteReader dataStream(ByteReader in, SavDictionary dictionary) throws IOException {
        if (dictionary.compression != 2) {
            return in;
        }
        long start = in.position();
        long header = in.int64();
        long trailer = in.int64();
        long trailerLength = in.int64();
        if (header != start || trailer < in.position() || trailerLength < 0) {
            throw new BadStatFile("its zlib data header is wrong");
        }
        if (in.size() - trailer < trailerLength) {
            throw new EOFException();
        }
        return new ByteReader(Channels.newChannel(new ZlibBlocks(in, trailer)), -1).order(in.order());
    }

    private static void readCases(SavCases cases, SavDictionary dictionary, List<StatColumn> columns, int[] wanted,
            RowHandler handler, SourceContext context, ReadLimits limits, long[] at) throws IOException {
        List<SavVariable> variables = dictionary.variables;
        String[] text = new String[wanted.length];
        LocalDate[] dates = new LocalDate[wanted.length];
        long[] userMissing = new long[variables.size()];
        int caseNumber = 0;
        while (!handler.done() && (dictionary.cases < 0 || caseNumber < dictionary.cases)) {
            at[0] = caseNumber + 1L;
            if (!cases.next()) {
                if (dictionary.cases >= 0) {
                    throw new EOFException();
                }
                break;
            }
            caseNumber++;
            for (int s = 0; s < wanted.length; s++) {
                int c = wanted[s];
                SavVariable v = variables.get(c);
                dates[s] = null;
                if (v.isString()) {
                    String value = v.text(cases.data(), dictionary.charset);
                    if (v.isMissing(value)) {
                        userMissing[c]++;
                        value = "";
                    } else {
                        String label = v.textLabel(value);
                        value = label == null ? value : label;
                    }
                    text[s] = StatTable.checked(value, context, caseNumber, v.name(), limits);
                    continue;
                }
                double x = v.number(cases.slots());
                if (x == SavDictionary.SYSMIS || Double.isNaN(x)) {
                    text[s] = "";
                } else if (v.isMissing(x)) {
                    userMissing[c]++;
                    text[s] = "";
                } else {
                    columns.get(c).number(x, false, text, dates, s);
                }
            }
            handler.row(caseNumber, text, dates);
        }
        warnUserMissing(variables, userMissing, wanted, context, handler);
    }

    private static void warnUserMissing(List<SavVariable> variables, long[] counts, int[] wanted,
            SourceContext context, RowHandler handler) {
        boolean[] told = new boolean[counts.length];
        for (int c : wanted) {
            if (counts[c] > 0 && !told[c]) {
                told[c] = true;
                SavVariable v = variables.get(c);
                handler.warn(context.file() + ", column '" + v.name() + "': " + counts[c] + " value"
                        + (counts[c] == 1 ? " declared user-missing in the SPSS file (" + v.missingDescription()
                        + ") was" : "s declared user-missing in the SPSS file (" + v.missingDescription() + ") were")
                        + " read as missing.");
            }
        }
    }

    private static InputException truncated(String name, long[] at, long position, Exception cause) {
        String where;
        if (at[0] == 0) {
            where = "inside its compressed data";
        } else if (at[0] > 0) {
            where = "inside the data at case " + at[0] + (at[1] >= 0 ? " (the file says it holds " + at[1] + " case"
                    + (at[1] == 1 ? "" : "s") + ")" : "");
        } else if (position < HEADER_BYTES) {
            where = "inside its file header";
        } else {
            where = "inside its dictionary (the description of the variables, before the data)";
        }
        return new InputException(name + " ends " + where + ": the file is incomplete, perhaps cut short by an "
                + "interrupted copy, download or save. Copy it again, or save it again from SPSS as .sav (or as "
                + "CSV).", cause);
    }

    private static InputException damaged(String name, String what, Exception cause) {
        return new InputException(name + " could not be read as an SPSS data file (.sav): " + what + ". The file "
                + "may be damaged or of another kind. Open it in SPSS (or PSPP) and save it again as .sav, or save "
                + "the data as CSV.", cause);
    }
}
