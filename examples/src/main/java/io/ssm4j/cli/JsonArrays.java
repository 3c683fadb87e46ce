package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ssm4j.data.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * NdArrays as nested JSON lists (a K x D array is a list of K lists of D numbers), the form any JSON reader
 * turns straight back into an array. Doubles are written in Java's shortest round-tripping form, so values
 * survive a save and load bit for bit.
 */
final class JsonArrays {
    private JsonArrays() {}

    static JsonNode toJson(NdArray a) {
        if (a.ndim() == 0) return JsonNodeFactory.instance.numberNode(a.dataView()[0]);
        return build(a.dataView(), a.shape(), 0, 0);
    }

    private static ArrayNode build(double[] data, int[] shape, int axis, int offset) {
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) stride *= shape[i];
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) node.add(data[offset + i]);
            else node.add(build(data, shape, axis + 1, offset + i * stride));
        }
        return node;
    }

    static NdArray fromJson(String name, JsonNode node) {
        List<Integer> shape = new ArrayList<>();
        JsonNode n = node;
        while (n.isArray()) {
            shape.add(n.size());
            if (n.size() == 0) break;
            n = n.get(0);
        }
        int[] s = shape.stream().mapToInt(Integer::intValue).toArray();
        int total = 1;
        for (int v : s) total *= v;
        double[] data = new double[total];
        int[] pos = {0};
        fill(name, node, s, 0, data, pos);
        return NdArray.of(data, s);
    }

    private static void fill(String name, JsonNode node, int[] shape, int axis, double[] data, int[] pos) {
        if (axis == shape.length) {
            if (!node.isNumber()) throw new IllegalArgumentException("parameter '" + name + "': expected a number, got " + node);
            data[pos[0]++] = node.doubleValue();
            return;
        }
        if (!node.isArray() || node.size() != shape[axis]) {
            throw new IllegalArgumentException("parameter '" + name + "' is ragged: expected " + shape[axis]
                    + " entries along axis " + axis);
        }
        for (JsonNode c : node) fill(name, c, shape, axis + 1, data, pos);
    }
}
