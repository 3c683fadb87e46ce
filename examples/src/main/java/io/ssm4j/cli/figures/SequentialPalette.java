package io.ssm4j.cli.figures;

import java.awt.Color;

/**
 * A perceptually ordered colour ramp from dark blue-purple through teal and green to yellow (anchor colours of
 * matplotlib's "viridis", interpolated linearly in RGB), for values with an order such as time.
 */
public final class SequentialPalette {
    private static final int[] ANCHORS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

    private SequentialPalette() {}

    /** The colour at position {@code f} in [0, 1] (clamped). */
    public static Color at(double f) {
        double x = Math.max(0, Math.min(1, f)) * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) x);
        double w = x - i;
        int a = ANCHORS[i], b = ANCHORS[i + 1];
        return new Color(mix(a >> 16, b >> 16, w), mix(a >> 8, b >> 8, w), mix(a, b, w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
    }
}
