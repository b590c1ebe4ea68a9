/**
 * Turns JMH JSON results files into comparison charts (PNG and SVG, drawn with XChart) and one offline HTML page.
 *
 * <p>Entry point: {@link org.jmpibench.report.PlotCommand} ({@code plot RESULTS.json [MORE.json...]}). Reading
 * ({@link org.jmpibench.report.RunReader}, through jmpi-results), the chart kinds ({@link org.jmpibench.report.SizeSweepChart},
 * {@link org.jmpibench.report.BandwidthChart}, {@link org.jmpibench.report.RankSweepChart}), the page
 * ({@link org.jmpibench.report.HtmlReport}) and the output directory's safety rules
 * ({@link org.jmpibench.report.OutputDirectory}) each live in their own class.
 */
package org.jmpibench.report;
