package io.ssm4j.datasets.io;

import io.ssm4j.datasets.spikes.SpikeTrains;

import java.util.ArrayList;
import java.util.List;

/**
 * The sorted units of an NWB 2.x file ({@code /units}, neurodata type {@code Units}, an HDMF DynamicTable):
 * the id of every unit and its spike times in seconds, split out of the ragged {@code spike_times} column
 * by its {@code spike_times_index} VectorIndex. Reference: NWB:N core schema 2.x, "Units".
 *
 * @param ids        one id per unit, from the table's {@code id} dataset; do not modify
 * @param spikeTimes per unit (same order as {@code ids}), its spike times in seconds, ascending (sorted on
 *                   reading: NWB does not require the stored order); unmodifiable list, do not modify the arrays
 */
public record NwbUnits(long[] ids, List<double[]> spikeTimes) {
    /** The number of units. */
    public int count() {
        return ids.length;
    }

    /** The units as spike trains labelled {@code unit <id>}, for {@link io.ssm4j.datasets.spikes.SpikeBinning}. */
    public SpikeTrains trains() {
        List<String> labels = new ArrayList<>(ids.length);
        for (long id : ids) labels.add("unit " + id);
        return SpikeTrains.of(labels, spikeTimes);
    }
}
