package org.edgeai.app.plot;

import java.util.List;

/**
 * Writes a plot as pgfplots code: the same data, colours, dash patterns, markers (every k points, staggered as
 * on screen), axis labels with units, log axes, legend and bands, typeset by LaTeX in the document's font.
 *
 * <p>The file compiles on its own ({@code pdflatex fig.tex}: it then loads the {@code standalone} class and
 * pgfplots itself) and can be {@code \input} into a paper whose preamble loads pgfplots: it tells the two apart
 * by whether a document class has been loaded. Colours and settings stay inside a group, so nothing leaks into
 * the paper.
 */
final class PgfplotsWriter {

    private PgfplotsWriter() {
    }

    static String tex(PlotData data, PlotOptions options) {
        PlotData shown = data.forLogAxes(options.logx(), options.logy());
        double maxX = 0;
        for (PlotSeries s : shown.series()) {
            for (int i = 0; i < s.size(); i++) {
                maxX = Math.max(maxX, Math.abs(s.x(i)));
            }
        }
        double factor = PlotChart.xAxisFactor(shown.x(), maxX);
        String xLabel = PlotChart.xAxisLabel(shown.x(), maxX);
        double fs = options.effectiveFontSizePt();
        double scale = fs / options.preset().fontSizePt();
        double lw = options.preset().lineWidthPt() * scale;
        double ms = options.preset().markerSizePt() * scale;
        String font = fontCmd(fs);
        String legendFont = fontCmd(Math.max(4, fs - 1));

        StringBuilder sb = new StringBuilder();
        sb.append("% Edge AI Workbench plot (pgfplots): ").append(shown.y().axisLabel()).append(" vs ")
                .append(xLabel).append(", ").append(shown.series().size()).append(" line(s)");
        if (shown.band() != BandKind.NONE) {
            sb.append(", bands ").append(shown.band().description());
        }
        sb.append(".\n");
        sb.append("% Compiles alone (pdflatex FILE.tex: a PDF the size of the figure) or \\input{FILE} in a document whose preamble has\n");
        sb.append("%   \\usepackage{pgfplots}\\pgfplotsset{compat=1.16}\n");
        // Alone, the file loads article + pgfplots, typesets the picture into a box and ships it out on a page of
        // the box's size (plain pdfTeX: no standalone or preview package needed). Inside a document (a class is
        // loaded: \@classoptionslist is no longer \relax) it is just the picture.
        sb.append("\\expandafter\\ifx\\csname @classoptionslist\\endcsname\\relax\n");
        sb.append("  \\def\\edgeaiplotbegin{\\documentclass{article}\\usepackage{pgfplots}\\pgfplotsset{compat=1.16}%\n");
        sb.append("    \\newbox\\edgeaiplotbox\n");
        sb.append("    \\def\\edgeaiplotend{\\egroup\\pdfpagewidth=\\wd\\edgeaiplotbox\n");
        sb.append("      \\pdfpageheight=\\dimexpr\\ht\\edgeaiplotbox+\\dp\\edgeaiplotbox\\relax\n");
        sb.append("      \\pdfhorigin=0pt \\pdfvorigin=0pt \\hoffset=0pt \\voffset=0pt\n");
        sb.append("      \\shipout\\box\\edgeaiplotbox\\end{document}}%\n");
        sb.append("    \\begin{document}\\setbox\\edgeaiplotbox\\hbox\\bgroup}%\n");
        sb.append("\\else\n  \\let\\edgeaiplotbegin\\relax\n\\fi\n");
        sb.append("\\edgeaiplotbegin\n");
        sb.append("\\begingroup%\n");
        for (int i = 0; i < Math.min(shown.series().size(), PlotStyle.CYCLE); i++) {
            PlotStyle.NamedColor c = PlotStyle.color(i);
            sb.append("\\definecolor{").append(c.name()).append("}{HTML}{").append(c.hex()).append("}%\n");
        }
        sb.append("\\begin{tikzpicture}[font=").append(font).append("]%\n");
        sb.append("\\begin{axis}[\n");
        sb.append("  width=").append(TexNumbers.fmt(options.effectiveWidthIn())).append("in, height=")
                .append(TexNumbers.fmt(options.effectiveHeightIn())).append("in,\n");
        sb.append("  xlabel={").append(escape(xLabel)).append("}, ylabel={").append(escape(shown.y().axisLabel()))
                .append("},\n");
        sb.append("  label style={font=").append(font).append("}, tick label style={font=").append(font).append("},\n");
        if (options.logx()) {
            sb.append("  xmode=log, log basis x=10,\n");
        } else if (shown.x() == XAxisKind.ROUND && maxX > 0) {
            sb.append("  xtick distance=").append(integerTickStep(maxX)).append(",\n"); // rounds are whole numbers
        }
        if (options.logy()) {
            sb.append("  ymode=log, log basis y=10,\n");
        }
        if (options.title() != null) {
            sb.append("  title={").append(escape(options.title())).append("}, title style={font=")
                    .append(fontCmd(fs + 1)).append("\\bfseries},\n");
        }
        sb.append("  enlarge x limits=0.02, enlarge y limits=0.02, scaled ticks=false,\n");
        sb.append("  grid=major, grid style={line width=0.4pt, draw=black!15}, axis line style={line width=0.5pt},\n");
        sb.append("  tick style={line width=0.5pt, black}, tick align=outside, tickpos=left,\n");
        switch (options.legend()) {
            case INSIDE -> {
                boolean rising = shown.y() == YMetric.ACCURACY && !options.logy();
                sb.append("  legend pos=").append(rising ? "south east" : "north east").append(",\n");
                sb.append("  legend style={font=").append(legendFont)
                        .append(", draw=black!50, line width=0.4pt, fill=white, inner sep=1pt, row sep=-1pt},\n");
            }
            case OUTSIDE -> {
                sb.append("  legend style={font=").append(legendFont).append(", at={(0.5,0)}, anchor=north, yshift=-")
                        .append(TexNumbers.fmt(3.0 * fs)).append("pt, draw=none, legend columns=-1,")
                        .append(" /tikz/every even column/.append style={column sep=").append(TexNumbers.fmt(fs)).append("pt}},\n");
            }
            case NONE -> {
                // no legend entries are written
            }
        }
        sb.append("  legend cell align=left,\n");
        sb.append("  every axis plot/.append style={line width=").append(TexNumbers.fmt(lw))
                .append("pt, line cap=round, line join=round},\n");
        sb.append("]\n");
        List<PlotSeries> lines = shown.series();
        for (int i = 0; i < lines.size(); i++) {
            PlotSeries s = lines.get(i);
            String color = PlotStyle.color(i).name();
            int step = PlotStyle.markerStep(options.markersEvery(), s.size());
            int phase = PlotStyle.markerPhase(i, lines.size(), step);
            if (s.hasBand() && s.size() > 0) {
                sb.append("\\addplot[draw=none, fill=").append(color).append(", fill opacity=")
                        .append(TexNumbers.fmt(PlotStyle.BAND_ALPHA)).append(", forget plot] coordinates {\n");
                for (int k = 0; k < s.size(); k++) {
                    point(sb, s.x(k) / factor, s.high(k));
                }
                for (int k = s.size() - 1; k >= 0; k--) {
                    point(sb, s.x(k) / factor, s.low(k));
                }
                sb.append("} -- cycle;\n");
            }
            String style = "color=" + color + ", " + PlotStyle.pgfDash(i, lw) + ", "
                    + PlotStyle.pgfMark(i, ms, color) + ", mark repeat=" + step + ", mark phase=" + (phase + 1);
            if (s.size() == 0) {
                if (options.legend() != LegendPosition.NONE) {
                    sb.append("\\addlegendimage{").append(style).append("}\n");
                }
            } else {
                sb.append("\\addplot[").append(style).append("] coordinates {\n");
                for (int k = 0; k < s.size(); k++) {
                    point(sb, s.x(k) / factor, s.y(k));
                }
                sb.append("};\n");
            }
            if (options.legend() != LegendPosition.NONE) {
                sb.append("\\addlegendentry{").append(escape(s.label())).append("}\n");
            }
        }
        sb.append("\\end{axis}\n\\end{tikzpicture}%\n\\endgroup%\n");
        sb.append("\\csname edgeaiplotend\\endcsname\n");
        return sb.toString();
    }

    /** A step of 1, 2 or 5 times a power of ten giving at most about 6 ticks up to {@code max}. */
    static long integerTickStep(double max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (max / (m * step) <= 6) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static void point(StringBuilder sb, double x, double y) {
        sb.append('(').append(TexNumbers.data(x)).append(',').append(TexNumbers.data(y)).append(")\n");
    }

    private static String fontCmd(double sizePt) {
        return "\\fontsize{" + TexNumbers.fmt(sizePt) + "pt}{" + TexNumbers.fmt(sizePt * 1.2) + "pt}\\selectfont";
    }

    /** LaTeX text with its special characters escaped. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{', '}', '$', '&', '#', '_', '%' -> sb.append('\\').append(c);
                case '^' -> sb.append("\\textasciicircum{}");
                case '~' -> sb.append("\\textasciitilde{}");
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
