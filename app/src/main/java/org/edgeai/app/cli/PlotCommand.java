package org.edgeai.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plot DIR... --y loss|accuracy|consensus_error --x round|bits|time --out FIG.svg|pdf|png|tex|csv
 * [--label NAME]... [--preset ...] [--logx] [--logy] [--band sd|ci95|none] [--dpi N] [--width IN] [--height IN]
 * [--legend inside|outside|none] [--markers-every K] [--title TEXT] [--font FAMILY] [--font-size PT]}: plots run
 * and sweep folders through the plotting layer ({@code org.edgeai.app.plot}) the GUI's charts use.
 *
 * <p>Runs headless: sets {@code java.awt.headless=true} (unless set) before any AWT class is touched, and loads
 * no JavaFX class. Writes one result line on stdout naming the file; warnings on stderr.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Plot run folders (from `run`) and sweep folders (from `sweep`) to a figure.",
                "A run folder is one line, labelled by its experiment's name; a sweep folder",
                "one line per setting, the mean over the swept `seed` values with a band.",
                "The format comes from --out's extension:",
                "  .svg .pdf  vector, text as outlines",
                "  .png       raster at --dpi",
                "  .tex       pgfplots (compiles alone or \\input into a paper)",
                "  .csv       the plotted data"})
final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run or sweep folders, one or more.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--y", paramLabel = "METRIC", defaultValue = "loss",
            description = "loss (default), accuracy or consensus_error.")
    String y;

    @Option(names = "--x", paramLabel = "AXIS", defaultValue = "round",
            description = "round (default), bits (cumulative bits sent) or time (simulated seconds).")
    String x;

    @Option(names = "--out", required = true, paramLabel = "FIG", description = "Output file: .svg, .pdf, .png, .tex or .csv.")
    Path out;

    @Option(names = "--label", paramLabel = "NAME",
            description = "Legend labels, one per line in order (repeatable). A sweep folder gives one line per setting; "
                    + "give a label for every line, or none.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "ieee-column",
            description = "Size and type: ieee-column (default, 3.5 in), ieee-page (7.16 in), acm (3.33 in), lncs (12.2 cm), "
                    + "slide (10 x 5.625 in).")
    String preset;

    @Option(names = "--logx", description = "Logarithmic x axis (points with x <= 0 left out).")
    boolean logx;

    @Option(names = "--logy", description = "Logarithmic y axis (points with y <= 0 left out).")
    boolean logy;

    @Option(names = "--band", paramLabel = "KIND", defaultValue = "sd",
            description = "Band around the mean over seeds: sd (default: ±1 sample standard deviation), ci95 (95%% "
                    + "confidence interval of the mean, Student's t) or none.")
    String band;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", description = "PNG resolution (default 300).")
    int dpi;

    @Option(names = "--width", paramLabel = "IN", description = "Figure width in inches (overrides the preset).")
    Double width;

    @Option(names = "--height", paramLabel = "IN", description = "Figure height in inches (overrides the preset).")
    Double height;

    @Option(names = "--legend", paramLabel = "WHERE", defaultValue = "inside",
            description = "inside (default: a free corner of the plot), outside (below it) or none.")
    String legend;

    @Option(names = "--markers-every", paramLabel = "K", defaultValue = "0",
            description = "A marker every K points (default 0: about 8 markers a line).")
    int markersEvery;

    @Option(names = "--title", paramLabel = "TEXT", description = "A title above the plot (default none).")
    String title;

    @Option(names = "--font", paramLabel = "FAMILY", description = "Font family (overrides the preset's; not used in .tex).")
    String font;

    @Option(names = "--font-size", paramLabel = "PT", description = "Base font size in points (overrides the preset's).")
    Double fontSize;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // no display needed, even where one exists
        }
        return Plotter.plot(this);
    }

    /**
     * The work, in a separate class so that picocli can build the command (for --help, say) without loading the
     * plotting layer and AWT.
     */
    static final class Plotter {
        private Plotter() {
        }

        static int plot(PlotCommand c) {
            var yMetric = org.edgeai.app.plot.YMetric.byId(c.y);
            var xAxis = org.edgeai.app.plot.XAxisKind.byId(c.x);
            var bandKind = org.edgeai.app.plot.BandKind.byId(c.band);
            var format = org.edgeai.app.plot.ChartExport.Format.of(c.out);
            var options = new org.edgeai.app.plot.PlotOptions(org.edgeai.app.plot.PaperPreset.byId(c.preset), c.width,
                    c.height, c.font, c.fontSize, c.logx, c.logy, org.edgeai.app.plot.LegendPosition.byId(c.legend),
                    c.markersEvery, c.title, c.dpi);
            var data = org.edgeai.app.plot.RunFolders.read(c.dirs, yMetric, xAxis, bandKind);
            if (!c.labels.isEmpty()) {
                data = data.withLabels(c.labels);
            }
            int dropped = data.points() - data.forLogAxes(c.logx, c.logy).points();
            if (dropped > 0) {
                c.spec.commandLine().getErr().println("warning: " + dropped + " point(s) with values <= 0 left out: "
                        + (c.logx && c.logy ? "--logx/--logy" : c.logx ? "--logx" : "--logy") + " cannot show them");
                c.spec.commandLine().getErr().flush();
            }
            org.edgeai.app.plot.ChartExport.write(data, options, c.out);
            StringBuilder sb = new StringBuilder();
            sb.append(c.out).append(": ").append(format.extension()).append(", ").append(data.series().size())
                    .append(data.series().size() == 1 ? " line, " : " lines, ").append(yMetric.id()).append(" vs ")
                    .append(xAxis.id());
            if (data.band() != org.edgeai.app.plot.BandKind.NONE) {
                sb.append(", band ").append(data.band().id());
            }
            if (format == org.edgeai.app.plot.ChartExport.Format.PNG) {
                sb.append(String.format(Locale.ROOT, ", %d x %d px at %d dpi",
                        Math.round(options.effectiveWidthIn() * options.dpi()),
                        Math.round(options.effectiveHeightIn() * options.dpi()), options.dpi()));
            } else if (format != org.edgeai.app.plot.ChartExport.Format.CSV) {
                sb.append(", ").append(inches(options.effectiveWidthIn())).append(" x ").append(inches(options.effectiveHeightIn()))
                        .append(" in");
            }
            c.spec.commandLine().getOut().println(sb);
            c.spec.commandLine().getOut().flush();
            return 0;
        }

        private static String inches(double v) {
            return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
    }
}
