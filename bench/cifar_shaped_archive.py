#!/usr/bin/env python3
"""Writes a CIFAR-10-format archive of random images, as large as the real release, for timing the
`cifar` lesson and its reader where the real cifar-10-binary.tar.gz cannot be downloaded.

    python3 bench/cifar_shaped_archive.py OUT_DIR [RECORDS_PER_FILE]

creates OUT_DIR/cifar-10/cifar-10-binary.tar.gz: cifar-10-batches-bin/data_batch_1..5.bin and
test_batch.bin with RECORDS_PER_FILE records each (default 10,000, as the real files: 1 label byte
0..9 + 3,072 random pixel bytes), and batches.meta.txt. Random pixels carry nothing to learn: use it
for seconds per epoch and memory, not accuracy. Then:

    java -jar target/classlab.jar run cifar --data-dir OUT_DIR --experiment baselines --epochs 1 --set mlp_epochs=1
"""
import io
import os
import sys
import tarfile

NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = os.path.join(sys.argv[1], "cifar-10")
    records = int(sys.argv[2]) if len(sys.argv) == 3 else 10000
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "cifar-10-binary.tar.gz")
    with tarfile.open(path, "w:gz", compresslevel=1) as tar:
        def add(name, data):
            info = tarfile.TarInfo("cifar-10-batches-bin/" + name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))

        add("batches.meta.txt", ("\n".join(NAMES) + "\n\n").encode())
        for name in ["data_batch_%d.bin" % i for i in range(1, 6)] + ["test_batch.bin"]:
            body = bytearray(os.urandom(records * 3073))
            for r in range(records):
                body[r * 3073] %= 10
            add(name, bytes(body))
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
