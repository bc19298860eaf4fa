#!/usr/bin/env python3
"""PyTorch counterpart of `classlab bench`: the same workloads, for a ratio on the same machine.

Run with Debian's interpreter and python3-torch:  OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_bench.py
(the ClassLab figures are printed by `java -jar target/classlab.jar bench`). Random inputs of the
MNIST/notebook-004 shapes are used: throughput does not depend on pixel values.
"""
import resource
import time

import torch

torch.manual_seed(1)


def throughput(net, x, y, loss_fn, batch, epochs=3, warmup=1):
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    n = x.shape[0]

    def epoch():
        perm = torch.randperm(n)
        for s in range(0, n, batch):
            idx = perm[s:s + batch]
            opt.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            opt.step()

    net.train()
    for _ in range(warmup):
        epoch()
    t, cpu = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        epoch()
    # Also samples per second of process CPU time: less sensitive to other processes' load.
    throughput.per_cpu = n * epochs / (time.process_time() - cpu)
    return n * epochs / (time.perf_counter() - t)


def per_cpu():
    return f"samples/s ({throughput.per_cpu:.1f} per CPU-second)"


def report(name, value, unit):
    print(f"{name:<28} {value:12.1f} {unit}")


print(f"# PyTorch {torch.__version__}, threads={torch.get_num_threads()}")
x = torch.randn(6000, 784)
y = torch.randint(0, 10, (6000,))
mlp = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                          torch.nn.Linear(128, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
report("mlp_784_256_128_64_10_b256", throughput(mlp, x, y, torch.nn.CrossEntropyLoss(), 256), per_cpu())


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


xd = torch.randn(800, 20)
yd = torch.randint(0, 2, (800, 1)).float()
report("deep_20_64x3_32_1_b8", throughput(deep(False), xd, yd, torch.nn.BCEWithLogitsLoss(), 8), per_cpu())
report("deep_20_64x3_32_1_bn_b8", throughput(deep(True), xd, yd, torch.nn.BCEWithLogitsLoss(), 8), per_cpu())

# Full-batch 0-vs-1 (lesson 1): 784-32-1 sigmoid + BCE, SGD, ~1,700 images as in mnist-mini's 0/1 rows.
xb = torch.rand(1700, 784)
yb = torch.randint(0, 2, (1700, 1)).float()
net = torch.nn.Sequential(torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1), torch.nn.Sigmoid())
opt = torch.optim.SGD(net.parameters(), lr=1e-3)
loss_fn = torch.nn.BCELoss()
for i in range(220):
    if i == 20:
        t = time.perf_counter()
    loss = loss_fn(net(xb), yb)
    loss.backward()
    opt.step()
    opt.zero_grad()
report("full_batch_0v1", 200 * xb.shape[0] / (time.perf_counter() - t), "samples/s")
report("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MB")
