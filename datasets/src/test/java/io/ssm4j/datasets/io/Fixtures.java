package io.ssm4j.datasets.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The committed NPY/NPZ fixtures (made by {@code src/test/resources/npy/gen_fixtures.py}) and their formulas. */
public final class Fixtures {
    private Fixtures() {
    }

    static Path npy(String name) {
        URL url = Fixtures.class.getResource("/npy/" + name);
        if (url == null) throw new IllegalStateException("missing test fixture npy/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** gen_fixtures.py's base(n) = (arange(n) - 5) * 0.25 + 0.1. */
    static double[] base(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (i - 5) * 0.25 + 0.1;
        return v;
    }

    /** gen_fixtures.py's ints(n) = arange(n) * 7 - 20. */
    static double[] ints(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i * 7 - 20;
        return v;
    }

    /** gen_fixtures.py's flags(n) = arange(n) % 3 == 0, as 1/0. */
    static double[] flags(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i % 3 == 0 ? 1 : 0;
        return v;
    }

    /** arange(n) * step. */
    static double[] steps(int n, double step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i * step;
        return v;
    }

    /** (float) of each value, as numpy's astype(float32) rounds. */
    static double[] toFloat(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    /** The shared project directory (peer data), from surefire's ssm4j.shared or ../shared. */
    public static Path shared() {
        String p = System.getProperty("ssm4j.shared");
        return Path.of(p != null ? p : "../shared");
    }
}
