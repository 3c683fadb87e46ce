package io.ssm4j.math;

/** Chooses the {@link VectorOps} implementation once, at class initialisation. */
final class VectorOpsProvider {
    /** Calls of each kernel at start-up that get it compiled (see {@link SimdOps#prime}). */
    static final int PRIME_CALLS = 12000;
    static final VectorOps BEST = choose();

    private VectorOpsProvider() {}

    private static VectorOps choose() {
        if (Boolean.getBoolean("ssm4j.scalar")) return ScalarOps.INSTANCE;
        boolean hasModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!hasModule) return ScalarOps.INSTANCE;
        try {
            Class<?> c = Class.forName("io.ssm4j.math.SimdOps");
            SimdOps ops = (SimdOps) c.getDeclaredField("INSTANCE").get(null);
            if (!ops.isUseful()) return ScalarOps.INSTANCE;
            ops.prime(Integer.getInteger("ssm4j.primeCalls", PRIME_CALLS));
            return ops;
        } catch (ReflectiveOperationException | LinkageError e) {
            return ScalarOps.INSTANCE;
        }
    }
}
