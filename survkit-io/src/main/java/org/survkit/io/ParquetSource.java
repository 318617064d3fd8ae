package org.survkit.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams an Apache Parquet file to a {@link RowHandler}: one column per top-level field, one row per record,
 * numbered from 1 across the row groups. Values become text as {@link ParquetValues} says (null → empty, dates
 * as {@code yyyy-MM-dd} with their {@link LocalDate}).
 *
 * <p>Flat files only: a field that is a group, a list or a map can be in the file, but a column the handler
 * wants must be flat, else one message names it. Read: every physical type, the logical and converted types
 * (STRING, DATE, TIMESTAMP, TIME, DECIMAL, INTEGER, UUID), data pages v1 and v2, dictionaries, the encodings of
 * {@link ParquetPages}, and the codecs of {@link ParquetCodecs}. The footer is read by {@link ParquetFooter}; only
 * the chunks of the wanted columns are read, one row group at a time. Our own reader of the format, written from
 * the specification (parquet-format), because Apache's parquet-hadoop still needs Hadoop's classes to run (see
 * README, "Dependencies and why").
 */
final class ParquetSource {

    private ParquetSource() {
    }

    /**
     * Tells whether bytes start with {@code PAR1}.
     *
     * @param head the first bytes of a file
     * @return true for a Parquet file's magic
     */
    static boolean startsWithMagic(byte[] head) {
        if (head.length < ParquetFooter.MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ParquetFooter.MAGIC.length; i++) {
            if (head[i] != ParquetFooter.MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a Parquet file.
     *
     * @param file    the file, which exists
     * @param handler where the rows go
     * @param limits  the caps on columns and value length
     * @throws InputException for a file that is not Parquet, damaged, truncated, nested where a wanted column is,
     *                        of an unsupported codec or encoding, or beyond a cap
     */
    static void read(Path file, RowHandler handler, ReadLimits limits) {
        String name = file.getFileName().toString();
        SourceContext context = SourceContext.records(name, "row");
        String[] column = {null};
        try (ByteReader in = ByteReader.open(file)) {
            if (in.size() == 0) {
                throw new InputException(name + " is empty (0 bytes). Choose the file that holds the data, or "
                        + "write it again.");
            }
            ParquetFooter footer = ParquetFooter.read(in, name);
            List<StatColumn> names = new ArrayList<>();
            for (ParquetColumn c : footer.columns()) {
                names.add(new StatColumn(c.name(), "", Map.of(), StatColumn.Dates.NONE));
            }
            int[] wanted = StatTable.start(context, names, handler, limits);
            for (int w : wanted) {
                check(footer.columns().get(w), footer, name);
            }
            int row = 0;
            ParquetPages.Unpacked unpacked = new ParquetPages.Unpacked(limits.maxUnpackedBytes());
            for (ParquetFooter.RowGroup group : footer.rowGroups()) {
                if (handler.done()) {
                    return;
                }
                if (group.rows() > Integer.MAX_VALUE - 8L - row) {
                    throw new InputException(name + " holds more than " + ReadLimits.count(Integer.MAX_VALUE - 8L)
                            + " rows, more than survkit reads from one file. Keep the rows the study needs.");
                }
                int rows = (int) group.rows();
                if (!unpacked.add(8L * rows * wanted.length)) {
                    throw tooLarge(name, limits);
                }
                ParquetValues[] values = new ParquetValues[wanted.length];
                for (int s = 0; s < wanted.length; s++) {
                    ParquetColumn c = footer.columns().get(wanted[s]);
                    column[0] = c.name();
                    ParquetFooter.Chunk chunk = group.chunks().get(c.leaf());
                    in.seek(chunk.start());
                    in.checkLength(chunk.length(), "a column chunk");
                    values[s] = ParquetPages.decode(c, chunk.codec(), in.bytes(chunk.length(), "a column chunk"),
                            rows, unpacked);
                }
                column[0] = null;
                row = deliver(values, wanted, footer.columns(), rows, row, handler, context, limits);
            }
        } catch (EOFException e) {
            throw truncated(name, e);
        } catch (ParquetPages.TooLarge e) {
            throw tooLarge(name, limits);
        } catch (ParquetPages.UnreadablePart e) {
            throw new InputException(name + ", column '" + column[0] + "': " + e.getMessage() + ". Write the file "
                    + "again with the usual settings (e.g. pandas' or arrow's defaults), or export the data as CSV.",
                    e);
        } catch (BadStatFile e) {
            throw damaged(name, column[0], e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw TableSources.unreadable(name, e);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(name, column[0], String.valueOf(e.getMessage()), e);
        }
    }

    private static int deliver(ParquetValues[] values, int[] wanted, List<ParquetColumn> columns, int rows, int before,
            RowHandler handler, SourceContext context, ReadLimits limits) {
        String[] text = new String[wanted.length];
        LocalDate[] dates = new LocalDate[wanted.length];
        int row = before;
        for (int r = 0; r < rows && !handler.done(); r++) {
            row++;
            for (int s = 0; s < wanted.length; s++) {
                values[s].deliver(r, text, dates, s);
                if (text[s].length() > limits.maxCellChars()) {
                    throw limits.cellTooLong(context.at(row, columns.get(wanted[s]).name()));
                }
            }
            handler.row(row, text, dates);
        }
        return before + rows;
    }

    /** Refuses a wanted column that is nested, of a type survkit does not read, or compressed unreadably. */
    private static void check(ParquetColumn c, ParquetFooter footer, String name) {
        if (c.nested() != null) {
            throw new InputException(name + ", column '" + c.name() + "': the column is nested (" + c.nested()
                    + "), and survkit reads flat columns only: one value per row. Write the file with that column "
                    + "flattened into plain columns (e.g. one column per field), or leave it out of the analysis.");
        }
        if (c.meaning() == ParquetColumn.Meaning.UNREADABLE) {
            throw new InputException(name + ", column '" + c.name() + "': its type (a half-precision number, an "
                    + "interval or BSON) is not one survkit reads. Convert it to a number, a date or text, or leave "
                    + "the column out of the analysis.");
        }
        for (ParquetFooter.RowGroup group : footer.rowGroups()) {
            int codec = group.chunks().get(c.leaf()).codec();
            if (!ParquetCodecs.readable(codec)) {
                throw new InputException(name + ", column '" + c.name() + "': it is compressed with "
                        + ParquetCodecs.name(codec) + ", which survkit does not read. Write the file again with "
                        + "SNAPPY, GZIP, ZSTD or no compression (e.g. pandas: to_parquet(..., compression='zstd'); "
                        + "R arrow: write_parquet(..., compression = \"zstd\")), or export the data as CSV.");
            }
        }
    }

    private static InputException tooLarge(String name, ReadLimits limits) {
        return new InputException(name + " unpacks to more than " + ReadLimits.megabytes(limits.maxUnpackedBytes())
                + ", more than survkit reads from one file here. Write a file with only the columns and rows the "
                + "analysis needs, or analyse it with the command line.");
    }

    private static InputException truncated(String name, Exception cause) {
        return new InputException(name + " ends early: a Parquet file ends with a description of its columns "
                + "(the footer) and the bytes 'PAR1', and this one is incomplete, perhaps cut short by an interrupted "
                + "copy, download or save. Copy it again, or write it again (or export the data as CSV).", cause);
    }

    private static InputException damaged(String name, String column, String what, Exception cause) {
        return new InputException(name + (column == null ? "" : ", column '" + column + "'") + " could not be read "
                + "as a Parquet file: " + what + ". The file may be damaged or of another kind. Write it again, or "
                + "export the data as CSV.", cause);
    }
}
