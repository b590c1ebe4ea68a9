package org.jmpibench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;

/**
 * Writes a chart as {@code <stem>.png} (for the page) and {@code <stem>.svg} (for papers and zooming, its text as text:
 * {@link SvgChart}).
 */
final class ChartFiles {
    private ChartFiles() {}

    static String pngName(ReportChart chart) {
        return chart.fileStem() + ".png";
    }

    static String svgName(ReportChart chart) {
        return chart.fileStem() + ".svg";
    }

    static void write(ReportChart chart, Path directory) throws IOException {
        try (OutputStream png = Files.newOutputStream(directory.resolve(pngName(chart)))) {
            BitmapEncoder.saveBitmap(chart.chart(), png, BitmapEncoder.BitmapFormat.PNG);
        }
        try (OutputStream svg = Files.newOutputStream(directory.resolve(svgName(chart)))) {
            SvgChart.write(chart.chart(), svg);
        }
    }
}
