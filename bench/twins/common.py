"""Shared pieces of the PyTorch twins: mnist-mini as ClassLab reads it, ClassLab's seeded row choices.

The twins run with Debian's python3-torch 1.13 (`/usr/bin/python3`), one compute thread.
"""
import gzip
import math
import os
import struct

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)


def batches(x, y, batch_size, shuffle=True, batch_norm=False):
    """The notebooks' DataLoader(TensorDataset(x, y), batch_size, shuffle); a batch size of 0 or at least
    len(y) is one full batch (no generator draw). With BatchNorm a last batch of ONE row is dropped, as
    ClassLab's Trainer does: PyTorch's BatchNorm1d refuses it ("Expected more than 1 value per channel")."""
    if batch_size <= 0 or batch_size >= len(y):
        return [(x, y)]
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle,
                      drop_last=batch_norm and len(y) % batch_size == 1)


def fit_epoch(model, loader, opt, loss_fn):
    """One epoch of the notebooks' step 1-4 loop in training mode; returns the mean batch loss weighted by
    batch size (the notebooks' `epoch_loss / len(dataset)`; for one full batch, the loss before the step)."""
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
        n += len(xb)
    return total / n


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
        self.saved = None

    def next(self, bits):
        self.seed = (self.seed * self.MULT + self.ADD) & self.MASK
        r = self.seed >> (48 - bits)
        return r - (1 << bits) if r >= 1 << (bits - 1) and bits == 32 else r

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * 2.0 ** -53

    def next_boolean(self):
        return self.next(1) != 0

    def next_gaussian(self):
        """java.util.Random.nextGaussian (polar method; StrictMath.log/sqrt, which math.log/sqrt match for
        all but the rarest last-bit cases)."""
        if self.saved is not None:
            g, self.saved = self.saved, None
            return g
        while True:
            v1, v2 = 2 * self.next_double() - 1, 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        m = math.sqrt(-2 * math.log(s) / s)
        self.saved = v2 * m
        return v1 * m

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


def java_permutation(n, seed, rng=None):
    """classlab.core.data.LabeledData.permutation: Fisher-Yates with java.util.Random."""
    idx = list(range(n))
    rng = rng or JavaRandom(seed)
    for i in range(n - 1, 0, -1):
        j = rng.next_int(i + 1)
        idx[i], idx[j] = idx[j], idx[i]
    return idx


def classlab_make_classification(seed, samples=1000, features=20, informative=15, redundant=2, classes=2,
                                 clusters_per_class=2, class_sep=1.0, flip_y=0.01):
    """classlab.core.data.SyntheticClassification (scikit-learn's make_classification recipe, hypercube, no
    repeated features, shift 0, scale 1, shuffled) drawn with ClassLab's java.util.Random: (X float32, y)."""
    rng = JavaRandom(seed)
    clusters = classes * clusters_per_class
    per_cluster = [int(samples * (1.0 / classes) / clusters_per_class)] * clusters
    for i in range(samples - sum(per_cluster)):
        per_cluster[i % clusters] += 1
    centroids, seen = [], set()
    while len(centroids) < clusters:
        bits = [rng.next_boolean() for _ in range(informative)]
        if tuple(bits) not in seen:
            seen.add(tuple(bits))
            centroids.append([class_sep if b else -class_sep for b in bits])
    x = [[rng.next_gaussian() for _ in range(informative)] + [0.0] * (features - informative) for _ in range(samples)]
    y = [0] * samples

    def uniform(rows, cols):
        return [[2 * rng.next_double() - 1 for _ in range(cols)] for _ in range(rows)]

    def times(row, m):
        out = [0.0] * len(m[0])
        for i in range(informative):
            for j in range(len(out)):
                out[j] += row[i] * m[i][j]
        return out

    start = 0
    for k in range(clusters):
        a = uniform(informative, informative)
        for i in range(start, start + per_cluster[k]):
            y[i] = k % classes
            mixed = times(x[i], a)
            x[i][:informative] = [mixed[j] + centroids[k][j] for j in range(informative)]
        start += per_cluster[k]
    if redundant:
        b = uniform(informative, redundant)
        for row in x:
            row[informative:informative + redundant] = times(row, b)
    for row in x:
        for j in range(informative + redundant, features):
            row[j] = rng.next_gaussian()
    for i in range(samples):
        if rng.next_double() < flip_y:
            y[i] = rng.next_int(classes)
    rows = java_permutation(samples, None, rng)
    cols = java_permutation(features, None, rng)
    xs = np.array([[x[r][c] for c in cols] for r in rows], dtype=np.float32)
    return xs, np.array([y[r] for r in rows], dtype=np.int64)


def classlab_stratified_split(y, test_fraction, seed):
    """classlab.core.data.Subsets.stratifiedSplit: round(n * f) held out, shared among classes by largest
    remainder, taken in ClassLab's seeded order; returns (train rows, held-out rows) in that order."""
    counts = np.bincount(y).tolist()
    total = int(math.floor(len(y) * test_fraction + 0.5))
    quota = [int(math.floor(c * test_fraction)) for c in counts]
    for c in sorted(range(len(counts)), key=lambda c: -(counts[c] * test_fraction - quota[c])):
        if sum(quota) < total and quota[c] < counts[c]:
            quota[c] += 1
    taken, train, held = [0] * len(counts), [], []
    for i in java_permutation(len(y), seed):
        if taken[y[i]] < quota[y[i]]:
            taken[y[i]] += 1
            held.append(i)
        else:
            train.append(i)
    return train, held


def classlab_standardize(train, *others):
    """classlab.core.data.Standardizer: (x - mean) / std (ddof 0) fitted on `train` in double, as float32."""
    mean = train.astype(np.float64).mean(0)
    std = np.sqrt(((train.astype(np.float64) - mean) ** 2).mean(0))
    std[std == 0] = 1
    return [((a.astype(np.float64) - mean) / std).astype(np.float32) for a in (train,) + others]


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
