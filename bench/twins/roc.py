#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L6 `roc-smoothing` experiment `roc` (notebook 000 Part 3, ROC, its code).

Digits 0-4 of the first train_size/test_size rows of mnist-mini; 784-256-128-5 with BatchNorm1d and
Dropout 0.3, Adam 1e-3, batch 256 shuffled, 20 epochs; torch.manual_seed(seed) first and the
notebook's unused make_classifier call (it draws from the same generator). Prints one JSON line per
seed: test accuracy and roc_auc_score(multi_class='ovr') macro and weighted.

    /usr/bin/python3 bench/twins/roc.py --data-dir ../shared/data/mnist-mini --seeds 42,1,2
"""
import argparse
import json

import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import roc_auc_score

from common import batches, fit_epoch, mnist
from imbalance import make_classifier


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--train-size", type=int, default=6000)
    ap.add_argument("--test-size", type=int, default=1000)
    a = ap.parse_args()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    xtr, ytr, xte, yte = xtr[:a.train_size], ytr[:a.train_size], xte[:a.test_size], yte[:a.test_size]
    x5, y5 = xte[yte < 5], yte[yte < 5]
    x5tr, y5tr = xtr[ytr < 5], ytr[ytr < 5]
    for seed in [int(s) for s in a.seeds.split(",")]:
        torch.manual_seed(seed)
        make_classifier(use_dropout=True, use_bn=True)
        model = nn.Sequential(nn.Linear(784, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.3),
                              nn.Linear(256, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.3),
                              nn.Linear(128, 5))
        opt = torch.optim.Adam(model.parameters(), lr=0.001)
        # digits 0-4 of the first 6,000 mnist-mini rows are 3,073 = 12 x 256 + 1 images: the last batch of one is dropped
        loader = batches(x5tr, y5tr, 256, batch_norm=True)
        for _ in range(a.epochs):
            fit_epoch(model, loader, opt, nn.CrossEntropyLoss())
        model.eval()
        with torch.no_grad():
            probs = F.softmax(model(x5), dim=1).numpy()
        y = y5.numpy()
        print(json.dumps({"lesson": "roc-smoothing", "seed": seed, "final": {
            "test_accuracy": float((probs.argmax(1) == y).mean()),
            "auc_macro": float(roc_auc_score(y, probs, multi_class="ovr", average="macro")),
            "auc_weighted": float(roc_auc_score(y, probs, multi_class="ovr", average="weighted"))}}), flush=True)


if __name__ == "__main__":
    main()
