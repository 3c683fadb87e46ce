package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;

import java.util.List;
import java.util.Map;

/**
 * The trials table of an NWB 2.x file ({@code /intervals/trials}, neurodata type {@code TimeIntervals}, an
 * HDMF DynamicTable): each trial's id, start and stop time in seconds, and its further columns.
 * Reference: NWB:N core schema 2.x, "TimeIntervals".
 *
 * @param ids         one id per trial; do not modify
 * @param startTimes  {@code start_time} of every trial, seconds; do not modify
 * @param stopTimes   {@code stop_time} of every trial, seconds, never before the start; do not modify
 * @param columns     the further numeric or boolean columns by name, first axis = trials, in the table's
 *                    column order
 * @param textColumns the further text columns by name, one string per trial. Ragged columns (with an
 *                    {@code _index}) and columns of other types (references, compounds) are not read
 */
public record NwbTrials(long[] ids, double[] startTimes, double[] stopTimes, Map<String, NdArray> columns,
                        Map<String, List<String>> textColumns) {
    /** The number of trials. */
    public int count() {
        return ids.length;
    }
}
