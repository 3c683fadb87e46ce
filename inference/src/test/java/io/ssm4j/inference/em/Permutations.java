package io.ssm4j.inference.em;

/** Best matching of fitted to true states by brute force over all K! permutations (tests use K &lt;= 6). */
final class Permutations {
    private Permutations() {}

    /** perm[trueState] = fitted state minimising sum cost[true][perm[true]]. */
    static int[] best(double[][] cost) {
        int k = cost.length;
        int[] current = new int[k], best = new int[k];
        boolean[] used = new boolean[k];
        double[] bestCost = {Double.POSITIVE_INFINITY};
        search(cost, 0, current, used, 0, best, bestCost);
        return best;
    }

    private static void search(double[][] cost, int i, int[] cur, boolean[] used, double acc, int[] best, double[] bestCost) {
        int k = cost.length;
        if (acc >= bestCost[0]) return;
        if (i == k) {
            bestCost[0] = acc;
            System.arraycopy(cur, 0, best, 0, k);
            return;
        }
        for (int j = 0; j < k; j++) {
            if (used[j]) continue;
            used[j] = true;
            cur[i] = j;
            search(cost, i + 1, cur, used, acc + cost[i][j], best, bestCost);
            used[j] = false;
        }
    }
}
