#!/usr/bin/env python3
"""PyTorch counterpart of `classlab bench`: the same workloads, for a ratio on the same machine.

Run with Debian's interpreter and python3-torch:
    OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_bench.py [--quick] [--workloads a,b,...]
`bench/compare` runs this and ClassLab's `bench` alternately and prints the ratios. Random inputs
of the workloads' shapes are used: throughput does not depend on pixel values. Sizes and epoch
counts must stay equal to BenchCommand's (classlab.cli.BenchCommand.Workload).

Each throughput line reads `name  samples/s  samples/s (X per CPU-second)`, where CPU-seconds are
this thread's CPU time (time.thread_time): with one compute thread that is the work done, whatever
else the machine is running.
"""
import argparse
import resource
import time

import torch

WORKLOADS = ["mlp_784_256_128_64_10_b256", "deep_20_64x3_32_1_b8", "deep_20_64x3_32_1_bn_b8", "full_batch_0v1",
             "cnn_v1_32x32x3_b128"]


def report(name, samples, wall, cpu, unit="samples/s"):
    print(f"{name:<28} {samples / wall:12.1f} {unit} ({samples / cpu:.1f} per CPU-second)", flush=True)


def throughput(name, net, x, y, loss_fn, batch, warmup, measured):
    """Adam(1e-3) epochs over a fresh permutation each time, as ClassLab's Trainer does."""
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    n = x.shape[0]

    def epoch():
        perm = torch.randperm(n)
        xs, ys = x[perm], y[perm]
        for s in range(0, n, batch):
            opt.zero_grad()
            loss = loss_fn(net(xs[s:s + batch]), ys[s:s + batch])
            loss.backward()
            opt.step()
            loss.item()  # ClassLab reads every iteration's loss (divergence check, live chart)

    net.train()
    for _ in range(warmup):
        epoch()
    t, cpu = time.perf_counter(), time.thread_time()
    for _ in range(measured):
        epoch()
    report(name, n * measured, time.perf_counter() - t, time.thread_time() - cpu)


def deep(bn):
    layers, width_in = [], 20
    for w in (64, 64, 64, 32):
        layers.append(torch.nn.Linear(width_in, w))
        if bn:
            layers.append(torch.nn.BatchNorm1d(w))
        layers.append(torch.nn.ReLU())
        width_in = w
    layers.append(torch.nn.Linear(width_in, 1))
    return torch.nn.Sequential(*layers)


def cnn_v1():
    """Notebook 002's CNN_V1 (94,538 parameters)."""
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(),
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, 10))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="fewer measured epochs (as `bench --quick`)")
    p.add_argument("--workloads", default=",".join(WORKLOADS))
    a = p.parse_args()
    chosen = a.workloads.split(",")
    unknown = [w for w in chosen if w not in WORKLOADS]
    if unknown:
        p.error(f"unknown workload(s) {unknown}; choose from {WORKLOADS}")
    q = a.quick
    torch.manual_seed(1)
    print(f"# PyTorch {torch.__version__}, threads={torch.get_num_threads()}", flush=True)
    for w in chosen:
        if w == "mlp_784_256_128_64_10_b256":
            mlp = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                                      torch.nn.ReLU(), torch.nn.Linear(128, 64), torch.nn.ReLU(),
                                      torch.nn.Linear(64, 10))
            throughput(w, mlp, torch.randn(6000, 784), torch.randint(0, 10, (6000,)), torch.nn.CrossEntropyLoss(),
                       256, 5, 2 if q else 3)
        elif w.startswith("deep_"):
            xd, yd = torch.randn(800, 20), torch.randint(0, 2, (800, 1)).float()
            throughput(w, deep("_bn_" in w), xd, yd, torch.nn.BCEWithLogitsLoss(), 8, 1, 1 if q else 3)
        elif w == "full_batch_0v1":
            # Lesson 1: 784-32-1 sigmoid + BCE, SGD(1e-3), one step per epoch over the 1,254 0/1 images
            # among the first 6,000 MNIST training images.
            xb, yb = torch.rand(1254, 784), torch.randint(0, 2, (1254, 1)).float()
            net = torch.nn.Sequential(torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1),
                                      torch.nn.Sigmoid())
            opt = torch.optim.SGD(net.parameters(), lr=1e-3)
            loss_fn = torch.nn.BCELoss()
            steps = 100 if q else 200

            def step():
                opt.zero_grad()
                loss = loss_fn(net(xb), yb)
                loss.backward()
                opt.step()
                loss.item()

            for _ in range(20):
                step()
            t, cpu = time.perf_counter(), time.thread_time()
            for _ in range(steps):
                step()
            report(w, steps * xb.shape[0], time.perf_counter() - t, time.thread_time() - cpu)
        elif w == "cnn_v1_32x32x3_b128":
            xc, yc = torch.randn(640, 3, 32, 32), torch.randint(0, 10, (640,))
            throughput(w, cnn_v1(), xc, yc, torch.nn.CrossEntropyLoss(), 128, 1, 1 if q else 2)
    print(f"{'peak_rss_mb':<28} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:12.1f} MB", flush=True)


if __name__ == "__main__":
    main()
