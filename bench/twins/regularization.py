#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L3 `regularization` experiment `all_four` (notebook 000 Part 1, 1-3, its code).

First train_size/test_size rows of mnist-mini; make_classifier for none / dropout / batchnorm / both
(784-256-128-64-10, Dropout 0.3, BatchNorm1d), Adam 1e-3, batch 256 shuffled, 30 epochs, with
torch.manual_seed(seed) before each configuration (the notebook uses 42). Prints one JSON line per
seed with ClassLab's metric names (train_loss = mean loss of the last epoch's batches).

    /usr/bin/python3 bench/twins/regularization.py --data-dir ../shared/data/mnist-mini --seeds 42,1,2
"""
import argparse
import json

import torch
import torch.nn as nn

from common import accuracy, batches, fit_epoch, mnist
from imbalance import make_classifier

CONFIGS = [("none", dict()), ("dropout", dict(use_dropout=True)), ("batchnorm", dict(use_bn=True)),
           ("both", dict(use_dropout=True, use_bn=True))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--train-size", type=int, default=6000)
    ap.add_argument("--test-size", type=int, default=1000)
    a = ap.parse_args()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    xtr, ytr, xte, yte = xtr[:a.train_size], ytr[:a.train_size], xte[:a.test_size], yte[:a.test_size]
    for seed in [int(s) for s in a.seeds.split(",")]:
        finals = {}
        for name, cfg in CONFIGS:
            torch.manual_seed(seed)
            model = make_classifier(**cfg)
            opt = torch.optim.Adam(model.parameters(), lr=0.001)
            loader = batches(xtr, ytr, 256, batch_norm=cfg.get("use_bn", False))
            for _ in range(a.epochs):
                train_loss = fit_epoch(model, loader, opt, nn.CrossEntropyLoss())
            finals["train_loss_" + name] = train_loss
            finals["train_accuracy_" + name] = accuracy(model, xtr, ytr)
            finals["test_accuracy_" + name] = accuracy(model, xte, yte)
        print(json.dumps({"lesson": "regularization", "seed": seed, "final": finals}), flush=True)


if __name__ == "__main__":
    main()
