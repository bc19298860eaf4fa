#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L4 `imbalance` experiment `strategies` (notebook 000 Part 2, its code).

Same rows as ClassLab: the first train_size/test_size rows of mnist-mini, minority classes 5-9 cut to
10 % with ClassLab's seeded choice (data_seed 0); the model, optimiser, loaders, sampler and metric are
the notebook's (`make_classifier(use_dropout=True, use_bn=True)`, Adam 1e-3, batch 256, 25 epochs,
`f1_score(average='macro')`). `torch.manual_seed(seed)` before each strategy, as the notebook's
`train_imb` does with 42. Prints one JSON line per seed with the final metrics under ClassLab's names, and
the mean macro F1 and minority recall of the last 8 epochs (`..._last8`; compare.py reads ClassLab's from
its metrics.csv).

    /usr/bin/python3 bench/twins/imbalance.py --data-dir ../shared/data/mnist-mini --seeds 42,1,2
"""
import argparse
import json

import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score, recall_score
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

from common import batches, classlab_imbalance, fit_epoch, mnist


LAST = 8  # the final value moves by 0.02-0.03 from epoch to epoch; the mean of the last 8 epochs is steadier


def make_classifier(use_dropout=False, use_bn=False, p_drop=0.3):
    layers, in_dim = [], 784
    for out_dim in [256, 128, 64]:
        layers.append(nn.Linear(in_dim, out_dim))
        if use_bn:
            layers.append(nn.BatchNorm1d(out_dim))
        layers.append(nn.ReLU())
        if use_dropout:
            layers.append(nn.Dropout(p=p_drop))
        in_dim = out_dim
    layers.append(nn.Linear(in_dim, 10))
    return nn.Sequential(*layers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--train-size", type=int, default=6000)
    ap.add_argument("--test-size", type=int, default=1000)
    a = ap.parse_args()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    xtr, ytr, xte, yte = xtr[:a.train_size], ytr[:a.train_size], xte[:a.test_size], yte[:a.test_size]
    rows = classlab_imbalance(ytr, set(range(5, 10)), 0.1, 0)
    x_imb, y_imb = xtr[rows], ytr[rows]
    counts = torch.bincount(y_imb, minlength=10)
    n, k = len(y_imb), 10
    class_weights = torch.tensor([n / (k * counts[c].item()) for c in range(10)], dtype=torch.float32)
    for seed in [int(s) for s in a.seeds.split(",")]:
        finals = {}
        for strategy in ("plain", "weighted_loss", "sampler"):
            torch.manual_seed(seed)
            model = make_classifier(use_dropout=True, use_bn=True)
            opt = torch.optim.Adam(model.parameters(), lr=0.001)
            crit = nn.CrossEntropyLoss(weight=class_weights) if strategy == "weighted_loss" else nn.CrossEntropyLoss()
            if strategy == "sampler":
                sampler = WeightedRandomSampler(class_weights[y_imb], num_samples=len(y_imb), replacement=True)
                loader = DataLoader(TensorDataset(x_imb, y_imb), batch_size=256, sampler=sampler)
            else:
                loader = batches(x_imb, y_imb, 256)
            y = yte.numpy()
            per_epoch = []  # (macro F1, minority recall) after each epoch, as ClassLab logs them
            for _ in range(a.epochs):
                fit_epoch(model, loader, opt, crit)
                model.eval()
                with torch.no_grad():
                    preds = model(xte).argmax(1).numpy()
                per_epoch.append((float(f1_score(y, preds, average="macro")),
                                  float(recall_score(y, preds, labels=[5, 6, 7, 8, 9], average="macro", zero_division=0))))
            finals["test_accuracy_" + strategy] = float(accuracy_score(y, preds))
            finals["macro_f1_" + strategy] = per_epoch[-1][0]
            finals["macro_recall_minority_" + strategy] = per_epoch[-1][1]
            tail = per_epoch[-LAST:]
            finals[f"macro_f1_{strategy}_last{LAST}"] = sum(f for f, _ in tail) / len(tail)
            finals[f"macro_recall_minority_{strategy}_last{LAST}"] = sum(r for _, r in tail) / len(tail)
        print(json.dumps({"lesson": "imbalance", "seed": seed, "final": finals}), flush=True)


if __name__ == "__main__":
    main()
