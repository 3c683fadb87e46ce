package io.ssm4j.math;

/** Chooses the {@link VectorOps} implementation once, at class initialisation. */
final class VectorOpsProvider {
    static final VectorOps BEST = choose();

    private VectorOpsProvider() {}

    private static VectorOps choose() {
        if (Boolean.getBoolean("ssm4j.scalar")) return ScalarOps.INSTANCE;
        boolean hasModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!hasModule) return ScalarOps.INSTANCE;
        try {
            Class<?> c = Class.forName("io.ssm4j.math.SimdOps");
            VectorOps ops = (VectorOps) c.getDeclaredField("INSTANCE").get(null);
            return ((SimdOps) ops).isUseful() ? ops : ScalarOps.INSTANCE;
        } catch (ReflectiveOperationException | LinkageError e) {
            return ScalarOps.INSTANCE;
        }
    }
}
