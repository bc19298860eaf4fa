#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L8 `scratch` experiments `optimizers_mnist` and `init_mnist` (notebook 003).

Same rows as ClassLab (classlab.core.lesson.scratch.MnistSplit): the mnist-mini training images in
ClassLab's seeded order (java_permutation with the run's seed), the first N/6 for validation (cut to
test_size), the next train_size for training; the first test_size test images for the test.

optimizers_mnist: SimpleNet 784 -> 128 -> 64 -> 10 (ReLU), He init W ~ N(0, 2/n_in), biases 0,
softmax cross-entropy, batch 100, 3 epochs, one net per optimizer with torch.optim's rules, which are
the rules ClassLab's scratch optimizers implement (classlab.core.scratch.Optimizers): SGD(0.01),
SGD(0.01, momentum=0.9), SGD(0.01, momentum=0.9, nesterov=True) (the notebook's velocity form
v <- mu*v - lr*g; theta += -mu*v_prev + (1+mu)*v is the same path at a constant lr),
Adagrad(0.01, eps=1e-10), RMSprop(0.001, alpha=0.99, eps=1e-8), Adam(0.001).
init_mnist: 784 -> 5 x 100 -> 10 (ReLU) with W ~ N(0, s^2), s = 0.01 / sqrt(1/n_in) (the book's
Xavier) / sqrt(2/n_in) (He), plain SGD(0.01).

torch.manual_seed(seed) before each net. Everything runs in float64, as ClassLab's scratch layers
do. train_loss is the last epoch's mean mini-batch loss weighted by batch size (TrainLoop.fitEpoch).
Prints one JSON line per seed with ClassLab's metric names.

    /usr/bin/python3 bench/twins/scratch.py --data-dir ../shared/data/mnist-mini --seeds 42,1,2
"""
import argparse
import json
import math

import torch
import torch.nn as nn

from common import accuracy, java_permutation, mnist, train_epochs

OPTIMIZERS = {
    "sgd": lambda p, lr: torch.optim.SGD(p, lr=lr),
    "momentum": lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9),
    "nesterov": lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True),
    "adagrad": lambda p, lr: torch.optim.Adagrad(p, lr=lr, eps=1e-10),
    "rmsprop": lambda p, lr: torch.optim.RMSprop(p, lr=lr, alpha=0.99, eps=1e-8),
    "adam": lambda p, lr: torch.optim.Adam(p, lr=lr),
}
MNIST_LR = [0.01, 0.01, 0.01, 0.01, 0.001, 0.001]
SCALES = {"std001": lambda n_in: 0.01, "xavier": lambda n_in: math.sqrt(1.0 / n_in), "he": lambda n_in: math.sqrt(2.0 / n_in)}


def net(sizes, scale):
    layers = []
    for i in range(1, len(sizes)):
        lin = nn.Linear(sizes[i - 1], sizes[i]).double()
        with torch.no_grad():
            lin.weight.normal_(0.0, scale(sizes[i - 1]))
            lin.bias.zero_()
        layers.append(lin)
        if i < len(sizes) - 1:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=100)
    ap.add_argument("--train-size", type=int, default=50000)
    ap.add_argument("--test-size", type=int, default=10000)
    ap.add_argument("--experiment", choices=["optimizers_mnist", "init_mnist"], default="optimizers_mnist")
    a = ap.parse_args()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    xtr, xte = xtr.double(), xte.double()
    n = len(ytr)
    n_valid = 10000 if n >= 60000 else n // 6
    for seed in [int(s) for s in a.seeds.split(",")]:
        perm = torch.tensor(java_permutation(n, seed))
        train_rows = perm[n_valid:n_valid + min(a.train_size, n - n_valid)]
        x, y = xtr[train_rows], ytr[train_rows]
        xt, yt = xte[:a.test_size], yte[:a.test_size]
        finals = {}
        if a.experiment == "optimizers_mnist":
            for (name, make), lr in zip(OPTIMIZERS.items(), MNIST_LR):
                torch.manual_seed(seed)
                model = net([784, 128, 64, 10], SCALES["he"])
                finals["train_loss_" + name] = train_epochs(model, make(model.parameters(), lr), x, y, a.epochs, a.batch_size)
                finals["test_accuracy_" + name] = accuracy(model, xt, yt)
        else:
            for name, scale in SCALES.items():
                torch.manual_seed(seed)
                model = net([784, 100, 100, 100, 100, 100, 10], scale)
                loss = train_epochs(model, torch.optim.SGD(model.parameters(), lr=0.01), x, y, a.epochs, a.batch_size)
                finals["train_loss_relu_" + name] = loss
                finals["test_accuracy_relu_" + name] = accuracy(model, xt, yt)
        print(json.dumps({"lesson": "scratch", "seed": seed, "final": finals}), flush=True)


if __name__ == "__main__":
    main()
