"""Regenerates the NPY/NPZ test fixtures for io.ssm4j.datasets.io (run from this directory).

Values are simple formulas the Java tests recompute:
  base(n)  = (arange(n) - 5) * 0.25 + 0.1        (float64)
  ints(n)  = arange(n) * 7 - 20                  (any integer dtype)
  flags(n) = arange(n) % 3 == 0                  (bool)
Malformed files are derived from valid ones by cutting or editing bytes.

    python3 gen_fixtures.py
"""
import io

import numpy as np


def base(n):
    return (np.arange(n) - 5) * 0.25 + 0.1


def ints(n):
    return np.arange(n) * 7 - 20


def flags(n):
    return np.arange(n) % 3 == 0


def save(name, a):
    np.save(name, a, allow_pickle=False)


def npy_bytes(a, version=None, allow_pickle=False):
    f = io.BytesIO()
    if version is None:
        np.save(f, a, allow_pickle=allow_pickle)
    else:
        np.lib.format.write_array(f, a, version=version, allow_pickle=allow_pickle)
    return f.getvalue()


def write_bytes(name, b):
    with open(name, "wb") as f:
        f.write(b)


# one file per element type, shape (3, 4)
save("f8.npy", base(12).reshape(3, 4))
save("f4.npy", base(12).astype("<f4").reshape(3, 4))
for code in ["i8", "i4", "i2", "i1"]:
    save(code + ".npy", ints(12).astype("<" + code).reshape(3, 4))
save("u1.npy", (np.arange(12) * 20).astype("u1").reshape(3, 4))
save("u2.npy", (np.arange(12) * 5000).astype("<u2").reshape(3, 4))
save("u4.npy", (np.arange(12) * 390000000).astype("<u4").reshape(3, 4))
save("u8.npy", (np.arange(12) * 10**15).astype("<u8").reshape(3, 4))
save("b1.npy", flags(12).reshape(3, 4))
for code in ["f8", "f4", "i8", "i4", "u2"]:
    src = base(12) if code[0] == "f" else (np.arange(12) * 5000 if code == "u2" else ints(12))
    save("be_" + code + ".npy", src.astype(">" + code).reshape(3, 4))

# special float values: 0.1, 1/3, -0.0, nan, inf, -inf, smallest subnormal, largest finite
save("f8_special.npy", np.array([0.1, 1.0 / 3.0, -0.0, np.nan, np.inf, -np.inf, 5e-324, 1.7976931348623157e308]))

# layouts and dimensions
save("fortran_2d.npy", np.asfortranarray(base(12).reshape(3, 4)))
save("fortran_3d.npy", np.asfortranarray(base(24).reshape(2, 3, 4)))
save("fortran_i4.npy", np.asfortranarray(ints(6).astype("<i4").reshape(2, 3)))
save("scalar.npy", np.float64(2.5))
save("scalar_i8.npy", np.int64(-7))
save("vector.npy", base(5))
save("c_3d.npy", base(24).reshape(2, 3, 4))
save("c_4d.npy", base(120).reshape(2, 3, 4, 5))
save("empty.npy", np.zeros((0, 3)))
write_bytes("v2.npy", npy_bytes(base(12).reshape(3, 4), version=(2, 0)))
write_bytes("v3.npy", npy_bytes(base(12).reshape(3, 4), version=(3, 0)))

# archives: names deliberately not in alphabetical order
arrays = dict(y=base(12).reshape(3, 4), a=ints(5), m=flags(6).reshape(2, 3), s=np.float64(1.5))
np.savez("savez.npz", **arrays)
np.savez_compressed("savez_compressed.npz", **arrays)

# malformed files
good = npy_bytes(base(12).reshape(3, 4))
write_bytes("truncated.npy", good[:-10])
write_bytes("bad_magic.npy", b"\x93NUMPX" + good[6:])
write_bytes("object.npy", npy_bytes(np.array([1, "a"], dtype=object), allow_pickle=True))
save("complex.npy", np.array([1 + 2j, 3 - 4j]))
save("unicode.npy", np.array(["ab", "cd"]))
# header says (2, 3) but the data hold 12 float64 values
write_bytes("shape_mismatch.npy", good.replace(b"'shape': (3, 4)", b"'shape': (2, 3)"))
# header dict lacks 'shape' (the key is misspelled, same length)
write_bytes("bad_header.npy", good.replace(b"'shape'", b"'shapf'"))
