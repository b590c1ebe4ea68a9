package org.jmpibench.report;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One drawn chart and what the page says about it.
 *
 * @param fileStem file name without extension, unique in a report: {@code <stem>.png} and {@code <stem>.svg}
 * @param operation the operation whose section of the page shows it
 * @param caption one sentence on what it shows and how to read it
 * @param chart the XChart chart (lines on axes, or stacked bars), all series added
 */
record ReportChart(String fileStem, String operation, String caption, Chart<?, ?> chart) {

    String title() {
        return chart.getTitle();
    }
}
