#!/usr/bin/env python3
"""Writes src/test/resources/reference/torch_adam.json: torch.optim.Adam's parameters after each of 6 steps on
fixed gradients, for classlab.core.model.TorchAdamTest. Gradients span 1e-9 .. 3 so that the placement of eps
shows (DL4J's built-in Adam differs at the tiny ones).

    /usr/bin/python3 bench/twins/adam_reference.py > src/test/resources/reference/torch_adam.json
"""
import json

import torch

torch.set_default_dtype(torch.float64)
LR = 0.01
start = [0.5, -0.25, 1.0, 0.0, 2.0, -1.5]
grads = [
    [1.0, -2.0, 1e-9, 3e-8, 0.5, 0.0],
    [0.8, -1.0, 2e-9, -1e-8, 3.0, 1e-7],
    [0.1, 0.5, -1e-9, 2e-8, -0.5, 0.0],
    [-0.3, 0.2, 1e-9, 1e-8, 0.25, -2e-7],
    [0.05, -0.05, 0.0, 5e-9, 1.0, 0.0],
    [1e-3, 1.0, 1e-9, 0.0, -1.0, 1e-8],
]
p = torch.nn.Parameter(torch.tensor(start))
opt = torch.optim.Adam([p], lr=LR)
after = []
for g in grads:
    p.grad = torch.tensor(g)
    opt.step()
    after.append(p.detach().tolist())
print(json.dumps({"source": "torch " + torch.__version__ + " torch.optim.Adam(lr=0.01), betas (0.9, 0.999), eps 1e-8, float64",
                  "lr": LR, "start": start, "grads": grads, "params_after_step": after}, indent=1))
