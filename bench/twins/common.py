"""Shared pieces of the PyTorch twins: mnist-mini as ClassLab reads it, ClassLab's seeded row choices.

The twins run with Debian's python3-torch 1.13 (`/usr/bin/python3`), one compute thread.
"""
import gzip
import os
import struct

import numpy as np
import torch

torch.set_num_threads(1)


def _idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def mnist(data_dir):
    """(X_train, y_train, X_test, y_test) as the notebooks build them: pixels / 255 as float32, 784 per row."""
    def find(base):
        for name in (base + ".gz", base):
            if os.path.exists(os.path.join(data_dir, name)):
                return os.path.join(data_dir, name)
        raise FileNotFoundError(base + " in " + data_dir)
    xs = [torch.tensor(_idx(find(b + "-images-idx3-ubyte")).reshape(-1, 784), dtype=torch.float32) / 255.0
          for b in ("train", "t10k")]
    ys = [torch.tensor(_idx(find(b + "-labels-idx1-ubyte")).astype(np.int64)) for b in ("train", "t10k")]
    return xs[0], ys[0], xs[1], ys[1]


class JavaRandom:
    """java.util.Random (48-bit LCG), to draw exactly the rows ClassLab draws."""
    MULT, ADD, MASK = 0x5DEECE66D, 0xB, (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULT) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * self.MULT + self.ADD) & self.MASK
        r = self.seed >> (48 - bits)
        return r - (1 << bits) if r >= 1 << (bits - 1) and bits == 32 else r

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            if u - r + m < (1 << 31):
                return r
            u = self.next(31)


def java_permutation(n, seed):
    """classlab.core.data.LabeledData.permutation: Fisher-Yates with java.util.Random."""
    idx = list(range(n))
    rng = JavaRandom(seed)
    for i in range(n - 1, 0, -1):
        j = rng.next_int(i + 1)
        idx[i], idx[j] = idx[j], idx[i]
    return idx


def classlab_imbalance(y, minority_classes, keep_fraction, seed):
    """classlab.core.data.Subsets.imbalance: per minority class keep max(1, int(n_c * fraction)) rows
    (the notebook's make_imbalanced), visited in ClassLab's seeded order; returns sorted row indices."""
    y = y.tolist()
    counts = [y.count(c) for c in range(10)]
    keep = [counts[c] if c not in minority_classes else min(counts[c], max(1, int(counts[c] * keep_fraction)))
            for c in range(10)]
    taken = [0] * 10
    kept = []
    for i in java_permutation(len(y), seed):
        c = y[i]
        if taken[c] < keep[c]:
            taken[c] += 1
            kept.append(i)
    return sorted(kept)


def train_epochs(model, opt, x, y, epochs, batch):
    """Shuffled mini-batches of CrossEntropyLoss for `epochs` epochs in training mode; returns the last epoch's
    mean mini-batch loss weighted by batch size (classlab.core.train.TrainLoop.fitEpoch)."""
    loss_fn = torch.nn.CrossEntropyLoss()
    loss = float("nan")
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(y))
        total = 0.0
        for start in range(0, len(y), batch):
            idx = order[start:start + batch]
            opt.zero_grad()
            l = loss_fn(model(x[idx]), y[idx])
            l.backward()
            opt.step()
            total += l.item() * len(idx)
        loss = total / len(y)
    return loss


def accuracy(model, x, y):
    """Fraction of rows whose arg-max output equals the label, in eval mode."""
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()
