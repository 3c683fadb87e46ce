package io.ssm4j.datasets.io;

import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.ssm4j.data.NdArray;

import java.math.BigInteger;

/**
 * Classifies HDF5 datatypes and turns the flat Java arrays jHDF decodes into {@link NdArray} values: which
 * element types are numbers, which are text, and the {@link NdArray.DType} each number type keeps.
 */
final class Hdf5Values {
    private Hdf5Values() {
    }

    static Hdf5File.Content content(DataType type) {
        if (type instanceof FloatingPoint || type instanceof FixedPoint || type instanceof BitField
                || type instanceof EnumDataType) {
            return Hdf5File.Content.NUMBERS;
        }
        if (type instanceof StringData || (type instanceof VariableLength v && v.isVariableLengthString())) {
            return Hdf5File.Content.TEXT;
        }
        return Hdf5File.Content.OTHER;
    }

    /** A short name of an HDF5 datatype for messages. */
    static String describe(DataType type) {
        return switch (content(type)) {
            case NUMBERS -> "numbers";
            case TEXT -> "text";
            case OTHER -> "elements of HDF5 type " + type.getClass().getSimpleName();
        };
    }

    /** The element count of a shape whose product is known to fit an int. */
    static int count(int[] dims) {
        int n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    /**
     * The array for jHDF's flat decoding of a numeric dataset.
     *
     * @param flat the row-major elements: a primitive array, {@code BigInteger[]} (unsigned 64-bit) or
     *     {@code String[]} of enumeration names
     */
    static NdArray toNdArray(Object flat, DataType type, int[] dims, String source, String field)
            throws FileFormatException {
        int n = count(dims);
        if (flat instanceof double[] a && a.length == n) return NdArray.of(NdArray.DType.FLOAT64, a, dims);
        double[] out = new double[n];
        NdArray.DType dtype;
        if (flat instanceof float[] a && a.length == n) {
            for (int i = 0; i < n; i++) out[i] = a[i];
            dtype = NdArray.DType.FLOAT32;
        } else if (flat instanceof long[] a && a.length == n) {
            for (int i = 0; i < n; i++) out[i] = a[i];
            dtype = NdArray.DType.INT64;
        } else if (flat instanceof BigInteger[] a && a.length == n) {
            for (int i = 0; i < n; i++) out[i] = a[i].doubleValue();
            dtype = NdArray.DType.INT64;
        } else if (flat instanceof int[] a && a.length == n) {
            for (int i = 0; i < n; i++) out[i] = a[i];
            dtype = NdArray.DType.INT32;
        } else if (flat instanceof short[] a && a.length == n) {
            for (int i = 0; i < n; i++) out[i] = a[i];
            dtype = NdArray.DType.INT32;
        } else if (flat instanceof byte[] a && a.length == n) {
            for (int i = 0; i < n; i++) out[i] = a[i];
            dtype = NdArray.DType.INT32;
        } else if (flat instanceof boolean[] a && a.length == n) {
            for (int i = 0; i < n; i++) out[i] = a[i] ? 1 : 0;
            dtype = NdArray.DType.BOOL;
        } else if (flat instanceof String[] a && a.length == n && type instanceof EnumDataType) {
            for (int i = 0; i < n; i++) out[i] = booleanName(a[i], i, source, field);
            dtype = NdArray.DType.BOOL;
        } else {
            String got = flat == null ? "nothing" : flat.getClass().getSimpleName();
            throw FileFormatException.of(source, field, "decoded as " + got + ", expected " + n + " numbers");
        }
        return NdArray.of(dtype, out, dims);
    }

    /** h5py stores numpy booleans as an enumeration with members FALSE = 0 and TRUE = 1. */
    private static double booleanName(String name, int index, String source, String field) throws FileFormatException {
        if ("TRUE".equalsIgnoreCase(name)) return 1;
        if ("FALSE".equalsIgnoreCase(name)) return 0;
        throw FileFormatException.of(source, field + ", element " + index, "enumeration value '" + name
                + "' is not a boolean (FALSE/TRUE); other enumerations are not read as numbers");
    }
}
