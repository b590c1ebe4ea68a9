package org.jmpibench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

/** Writes a chart as {@code <stem>.png} (for the page) and {@code <stem>.svg} (for papers and zooming). */
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
      VectorGraphicsEncoder.saveVectorGraphic(chart.chart(), svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
  }
}
