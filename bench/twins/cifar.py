#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L7 `cifar` experiment `baselines` in its MNIST mode (notebook 002 §2, its code).

CIFAR-10 cannot be downloaded here, so both sides run the lesson's MNIST fallback (`--set dataset=mnist`).
Same rows as ClassLab (classlab.core.lesson.cifar.CifarDataset.split): the mnist-mini training images in
ClassLab's seeded order (java_permutation with the run's seed), the first train_size of them split 80/20
into train / validation (the last 20 % validate), and the first test_size test images. Pixels are
rounded to bytes as ClassLab stores them, then Normalize((0.1307,), (0.3081,)).

The notebook's MLP (Flatten -> Linear(784, 256) -> ReLU -> Dropout(0.3) -> Linear(256, 10)) trained for
mlp_epochs and CNN_V1 (conv 32/64/128, 3x3 padding 1, max-pools, AdaptiveAvgPool, Dropout(0.3),
Linear(128, 10)) for epochs, each with Adam(1e-3), CrossEntropyLoss, batch 128, shuffled;
torch.manual_seed(seed) before each net. train_loss is the last epoch's mean mini-batch loss;
train_accuracy is measured after the epoch in eval mode on the first 2,000 training rows (as ClassLab
reports it, not the notebook's running mean). Prints one JSON line per seed with ClassLab's metric names.

    /usr/bin/python3 bench/twins/cifar.py --data-dir ../shared/data/mnist-mini --seeds 42,1,2 \
        --train-size 3000 --test-size 1000 --epochs 6 --mlp-epochs 6
"""
import argparse
import json

import torch
import torch.nn as nn

from common import accuracy, java_permutation, mnist, train_epochs

TRAIN_PROBE = 2000


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.3), nn.Linear(256, 10))


def cnn_v1():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(),
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, 10))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--dataset", choices=["mnist"], default="mnist", help="the lesson's MNIST mode (no CIFAR-10 here)")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--mlp-epochs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--train-size", type=int, default=10000)
    ap.add_argument("--test-size", type=int, default=2000)
    a = ap.parse_args()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    norm = lambda x: ((torch.round(x * 255) / 255 - 0.1307) / 0.3081).reshape(-1, 1, 28, 28)
    xtr, xte = norm(xtr), norm(xte)
    for seed in [int(s) for s in a.seeds.split(",")]:
        perm = torch.tensor(java_permutation(len(ytr), seed))
        n = min(a.train_size, len(ytr))
        n_val = int(n * 0.2)
        tr, va = perm[:n - n_val], perm[n - n_val:n]
        x, y, xv, yv = xtr[tr], ytr[tr], xtr[va], ytr[va]
        xt, yt = xte[:a.test_size], yte[:a.test_size]
        finals = {}
        for name, make, epochs in (("mlp", mlp, a.mlp_epochs), ("cnn_v1", cnn_v1, a.epochs)):
            torch.manual_seed(seed)
            model = make()
            finals["train_loss_" + name] = train_epochs(model, torch.optim.Adam(model.parameters(), lr=1e-3), x, y, epochs, a.batch_size)
            finals["train_accuracy_" + name] = accuracy(model, x[:TRAIN_PROBE], y[:TRAIN_PROBE])
            finals["val_accuracy_" + name] = accuracy(model, xv, yv)
            finals["test_accuracy_" + name] = accuracy(model, xt, yt)
        print(json.dumps({"lesson": "cifar", "seed": seed, "final": finals}), flush=True)


if __name__ == "__main__":
    main()
