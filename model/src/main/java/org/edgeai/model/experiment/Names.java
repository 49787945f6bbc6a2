package org.edgeai.model.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Messages for unknown names: they list the names that exist and suggest the nearest ones. */
public final class Names {

    private Names() {
    }

    /**
     * E.g. {@code unknown key 'learningrate' (did you mean 'learningRate'?); expected one of type, mixing, learningRate}.
     *
     * @param what  the kind of name: "key", "generator", "node", ...
     * @param bad   the name that was given
     * @param known the names that exist, in the order to list them
     */
    public static String unknown(String what, String bad, Collection<String> known) {
        StringBuilder sb = new StringBuilder("unknown ").append(what).append(" '").append(bad).append('\'');
        List<String> near = nearest(bad, known);
        if (!near.isEmpty()) {
            sb.append(" (did you mean ");
            for (int i = 0; i < near.size(); i++) {
                sb.append(i == 0 ? "" : " or ").append('\'').append(near.get(i)).append('\'');
            }
            sb.append("?)");
        }
        sb.append(known.isEmpty() ? "; there are none to choose from" : "; expected one of " + String.join(", ", known));
        return sb.toString();
    }

    /**
     * The known names closest to {@code bad}: equal ignoring case, or within an edit distance of
     * max(1, length / 4) (at most 3), nearest first. O(|known| * |bad|^2).
     */
    public static List<String> nearest(String bad, Collection<String> known) {
        String b = bad.toLowerCase(Locale.ROOT);
        int limit = Math.min(3, Math.max(1, b.length() / 4));
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String k : known) {
            int d = distance(b, k.toLowerCase(Locale.ROOT));
            if (d > limit) {
                continue;
            }
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best) {
                out.add(k);
            }
        }
        return out;
    }

    /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
