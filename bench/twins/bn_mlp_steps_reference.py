#!/usr/bin/env python3
"""Writes src/test/resources/reference/torch_bn_mlp_steps.json for classlab.core.model.TorchParityTest: a small
BatchNorm MLP of the notebooks' shape (Linear -> BatchNorm1d -> ReLU per hidden layer, CrossEntropyLoss, Adam),
its initial parameters, 12 Adam steps on fixed batches (the loss of each step; also with class weights), and the
eval-mode outputs and running variances after them. With the same initial parameters ClassLab must take the same steps.

    /usr/bin/python3 bench/twins/bn_mlp_steps_reference.py > src/test/resources/reference/torch_bn_mlp_steps.json
"""
import copy
import json

import torch
import torch.nn as nn

torch.manual_seed(0)
N, F, H, K, BATCH, PASSES, LR = 64, 12, [16, 8], 4, 16, 3, 0.01
x = torch.randn(N, F)
y = torch.randint(0, K, (N,))
layers, dims = [], [F] + H
for i in range(len(H)):
    layers += [nn.Linear(dims[i], dims[i + 1]), nn.BatchNorm1d(dims[i + 1]), nn.ReLU()]
layers.append(nn.Linear(H[-1], K))
model = nn.Sequential(*layers)
with torch.no_grad():  # gamma and beta away from 1 and 0, so that a mix-up shows
    for m in model:
        if isinstance(m, nn.BatchNorm1d):
            m.weight.uniform_(0.5, 1.5)
            m.bias.uniform_(-0.5, 0.5)


def linear(m):
    return {"W": m.weight.detach().t().tolist(), "b": m.bias.detach().tolist()}  # W as [in, out], DL4J's layout


init = {"linear": [linear(m) for m in model if isinstance(m, nn.Linear)],
        "batchnorm": [{"gamma": m.weight.detach().tolist(), "beta": m.bias.detach().tolist()}
                      for m in model if isinstance(m, nn.BatchNorm1d)]}
WEIGHTS = [0.5, 1.0, 2.0, 4.0]  # CrossEntropyLoss(weight=...): the imbalance lesson's weighted loss


def train(net, weight=None):
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    out = []
    net.train()
    for _ in range(PASSES):
        for start in range(0, N, BATCH):
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x[start:start + BATCH]), y[start:start + BATCH], weight=weight)
            loss.backward()
            opt.step()
            out.append(loss.item())
    return out


weighted_model = copy.deepcopy(model)
losses_weighted = train(weighted_model, torch.tensor(WEIGHTS))
bns = [m for m in model if isinstance(m, nn.BatchNorm1d)]
losses = train(model)
model.eval()
with torch.no_grad():
    probs = torch.softmax(model(x[:5]), 1).tolist()
print(json.dumps({
    "source": "torch " + torch.__version__ + ": Linear-BatchNorm1d-ReLU x2, Linear; CrossEntropyLoss; Adam(lr=0.01); "
              "batches of 16 in order, 3 passes; float32",
    "features": F, "hidden": H, "classes": K, "batch": BATCH, "passes": PASSES, "lr": LR,
    "x": x.tolist(), "y": y.tolist(), "init": init, "losses": losses,
    "class_weights": WEIGHTS, "losses_weighted": losses_weighted, "eval_probabilities_first5": probs,
    "running_var": [m.running_var.tolist() for m in bns]}))
