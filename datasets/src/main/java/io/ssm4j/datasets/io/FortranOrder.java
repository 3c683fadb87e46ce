package io.ssm4j.datasets.io;

/**
 * Reorders column-major (Fortran order) data into row-major (C order). For shape (n_0, ..., n_{k-1}),
 * element (i_0, ..., i_{k-1}) sits at offset sum_j i_j * prod_{m &lt; j} n_m in Fortran order and at
 * sum_j i_j * prod_{m &gt; j} n_m in C order.
 */
final class FortranOrder {
    private FortranOrder() {
    }

    static double[] toRowMajor(double[] fortran, int[] shape) {
        int k = shape.length;
        double[] out = new double[fortran.length];
        if (out.length == 0) return out;
        if (k == 2) {
            int rows = shape[0];
            int cols = shape[1];
            for (int c = 0; c < cols; c++) {
                int src = c * rows;
                for (int r = 0; r < rows; r++) out[r * cols + c] = fortran[src + r];
            }
            return out;
        }
        long[] stride = new long[k];
        long s = 1;
        for (int j = 0; j < k; j++) {
            stride[j] = s;
            s *= shape[j];
        }
        int[] index = new int[k];
        long src = 0;
        for (int dst = 0; dst < out.length; dst++) {
            out[dst] = fortran[(int) src];
            // advance the row-major multi-index: the last axis moves fastest
            for (int j = k - 1; j >= 0; j--) {
                index[j]++;
                src += stride[j];
                if (index[j] < shape[j]) break;
                src -= stride[j] * shape[j];
                index[j] = 0;
            }
        }
        return out;
    }
}
