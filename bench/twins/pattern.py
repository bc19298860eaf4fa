#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L1 `pattern` experiment `full_batch` (notebook 001 §3 A, its code).

MNIST 0 and 1 of mnist-mini (train and test), 784 -> 32 ReLU -> 1 sigmoid, BCELoss, SGD with PyTorch's
default lr 0.001, 500 full-batch epochs; torch.manual_seed(seed) before building the net (the notebook
uses 1). Prints one JSON line per seed with ClassLab's metric names: train_loss is the last epoch's loss
(computed before its step, as the notebook's loop and ClassLab's Trainer report it).

    /usr/bin/python3 bench/twins/pattern.py --data-dir ../shared/data/mnist-mini --seeds 1,2,3
"""
import argparse
import json

import torch

from common import fit_epoch, mnist


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--epochs", type=int, default=500)
    ap.add_argument("--lr", type=float, default=0.001)
    a = ap.parse_args()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    x = torch.cat([xtr[ytr == 0], xtr[ytr == 1]])
    y = torch.tensor([0.0] * int((ytr == 0).sum()) + [1.0] * int((ytr == 1).sum())).reshape(-1, 1)
    xx = torch.cat([xte[yte == 0], xte[yte == 1]])
    yy = torch.tensor([0.0] * int((yte == 0).sum()) + [1.0] * int((yte == 1).sum())).reshape(-1, 1)
    for seed in [int(s) for s in a.seeds.split(",")]:
        torch.manual_seed(seed)
        net = torch.nn.Sequential(torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1), torch.nn.Sigmoid())
        loss_fn = torch.nn.BCELoss()
        opt = torch.optim.SGD(net.parameters(), lr=a.lr)
        for _ in range(a.epochs):
            loss = fit_epoch(net, [(x, y)], opt, loss_fn)
        with torch.no_grad():
            train_acc = ((net(x) > 0.5) == y).float().mean().item()
            test_acc = ((net(xx) > 0.5) == yy).float().mean().item()
        print(json.dumps({"lesson": "pattern", "seed": seed, "final": {
            "train_loss": loss, "train_accuracy": train_acc, "test_accuracy": test_acc}}), flush=True)


if __name__ == "__main__":
    main()
