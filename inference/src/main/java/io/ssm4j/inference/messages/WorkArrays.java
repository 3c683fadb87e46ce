package io.ssm4j.inference.messages;

import java.lang.ref.SoftReference;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-thread work arrays of the sequential message passes, kept between calls. A loop of inferences on one
 * sequence (EM iterations, Gibbs sweeps, repeated decoding) would otherwise allocate and zero four T x K arrays
 * per call, and in a young JVM each of them lands on heap pages never touched before, which the kernel maps in
 * one page fault per 4 KiB (measured, HMM K = 10, T = 1e5: about 8000 faults and 4 ms per array in such
 * stretches). Only the scratch is reused; the results (marginals, paths) are always new arrays.
 *
 * <p>Contract: {@link #of} returns an array of exactly the requested length whose contents are left over from
 * an earlier call, so the caller writes every entry it later reads; and a slot serves one method at a time on
 * a thread, never across a call that takes the same slot, nor across a fork-join wait (a thread that joins a
 * task may run other queued tasks meanwhile, which could take the slot). The arrays are held through soft
 * references, so the collector may drop them when memory runs short.
 */
public final class WorkArrays {
    /** What a work array holds; each is used by the methods named. */
    public enum Slot {
        /** Emission log-likelihoods l_t(k) of a model's sequence ({@code HiddenMarkovInference}). */
        LOG_LIKELIHOODS,
        /** exp(l_t(k) - m_t) ({@link ForwardBackward}, {@link BackwardSampler}). */
        SCALED_LIKELIHOODS,
        /** The per-step shifts m_t (same users). */
        SHIFTS,
        /** The forward normalisers c_t (same users). */
        NORMALISERS,
        /** Filtered marginals alpha_t ({@link BackwardSampler}; forward-backward writes them into its result). */
        FILTERED,
        /** Viterbi's running maxima delta_t ({@link Viterbi}). */
        MAX_PRODUCTS
    }

    private static final ThreadLocal<Map<Slot, SoftReference<double[]>>> HELD =
            ThreadLocal.withInitial(() -> new EnumMap<>(Slot.class));

    private WorkArrays() {}

    /** This thread's array for {@code slot}, of exactly {@code length} entries, with unspecified contents. */
    public static double[] of(Slot slot, int length) {
        Map<Slot, SoftReference<double[]>> held = HELD.get();
        SoftReference<double[]> ref = held.get(slot);
        double[] a = ref == null ? null : ref.get();
        if (a == null || a.length != length) {
            a = new double[length];
            held.put(slot, new SoftReference<>(a));
        }
        return a;
    }
}
