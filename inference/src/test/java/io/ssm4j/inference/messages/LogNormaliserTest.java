package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The log normaliser, taken from products of the c_t, equals sum_t (log c_t + m_t) computed term by term in
 * extended precision, for c_t spread over the whole double range, subnormal ones included, and any range length.
 */
class LogNormaliserTest {
    @Test
    void equalsTheSumOfLogarithms() {
        Rng rng = Rng.seeded(91);
        for (int n : new int[] {1, 3, 4, 7, 1000, 100003}) {
            for (boolean withSubnormal : new boolean[] {false, true}) {
                double[] c = new double[n + 2], shift = new double[n + 2];
                for (int t = 0; t < c.length; t++) {
                    c[t] = Math.exp(-rng.uniform() * (t % 97 == 0 ? 700 : 5)); // mostly near 1, some near 1e-304
                    shift[t] = 20 * rng.gaussian();
                }
                if (withSubnormal) c[1 + n / 2] = Double.MIN_VALUE * 3;
                BigDecimal exact = BigDecimal.ZERO;
                for (int t = 1; t <= n; t++) {
                    exact = exact.add(new BigDecimal(Math.log(c[t])).add(new BigDecimal(shift[t])), MathContext.DECIMAL128);
                }
                double expected = exact.doubleValue();
                double got = ForwardKernel.logNormaliser(c, shift, 1, n + 1);
                assertEquals(expected, got, 1e-13 * Math.max(1, Math.abs(expected)) + 1e-12 * Math.sqrt(n),
                        "n=" + n + " subnormal=" + withSubnormal);
            }
        }
    }
}
