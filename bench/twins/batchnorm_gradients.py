#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L9 `batchnorm-gradients` experiments (notebook 004 Part 5, its code).

Same rows as ClassLab: ClassLab's make_classification(1000, 20 features, 15 informative) drawn with its
java.util.Random seeded by the run's seed, its stratified 80/20 split and StandardScaler (common.py ports
all three; the notebook's sklearn call with random_state=42 gives other numbers). Networks, loss and loop
are the notebook's: SimpleNet 20-64-32-1 and NetWithoutBN / NetWithBN 20-64-64-64-32-1 (Linear -> BN -> ReLU),
Sigmoid + BCELoss, Adam 1e-3, DataLoader(shuffle=True), epoch loss = epoch_loss / len(dataloader) (the mean of
the batch losses). torch.manual_seed(seed) before each network (the notebook seeds 42 once at the top).

- batch_size (5-1): SimpleNet, batch 8/32/128/512, 30 epochs -> final_loss_batch<B>
- bn_effect (5-2): both deep nets, batch 8, 50 epochs -> final_loss_no_bn, final_loss_bn
- gradients (5-3): one forward/backward on the first 32 training rows, mean |grad| of each Linear weight
  (the notebook also hooks BN's gamma, which PyTorch names `weight`; ClassLab and this twin compare Linear
  layers only), max/min spread; then 10 epochs at batch 32 sampling every 5th iteration into a moving
  average (weight 0.1) as ClassLab's GradientProbe does -> grad_spread_live_*, final_loss_*
- bn_batch_sizes (5-4): both deep nets at batch 8/16/32/64, 30 epochs -> final_loss_<no_bn|bn>_batch<B>
- modes (5-5): NetWithBN, batch 32, 30 epochs; the first 10 test rows predicted 5 times in train mode with
  the same batch, with 22 other test rows drawn as ClassLab draws them, and in eval mode -> variances

    /usr/bin/python3 bench/twins/batchnorm_gradients.py --seeds 42,1,2
"""
import argparse
import json

import numpy as np
import torch
import torch.nn as nn

from common import (JavaRandom, batches, classlab_make_classification, classlab_standardize,
                    classlab_stratified_split)


def net(hidden, bn):
    layers, in_dim = [], 20
    for out_dim in hidden:
        layers += [nn.Linear(in_dim, out_dim)] + ([nn.BatchNorm1d(out_dim)] if bn else []) + [nn.ReLU()]
        in_dim = out_dim
    return nn.Sequential(*layers, nn.Linear(in_dim, 1), nn.Sigmoid())


SHALLOW, DEEP = (64, 32), (64, 64, 64, 32)


def train(model, x, y, batch, epochs, on_backward=None):
    """The notebook's loop; returns the last epoch's mean batch loss."""
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    crit = nn.BCELoss()
    loader = batches(x, y, batch, batch_norm=any(isinstance(m, nn.BatchNorm1d) for m in model))
    for _ in range(epochs):
        total, n = 0.0, 0
        for xb, yb in loader:
            model.train()
            opt.zero_grad()
            loss = crit(model(xb), yb)
            loss.backward()
            if on_backward:
                on_backward(model)
            opt.step()
            total += loss.item()
            n += 1
        last = total / n
    return last


def linear_grads(model):
    return [m.weight.grad.abs().mean().item() for m in model if isinstance(m, nn.Linear)]


EXPERIMENTS = ("batch_size", "bn_effect", "gradients", "bn_batch_sizes", "modes")


def run(seed, epochs, experiments=EXPERIMENTS):
    x, y = classlab_make_classification(seed)
    tr, te = classlab_stratified_split(y, 0.2, seed)
    xtr, xte = (torch.from_numpy(a) for a in classlab_standardize(x[tr], x[te]))
    ytr = torch.from_numpy(y[tr]).float().unsqueeze(1)
    out = {}

    def fresh(hidden, bn):
        torch.manual_seed(seed)
        return net(hidden, bn)

    for b in (8, 32, 128, 512) if "batch_size" in experiments else ():
        out[f"batch_size/final_loss_batch{b}"] = train(fresh(SHALLOW, False), xtr, ytr, b, epochs or 30)
    for bn in (False, True) if "bn_effect" in experiments else ():
        out["bn_effect/final_loss_" + ("bn" if bn else "no_bn")] = train(fresh(DEEP, bn), xtr, ytr, 8, epochs or 50)
    for bn in (False, True) if "gradients" in experiments else ():
        tag = "_bn" if bn else "_no_bn"
        model = fresh(DEEP, bn)
        nn.BCELoss()(model(xtr[:32]), ytr[:32]).backward()
        g = linear_grads(model)
        for i, v in enumerate(g):
            out[f"gradients/grad_mean_abs_layer{i + 1}{tag}"] = v
        out["gradients/grad_spread" + tag] = max(g) / min(g)
        model, probe = fresh(DEEP, bn), {"calls": 0, "ema": None}

        def sample(m):
            probe["calls"] += 1
            if (probe["calls"] - 1) % 5 == 0:
                latest = np.array(linear_grads(m))
                probe["ema"] = latest if probe["ema"] is None else 0.1 * latest + 0.9 * probe["ema"]
        out["gradients/final_loss" + tag] = train(model, xtr, ytr, 32, epochs or 10, sample)
        out["gradients/grad_spread_live" + tag] = float(probe["ema"].max() / probe["ema"].min())
    for b in (8, 16, 32, 64) if "bn_batch_sizes" in experiments else ():
        for bn in (False, True):
            out[f"bn_batch_sizes/final_loss_{'bn' if bn else 'no_bn'}_batch{b}"] = train(fresh(DEEP, bn), xtr, ytr, b, epochs or 30)
    if "modes" not in experiments:
        return out
    model = fresh(DEEP, True)
    out["modes/final_loss"] = train(model, xtr, ytr, 32, epochs or 30)
    probe = xte[:10]
    rng, pool = JavaRandom(seed), list(range(10, len(xte)))
    with torch.no_grad():
        model.train()
        same = np.array([model(probe).numpy().ravel() for _ in range(5)])
        mixed = []
        for _ in range(5):
            for i in range(22):  # ClassLab's companionRows: a partial Fisher-Yates over the other test rows
                j = i + rng.next_int(len(pool) - i)
                pool[i], pool[j] = pool[j], pool[i]
            mixed.append(model(torch.cat([probe, xte[pool[:22]]])).numpy().ravel()[:10])
        mixed, same = np.array(mixed, dtype=np.float64), same.astype(np.float64)  # ClassLab computes in double
        model.eval()
        ev = np.array([model(probe).numpy().ravel() for _ in range(5)], dtype=np.float64)
    out["modes/train_mode_variance"] = float(np.var(mixed, axis=0).mean())
    out["modes/train_mode_variance_same_batch"] = float(np.var(same, axis=0).mean())
    out["modes/eval_mode_variance"] = float(np.var(ev, axis=0).mean())
    out["modes/train_eval_mean_abs_difference"] = float(np.abs(mixed - ev[0]).mean())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", help="unused: the data are generated")
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=0, help="0 = the notebook's (30, 50 for 5-2, 10 for live gradients)")
    ap.add_argument("--experiments", default=",".join(EXPERIMENTS))
    a = ap.parse_args()
    for seed in [int(s) for s in a.seeds.split(",")]:
        print(json.dumps({"lesson": "batchnorm-gradients", "seed": seed,
                          "final": run(seed, a.epochs, a.experiments.split(","))}), flush=True)


if __name__ == "__main__":
    main()
