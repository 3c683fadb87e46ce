/**
 * Reading and writing arrays and time series in the file formats neural-data work uses.
 *
 * <ul>
 *   <li>{@link io.ssm4j.datasets.io.Npy}: NumPy {@code .npy} files (format versions 1.0, 2.0, 3.0),
 *       following the NEP 1 / {@code numpy.lib.format} specification.</li>
 *   <li>{@link io.ssm4j.datasets.io.Npz}: NumPy {@code .npz} archives ({@code np.savez} and
 *       {@code np.savez_compressed}): a zip file with one {@code .npy} entry per named array.</li>
 *   <li>{@link io.ssm4j.datasets.io.Csv}: plain comma-separated numeric tables.</li>
 *   <li>{@link io.ssm4j.datasets.io.MatFiles}: MATLAB {@code .mat} files, versions 5 to 7 (matrices, cells of
 *       trials, spike times under cells and structs).</li>
 *   <li>{@link io.ssm4j.datasets.io.SpikeTimeText}: spike times as {@code neuron time} lines of text.</li>
 *   <li>{@link io.ssm4j.datasets.io.Hdf5File}: HDF5 files (The HDF Group's file format, read with jHDF):
 *       groups, attributes, numeric datasets as arrays.</li>
 *   <li>{@link io.ssm4j.datasets.io.NwbFile}: NWB 2.x files on HDF5: TimeSeries
 *       ({@link io.ssm4j.datasets.io.NwbTimeSeries}), the Units table ({@link io.ssm4j.datasets.io.NwbUnits})
 *       and the trials table ({@link io.ssm4j.datasets.io.NwbTrials}).</li>
 *   <li>{@link io.ssm4j.datasets.io.SeriesFiles} and {@link io.ssm4j.datasets.io.Hdf5SeriesFiles}: the
 *       command line's view of those files as trials, masks and input arrays.</li>
 * </ul>
 *
 * <p>Every reader turns a malformed file into a {@link io.ssm4j.datasets.io.FileFormatException} whose
 * message names the file, the field and the problem. Every writer to a {@link java.nio.file.Path} writes
 * a temporary file in the target directory and moves it into place, so a failed write leaves no
 * half-written file behind.
 */
package io.ssm4j.datasets.io;
