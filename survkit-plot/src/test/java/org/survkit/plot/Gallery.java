package org.survkit.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every example figure as SVG and PNG into a folder: {@code Gallery DIR [DPI]}. */
final class Gallery {

    private Gallery() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/gallery");
        int dpi = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Files.createDirectories(dir);
        write(dir, "km-lung-sex", Examples.lungBySex(), dpi);
        write(dir, "km-lung-sex-ci-median", Examples.lungBySex().withConfidenceBands(true).withMedianLines(true)
                .with(SurvivalScale.PERCENT), dpi);
        write(dir, "km-veteran-celltype", Examples.veteranByCelltype(), dpi);
        write(dir, "km-veteran-adeno-large", Examples.veteranPair("adeno", "large"), dpi);
        write(dir, "km-gbsg-hormon", Examples.gbsgByHormon().withConfidenceBands(true), dpi);
        write(dir, "forest-lung-cox", Examples.lungForest(), dpi);
        write(dir, "lml-veteran-celltype", LogMinusLogPlot.of(Examples.veteranCurves()).withLegendTitle("Cell type")
                .withTimeUnit("days"), dpi);
        write(dir, "lml-lung-sex", Examples.lungLogMinusLog(), dpi);
        write(dir, "km-veteran-85mm", Examples.veteranByCelltype().withWidth(85).withMedianLines(true), dpi);
        write(dir, "km-veteran-crowded", Examples.veteranByCelltype().withConfidenceBands(true).withMedianLines(true)
                .withBreakInterval(90).withGroupLabels(java.util.Map.of("adeno", "Adenocarcinoma <NSCLC> & \"other\"",
                        "smallcell", "Small-cell lung cancer (SCLC)")), dpi);
        write(dir, "forest-edge-cases", Examples.edgeCaseForest(), dpi);
        write(dir, "forest-long-labels", Examples.longLabelForest(), dpi);
        for (LegendPosition p : LegendPosition.values()) {
            write(dir, "km-veteran-legend-" + p.word(), Examples.veteranByCelltype().with(p), dpi);
        }
        write(dir, "km-veteran-solid", Examples.veteranByCelltype().with(LineTypes.SOLID), dpi);
        write(dir, "km-veteran-grey", Examples.veteranByCelltype().with(Palette.grey()), dpi);
        write(dir, "lml-veteran-legend-none", LogMinusLogPlot.of(Examples.veteranCurves()).withTimeUnit("days")
                .with(LegendPosition.NONE), dpi);
        write(dir, "lml-veteran-legend-right", LogMinusLogPlot.of(Examples.veteranCurves()).withTimeUnit("days")
                .withLegendTitle("Cell type").with(LegendPosition.RIGHT), dpi);
        write(dir, "flow-strobe", Examples.strobeFlow(), dpi);
        write(dir, "flow-many-groups", Examples.manyGroupsFlow(), dpi);
    }

    static void write(Path dir, String name, Figure f, int dpi) throws IOException {
        String svg = f.svg();
        Files.writeString(dir.resolve(name + ".svg"), svg, StandardCharsets.UTF_8);
        Files.write(dir.resolve(name + ".png"), f.png(dpi));
    }
}
