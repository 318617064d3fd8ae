package org.survkit.report.office;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.report.html.ReportContent;
import org.survkit.report.html.ReportFigures;
import org.survkit.report.tables.FindingText;
import org.survkit.report.tables.ReportTable;

/**
 * Writes report.docx: the report as a Word document for a manuscript (Apache POI XWPF), in the order of
 * report.html — the title, the flow of rows (figure and table of counts and reasons), Table 1, survival, the
 * comparisons, competing risks, the Cox models and the methods paragraphs. Every table is a native Word table with
 * the cells the HTML shows ({@link ReportTable}: nothing is recomputed or re-formatted) in journal style: no
 * vertical rules, a rule above and below the header and one under the last row, the notes under the table with their
 * letters as superscripts. Every figure is embedded as the PNG given (at print resolution) at its physical size on
 * an A4 page with 20 mm margins (text width 170 mm, a journal's double column), with its caption.
 */
public final class DocxReport {

    /** Body and table font: metric-compatible with Liberation Sans where Arial is not installed. */
    static final String FONT = "Arial";
    /** The page's text width in twentieths of a point: A4 (210 mm) less two 20 mm margins = 170 mm. */
    static final int TEXT_WIDTH_TWIPS = 9638;
    private static final int MARGIN_TWIPS = 1134; // 20 mm
    private static final double TEXT_WIDTH_MM = 170;
    private static final int BODY_PT = 10;
    private static final int TABLE_PT = 8;
    private static final int NOTE_PT = 7;
    /** Rules in eighths of a point: 1 pt above and under the table, ½ pt under the header. */
    private static final int RULE = 8;
    private static final int HEADER_RULE = 4;

    private final XWPFDocument doc = new XWPFDocument();
    private int tableNo;
    private int figureNo;

    private DocxReport() {
    }

    /**
     * The document.
     *
     * @param c   the report's content (the same HtmlReport lays out)
     * @param png per figure id its PNG (as {@code figures/ID.png} is written)
     * @param dpi the PNGs' resolution, which gives their physical size
     * @return the .docx file's bytes
     */
    public static byte[] write(ReportContent c, Map<String, byte[]> png, int dpi) {
        DocxReport w = new DocxReport();
        try (XWPFDocument d = w.doc) {
            w.page();
            w.styles();
            w.document(c, png, dpi);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void document(ReportContent c, Map<String, byte[]> png, int dpi) {
        StudyAnalysis a = c.analysis();
        paragraph("Title", c.title(), 0);
        XWPFParagraph meta = paragraph("Normal", "", 0);
        run(meta, c.subtitle(), NOTE_PT + 1).setColor("595959");

        heading("Data and exclusions");
        figures(c, png, dpi, ReportFigures.FLOW::equals);
        table(c.flow());
        if (c.table1() != null) {
            heading("Patient characteristics");
            table(c.table1());
        }
        heading(a.study().endpoint());
        figures(c, png, dpi, "km_all"::equals);
        table(c.survival());
        if (c.comparisons() != null) {
            heading("Comparisons");
            table(c.comparisons());
            tableIfAny(c.pairwise());
            tableIfAny(c.rmst());
            figures(c, png, dpi, id -> id.startsWith("km_pair_") || id.equals("log_minus_log"));
        }
        if (c.cif() != null) {
            heading("Competing risks");
            figures(c, png, dpi, "cif"::equals);
            table(c.cif());
            tableIfAny(c.gray());
            tableIfAny(c.fineGray());
            figures(c, png, dpi, "forest_finegray"::equals);
        }
        if (!c.cox().isEmpty()) {
            heading("Cox regression");
            for (int i = 0; i < c.cox().size(); i++) {
                table(c.cox().get(i));
                tableIfAny(c.phTests().get(i));
                String forest = "forest_" + (i + 1);
                figures(c, png, dpi, forest::equals);
            }
        }
        guardrails(a.findings());
        heading("Methods");
        for (String p : c.methods()) {
            paragraph("Normal", p, BODY_PT);
        }
        XWPFParagraph input = paragraph("Normal", "", 0);
        run(input, "Input: " + a.dataset().dataFileName() + " (SHA-256 " + c.dataSha256() + "); " + c.software()
                + ".", NOTE_PT).setColor("595959");
    }

    /** The Guardrails section, as report.html has it: each finding's severity, title, where, and what to do. */
    private void guardrails(List<StudyAnalysis.Finding> findings) {
        heading("Guardrails");
        paragraph("Normal", FindingText.LEAD, BODY_PT);
        if (findings.isEmpty()) {
            paragraph("Normal", FindingText.NO_FINDING, BODY_PT);
            return;
        }
        int n = 0;
        for (StudyAnalysis.Finding f : findings) {
            XWPFParagraph title = paragraph("Normal", "", 0);
            title.setKeepNext(true);
            XWPFRun severity = run(title, ++n + ". " + FindingText.severity(f.diagnostic()) + ": ", BODY_PT);
            severity.setBold(true);
            if (f.diagnostic().severity() == org.survkit.stats.Diagnostic.Severity.WARNING) {
                severity.setColor("A61B1B");
            }
            run(title, FindingText.title(f.diagnostic().code()), BODY_PT).setBold(true);
            run(title, " (" + f.scope() + ")", BODY_PT).setColor("595959");
            paragraph("Normal", FindingText.message(f.diagnostic()), BODY_PT);
        }
    }

    // ---------------------------------------------------------------- page and styles

    private void page() {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 in twips
        size.setH(BigInteger.valueOf(16838));
        CTPageMar m = sect.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN_TWIPS);
        m.setTop(margin);
        m.setBottom(margin);
        m.setLeft(margin);
        m.setRight(margin);
        m.setHeader(BigInteger.valueOf(567));
        m.setFooter(BigInteger.valueOf(567));
    }

    /** Paragraph styles, so that Word's navigation pane and its own captions find the headings. */
    private void styles() {
        XWPFStyles styles = doc.createStyles();
        style(styles, "Normal", "Normal", BODY_PT, false, -1, 0, 120);
        style(styles, "Title", "Title", 16, true, -1, 0, 60);
        style(styles, "Heading1", "heading 1", 13, true, 0, 280, 100);
        style(styles, "Caption", "caption", BODY_PT - 1, false, -1, 200, 80);
        style(styles, "TableNote", "Table note", NOTE_PT, false, -1, 0, 0);
        style(styles, "TableText", "Table text", TABLE_PT, false, -1, 0, 0);
    }

    private static void style(XWPFStyles styles, String id, String name, int points, boolean bold, int outline,
            int before, int after) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        if (!id.equals("Normal")) {
            s.addNewBasedOn().setVal("Normal");
            s.addNewNext().setVal("Normal");
        }
        s.addNewQFormat();
        CTPPrGeneral p = s.addNewPPr();
        p.addNewSpacing().setBefore(BigInteger.valueOf(before));
        p.getSpacing().setAfter(BigInteger.valueOf(after));
        if (outline >= 0) {
            p.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            p.addNewKeepNext();
        }
        CTRPr r = s.addNewRPr();
        var fonts = r.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        r.addNewSz().setVal(BigInteger.valueOf(2L * points));
        r.addNewSzCs().setVal(BigInteger.valueOf(2L * points));
        if (bold) {
            r.addNewB();
        }
        styles.addStyle(new XWPFStyle(s));
    }

    private XWPFParagraph paragraph(String style, String text, int points) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        if (!text.isEmpty()) {
            run(p, text, points);
        }
        return p;
    }

    private void heading(String text) {
        paragraph("Heading1", text, 0);
    }

    /** A run of text in the body font; points 0 keeps the paragraph style's size. */
    private static XWPFRun run(XWPFParagraph p, String text, int points) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        if (points > 0) {
            r.setFontSize(points);
        }
        r.setText(text);
        return r;
    }

    // ---------------------------------------------------------------- tables

    private void tableIfAny(ReportTable t) {
        if (t != null) {
            table(t);
        }
    }

    private void table(ReportTable t) {
        XWPFParagraph caption = paragraph("Caption", "", 0);
        caption.setKeepNext(true);
        run(caption, "Table " + (++tableNo) + ". ", 0).setBold(true);
        run(caption, t.title(), 0);

        int columns = t.header().size();
        boolean[] text = t.textColumns();
        XWPFTable table = doc.createTable(t.rows().size() + 1, columns);
        table.setWidth("100%");
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setTopBorder(XWPFBorderType.SINGLE, RULE, 0, "000000");
        table.setBottomBorder(XWPFBorderType.SINGLE, RULE, 0, "000000");
        table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setCellMargins(20, 80, 20, 80);
        int[] widths = widths(t);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }

        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int i = 0; i < columns; i++) {
            XWPFTableCell cell = header.getCell(i);
            width(cell, widths[i]);
            CTBorder under = tcPr(cell).addNewTcBorders().addNewBottom();
            under.setVal(STBorder.SINGLE);
            under.setSz(BigInteger.valueOf(HEADER_RULE));
            under.setColor("000000");
            String[] lines = t.header().get(i).split("\n");
            XWPFParagraph p = cellParagraph(cell, text[i] ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT);
            for (int k = 0; k < lines.length; k++) {
                XWPFRun r = run(p, lines[k], TABLE_PT);
                r.setBold(true);
                if (k < lines.length - 1) {
                    r.addBreak();
                }
            }
        }
        for (int rIdx = 0; rIdx < t.rows().size(); rIdx++) {
            List<String> row = t.rows().get(rIdx);
            String kind = t.rowKinds().get(rIdx);
            XWPFTableRow tr = table.getRow(rIdx + 1);
            tr.setCantSplitRow(true);
            for (int i = 0; i < columns; i++) {
                XWPFTableCell cell = tr.getCell(i);
                width(cell, widths[i]);
                XWPFParagraph p = cellParagraph(cell, text[i] ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT);
                ReportTable.Marked m = i == 0 ? new ReportTable.Marked(row.get(0), "") : t.cell(i, row.get(i));
                XWPFRun r = run(p, m.text(), TABLE_PT);
                if (i == 0 && kind.equals("variable")) {
                    r.setBold(true);
                }
                if (i == 0 && kind.equals("level")) {
                    p.setIndentationLeft(227); // 4 mm
                }
                if (!m.mark().isEmpty()) {
                    superscript(p, m.mark(), TABLE_PT);
                }
            }
        }
        for (String n : t.footnotes()) {
            ReportTable.Marked note = t.note(n);
            XWPFParagraph p = paragraph("TableNote", "", 0);
            if (!note.mark().isEmpty()) {
                superscript(p, note.mark(), NOTE_PT);
                run(p, " ", NOTE_PT);
            }
            run(p, note.text(), NOTE_PT);
        }
        paragraph("Normal", "", 0).setSpacingAfter(60);
    }

    private static void superscript(XWPFParagraph p, String letter, int points) {
        XWPFRun r = run(p, letter, points);
        r.setSubscript(VerticalAlign.SUPERSCRIPT);
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment align) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle("TableText");
        p.setAlignment(align);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        return p;
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    private static void width(XWPFTableCell cell, int twips) {
        CTTcPr pr = tcPr(cell);
        var w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(twips));
    }

    /** Twips per character of the tables' 8 pt text (an average digit is about 0.55 em), and a cell's margins. */
    private static final double CHAR_TWIPS = 90;
    private static final double CELL_MARGIN_CHARS = 2;

    /**
     * Column widths that add up to the text width: each column at least as wide as its longest word (so that a word
     * never breaks inside), the rest of the width shared in proportion to how much more the column's longest line
     * wants; when even the words do not fit, in proportion to them.
     */
    static int[] widths(ReportTable t) {
        int n = t.header().size();
        double[] need = new double[n];
        double[] min = new double[n];
        for (int i = 0; i < n; i++) {
            for (String line : t.header().get(i).split("\n")) {
                measure(line, i, need, min);
            }
            for (List<String> row : t.rows()) {
                measure(row.get(i), i, need, min);
            }
        }
        double available = TEXT_WIDTH_TWIPS / CHAR_TWIPS;
        double sumNeed = 0;
        double sumMin = 0;
        for (int i = 0; i < n; i++) {
            need[i] = Math.min(need[i], i == 0 ? 48 : 40) + CELL_MARGIN_CHARS;
            min[i] = Math.min(min[i] + CELL_MARGIN_CHARS, need[i]);
            sumNeed += need[i];
            sumMin += min[i];
        }
        double[] chars = new double[n];
        for (int i = 0; i < n; i++) {
            chars[i] = sumNeed <= available ? need[i] : sumMin >= available ? min[i]
                    : min[i] + (need[i] - min[i]) * (available - sumMin) / (sumNeed - sumMin);
        }
        double total = java.util.Arrays.stream(chars).sum();
        int[] w = new int[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            w[i] = (int) Math.floor(TEXT_WIDTH_TWIPS * chars[i] / total);
            used += w[i];
        }
        w[0] += TEXT_WIDTH_TWIPS - used;
        return w;
    }

    private static void measure(String text, int column, double[] need, double[] min) {
        need[column] = Math.max(need[column], text.length());
        for (String word : text.split(" ")) {
            min[column] = Math.max(min[column], word.length());
        }
    }

    // ---------------------------------------------------------------- figures

    private void figures(ReportContent c, Map<String, byte[]> png, int dpi, java.util.function.Predicate<String> which) {
        for (ReportFigures.Item f : c.figures()) {
            if (which.test(f.id()) && png.containsKey(f.id())) {
                figure(f, png.get(f.id()), dpi);
            }
        }
    }

    private void figure(ReportFigures.Item f, byte[] png, int dpi) {
        XWPFParagraph p = paragraph("Normal", "", 0);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        p.setSpacingBefore(200);
        int[] px = PngSize.pixels(png);
        double widthMm = px[0] * 25.4 / dpi;
        double heightMm = px[1] * 25.4 / dpi;
        double scale = Math.min(1, TEXT_WIDTH_MM / widthMm); // a figure wider than the text shrinks to it
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png), PictureType.PNG, f.id() + ".png",
                    (int) Math.round(widthMm * scale * Units.EMU_PER_CENTIMETER / 10),
                    (int) Math.round(heightMm * scale * Units.EMU_PER_CENTIMETER / 10));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("cannot embed figure " + f.id() + ": " + e.getMessage(), e);
        }
        XWPFParagraph caption = paragraph("Caption", "", 0);
        caption.setSpacingBefore(60);
        run(caption, "Figure " + (++figureNo) + ". ", 0).setBold(true);
        run(caption, f.caption(), 0);
    }
}
