package org.jmpibench.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Fails early, with advice, on a machine where Java cannot render text: a minimal Debian image has no fonts and no
 * fontconfig, and the JDK then throws an {@link Error} from deep inside AWT on the first chart title.
 */
final class FontCheck {
    private FontCheck() {}

    static void requireFonts() throws ReportException {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            try {
                graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                if (graphics.getFontMetrics().stringWidth("\u00b5s 0123456789") <= 0) {
                    throw ReportException.writeFailed("cannot render text: no usable font" + ADVICE, null);
                }
            } finally {
                graphics.dispose();
            }
        } catch (ReportException e) {
            throw e;
        } catch (Exception | Error e) { // NOPMD: AWT reports a missing font configuration as an Error
            throw ReportException.writeFailed("cannot render text (" + e + ")" + ADVICE, e);
        }
    }

    private static final String ADVICE =
            "; install fonts: scripts/setup-report.sh, or apt-get install fontconfig fonts-dejavu-core";
}
