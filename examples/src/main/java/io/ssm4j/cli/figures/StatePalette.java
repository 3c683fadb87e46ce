package io.ssm4j.cli.figures;

import java.awt.Color;

/**
 * One colour per discrete state, the same in every figure: ten well-separated categorical colours (the
 * "category10" set of d3/matplotlib) for states 0..9, then hues spaced by the golden angle for larger K.
 */
public final class StatePalette {
    private static final int[] CATEGORY10 = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

    private StatePalette() {}

    /** The opaque colour of state {@code k >= 0}. */
    public static Color color(int k) {
        if (k < 0) throw new IllegalArgumentException("state must be >= 0, got " + k);
        if (k < CATEGORY10.length) return new Color(CATEGORY10[k]);
        float hue = (float) ((k - CATEGORY10.length) * 0.381966011250105 % 1.0);
        return Color.getHSBColor(hue, 0.55f, 0.8f);
    }

    /** The colour of state k with the given opacity (0 = transparent, 255 = opaque). */
    public static Color translucent(int k, int alpha) {
        Color c = color(k);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
