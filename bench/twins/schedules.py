#!/usr/bin/env python3
"""PyTorch twin of ClassLab's L5 `schedules` experiments (notebook 000 Part 3 and Exercise 3, its code).

Rows as the notebook takes them: the first train_size mnist-mini training rows, of which the LAST 20 %
(int(n * 0.2)) validate, and the first test_size test rows. Per epoch the notebook's loop: train (batch 256
shuffled), validation loss in eval mode (`evaluate`), read the rate, `scheduler.step()` (ReduceLROnPlateau:
`step(val_loss)`), then the notebook's EarlyStopping (improvement = val_loss < best - min_delta; stop when
`counter >= patience`; best state restored before the test accuracy). torch.manual_seed(seed) before the
model (the notebook uses 42).

- plateau: make_classifier(dropout 0.3, BN), Adam 5e-3, ReduceLROnPlateau(factor 0.5, patience 5), 40 epochs
- early_stopping (3-2): the same net, Adam 5e-3, CosineAnnealingLR(T_max=100, eta_min=1e-5), patience 12,
  at most 149 epochs (`range(1, 150)`)
- exercise3: 784-512-256-128-10, BN, Dropout 0.4, Adam 3e-3, ReduceLROnPlateau(0.5, 5), patience 15

Prints one JSON line per seed with ClassLab's metric names, prefixed by the experiment. --epochs N replaces
every epoch limit (40 and 149), as ClassLab's `run --epochs N` does. --lr-table prints instead the rate of
every epoch of the experiments' schedules (lr_table.json for ScheduleTrainingReferenceTest).

    /usr/bin/python3 bench/twins/schedules.py --data-dir ../shared/data/mnist-mini --seeds 42,1,2
"""
import argparse
import json

import torch
import torch.nn as nn

from common import batches, fit_epoch, mnist


def classifier(hidden, p_drop):
    """make_classifier(use_dropout=True, use_bn=True) with the given widths (Exercise 3: 512, 256, 128)."""
    layers, in_dim = [], 784
    for out_dim in hidden:
        layers += [nn.Linear(in_dim, out_dim), nn.BatchNorm1d(out_dim), nn.ReLU(), nn.Dropout(p=p_drop)]
        in_dim = out_dim
    layers.append(nn.Linear(in_dim, 10))
    return nn.Sequential(*layers)


@torch.no_grad()
def evaluate(model, x, y):
    """The notebook's evaluate(): eval mode, batches of 256, mean loss weighted by batch size, accuracy."""
    model.eval()
    crit, total, correct = nn.CrossEntropyLoss(), 0.0, 0
    for xb, yb in batches(x, y, 256, shuffle=False):
        out = model(xb)
        total += crit(out, yb).item() * len(xb)
        correct += (out.argmax(1) == yb).sum().item()
    return total / len(y), correct / len(y)


class EarlyStopping:
    """The notebook's class (3-2)."""
    def __init__(self, patience=10, min_delta=1e-4):
        self.patience, self.min_delta, self.counter = patience, min_delta, 0
        self.best_loss, self.best_state = float("inf"), None

    def step(self, val_loss, model):
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss, self.counter = val_loss, 0
            self.best_state = {k: v.clone() for k, v in model.state_dict().items()}
            return False
        self.counter += 1
        return self.counter >= self.patience

    def restore(self, model):
        if self.best_state:
            model.load_state_dict(self.best_state)


EXPERIMENTS = {
    # name: (hidden, dropout, lr, scheduler factory, early-stopping patience or None, default epoch limit)
    "plateau": ((256, 128, 64), 0.3, 5e-3,
                lambda opt: torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=5), None, 40),
    "early_stopping": ((256, 128, 64), 0.3, 5e-3,
                       lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=100, eta_min=1e-5), 12, 149),
    "exercise3": ((512, 256, 128), 0.4, 3e-3,
                  lambda opt: torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=5), 15, 149),
}


def run(name, data, seed, epochs):
    hidden, p_drop, lr, make_scheduler, patience, default_epochs = EXPERIMENTS[name]
    (x_fit, y_fit), (x_val, y_val), (x_test, y_test) = data
    torch.manual_seed(seed)
    model = classifier(hidden, p_drop)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = make_scheduler(opt)
    plateau = isinstance(sched, torch.optim.lr_scheduler.ReduceLROnPlateau)
    stopper = EarlyStopping(patience=patience) if patience else None
    loader = batches(x_fit, y_fit, 256, batch_norm=True)
    crit = nn.CrossEntropyLoss()
    val_losses, stopped, reductions, best_epoch = [], False, 0, 0
    for epoch in range(1, (epochs or default_epochs) + 1):
        fit_epoch(model, loader, opt, crit)
        val_loss, _ = evaluate(model, x_val, y_val)
        val_losses.append(val_loss)
        lr_used = opt.param_groups[0]["lr"]
        sched.step(val_loss) if plateau else sched.step()
        reductions += opt.param_groups[0]["lr"] < lr_used
        if stopper:
            stop = stopper.step(val_loss, model)
            best_epoch = epoch if stopper.counter == 0 else best_epoch
            if stop:
                stopped = True
                break
    out = {}
    if stopper:
        out["test_accuracy_last_epoch"] = evaluate(model, x_test, y_test)[1]
        stopper.restore(model)
        out.update(stopped_epoch=epoch, stopped_early=float(stopped), best_epoch=best_epoch, best_val_loss=stopper.best_loss)
    else:
        out["val_loss"] = val_losses[-1]
    out["test_accuracy"] = evaluate(model, x_test, y_test)[1]
    if plateau:
        out.update(final_lr=opt.param_groups[0]["lr"], lr_reductions=reductions)
    return {name + "/" + k: v for k, v in out.items()}


def lr_table():
    """The rate each epoch of 149 uses (CosineAnnealingLR T_max=100 from 5e-3, read before step()), and
    ReduceLROnPlateau(0.5, 5) from 3e-3 fed a fixed validation-loss sequence, as torch.optim computes them."""
    torch.manual_seed(0)
    losses = [1.0 / (1 + e) if e < 20 else 0.05 + 0.001 * ((e * 7) % 11) for e in range(60)]
    table = {"val_losses": losses}
    for name, lr, make in (("cosine", 5e-3, lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=100, eta_min=1e-5)),
                           ("reduce_on_plateau", 3e-3, lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(
                               o, mode="min", factor=0.5, patience=5))):
        opt = torch.optim.Adam(nn.Linear(1, 1).parameters(), lr=lr)
        sched, lrs = make(opt), []
        for e in range(149 if name == "cosine" else len(losses)):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step(losses[e]) if name == "reduce_on_plateau" else sched.step()
        table[name] = {"lr0": lr, "lrs": lrs}
    print(json.dumps(table, indent=1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir")
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=0, help="0 = the notebook's limits (40 and 149)")
    ap.add_argument("--train-size", type=int, default=6000)
    ap.add_argument("--test-size", type=int, default=1000)
    ap.add_argument("--experiments", default=",".join(EXPERIMENTS))
    ap.add_argument("--lr-table", action="store_true")
    a = ap.parse_args()
    if a.lr_table:
        return lr_table()
    xtr, ytr, xte, yte = mnist(a.data_dir)
    xtr, ytr = xtr[:a.train_size], ytr[:a.train_size]
    n_val = int(len(xtr) * 0.2)
    data = ((xtr[:-n_val], ytr[:-n_val]), (xtr[-n_val:], ytr[-n_val:]), (xte[:a.test_size], yte[:a.test_size]))
    for seed in [int(s) for s in a.seeds.split(",")]:
        final = {}
        for name in a.experiments.split(","):
            final.update(run(name, data, seed, a.epochs))
        print(json.dumps({"lesson": "schedules", "seed": seed, "final": final}), flush=True)


if __name__ == "__main__":
    main()
