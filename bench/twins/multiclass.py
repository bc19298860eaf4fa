#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L2 `multiclass` experiments (notebook 001 §4 A and C, its code).

binary_logits (§4A): digits 0 and 1 of the mnist-mini training rows, 784 -> 32 ReLU -> 1, full batch, Adam
(PyTorch's default lr 0.001), 10 epochs, trained twice from torch.manual_seed(seed): once with the hand-made
sigmoid + BCELoss, once with BCEWithLogitsLoss. three_class (§4C): digits 0, 1, 2, 784 -> 32 ReLU -> 3,
CrossEntropyLoss on one-hot targets, full batch, Adam, 100 epochs; accuracy and loss also on the 0/1/2
test rows (the notebook only looks at the training rows). ClassLab's seed parameters are `binary_seed`
(notebook 0) and `seed` (notebook 43052); compare.py gives both the same seed. Prints one JSON line per
seed with ClassLab's metric names, prefixed by the experiment: train_loss is the last epoch's loss, computed
before its step, as the notebook's loop and ClassLab's Trainer report it.

    /usr/bin/python3 bench/twins/multiclass.py --data-dir ../shared/data/mnist-mini --seeds 42,1,2
"""
import argparse
import json

import torch
import torch.nn as nn

from common import fit_epoch, mnist


def digits(x, y, classes):
    """The notebook's torch.concat([X0, X1, ...]) with labels [0]*len(X0) + [1]*len(X1) + ..."""
    xs = torch.cat([x[y == c] for c in classes])
    ys = torch.cat([torch.full((int((y == c).sum()),), c, dtype=torch.int64) for c in classes])
    return xs, ys


class HandSigmoidBCE(nn.Module):
    """§4A's old code: yhat = exp(netout) / (1 + exp(netout)), then BCELoss."""
    def forward(self, netout, y):
        return nn.BCELoss()(torch.exp(netout) / (1 + torch.exp(netout)), y)


def binary_logits(x, y, seed, epochs):
    x, y = digits(x, y, (0, 1))
    y = y.float().reshape(-1, 1)
    out, accs = {}, {}
    for name, loss_fn in (("sigmoid_", HandSigmoidBCE()), ("", nn.BCEWithLogitsLoss())):
        torch.manual_seed(seed)
        net = nn.Sequential(nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 1))
        opt = torch.optim.Adam(net.parameters())
        accs[name] = []
        for _ in range(epochs):
            loss = fit_epoch(net, [(x, y)], opt, loss_fn)
            with torch.no_grad():
                accs[name].append(((net(x) > 0) == y).float().mean().item())
        out["binary_logits/" + name + "train_loss"] = loss
        out["binary_logits/" + name + "train_accuracy"] = accs[name][-1]
    out["binary_logits/max_accuracy_gap"] = max(abs(s - l) for s, l in zip(accs["sigmoid_"], accs[""]))
    return out


def three_class(xtr, ytr, xte, yte, seed, epochs):
    x, y = digits(xtr, ytr, (0, 1, 2))
    xx, yy = digits(xte, yte, (0, 1, 2))
    onehot = nn.functional.one_hot(y).float()
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 3))
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(net.parameters())
    for _ in range(epochs):
        loss = fit_epoch(net, [(x, onehot)], opt, loss_fn)
    with torch.no_grad():
        return {"three_class/train_loss": loss,
                "three_class/train_accuracy": (net(x).argmax(1) == y).float().mean().item(),
                "three_class/test_loss": loss_fn(net(xx), yy).item(),
                "three_class/test_accuracy": (net(xx).argmax(1) == yy).float().mean().item()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=0, help="0 = the notebook's 10 (binary_logits) and 100 (three_class)")
    a = ap.parse_args()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    for seed in [int(s) for s in a.seeds.split(",")]:
        final = binary_logits(xtr, ytr, seed, a.epochs or 10)
        final.update(three_class(xtr, ytr, xte, yte, seed, a.epochs or 100))
        print(json.dumps({"lesson": "multiclass", "seed": seed, "final": final}), flush=True)


if __name__ == "__main__":
    main()
