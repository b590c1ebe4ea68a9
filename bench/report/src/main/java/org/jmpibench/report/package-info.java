/**
 * Turns JMH JSON results files into comparison charts (PNG and SVG, drawn with XChart), one offline HTML page, and the
 * OSU-style table.
 *
 * <p>Entry points: {@link org.jmpibench.report.PlotCommand} ({@code plot RESULTS.json [MORE.json...]}) and
 * {@link org.jmpibench.report.TableCommand} ({@code table [--markdown] RESULTS.json}). Reading
 * ({@link org.jmpibench.report.RunReader}, through jmpi-results), the look of every chart
 * ({@link org.jmpibench.report.ChartStyle}), the chart kinds ({@link org.jmpibench.report.SizeSweepChart},
 * {@link org.jmpibench.report.BandwidthChart}, {@link org.jmpibench.report.RankSweepChart}), SVG with text
 * ({@link org.jmpibench.report.SvgChart}), the page ({@link org.jmpibench.report.HtmlReport}) and its summary
 * ({@link org.jmpibench.report.Summary}), the table ({@link org.jmpibench.report.OsuTable}) and the output directory's
 * safety rules ({@link org.jmpibench.report.OutputDirectory}) each live in their own class.
 */
package org.jmpibench.report;
