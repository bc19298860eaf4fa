#!/usr/bin/python3
"""torch.mm and torch.optim.Adam on the shapes of bench/ProductShapes.java, one thread.

Prints `product,batch,in,out,torch_us` (CPU microseconds per call, median of 5 runs of 30 calls).
Run both with bench/products.
"""
import statistics
import time

import torch

SHAPES = [(256, 784, 256), (256, 256, 128), (256, 128, 64), (256, 64, 10), (1254, 784, 32), (1254, 32, 1)]


def timed(f):
    for _ in range(20):
        f()
    runs = []
    for _ in range(5):
        c = time.thread_time()
        for _ in range(30):
            f()
        runs.append((time.thread_time() - c) / 30 * 1e6)
    return statistics.median(runs)


def main():
    torch.set_num_threads(1)
    torch.manual_seed(1)
    print("product,batch,in,out,torch_us")
    for b, i, o in SHAPES:
        x, w, d = torch.rand(b, i), torch.rand(o, i), torch.rand(b, o)   # nn.Linear keeps W as [out, in]
        print(f"forward x.W,{b},{i},{o},{timed(lambda: torch.mm(x, w.t())):.1f}")
        print(f"weight gradient x^T.delta,{b},{i},{o},{timed(lambda: torch.mm(d.t(), x)):.1f}")
        print(f"input gradient delta.W^T,{b},{i},{o},{timed(lambda: torch.mm(d, w)):.1f}")
    sizes = (200704, 256, 32768, 128, 8192, 64, 640, 10)   # the MLP's eight parameter tensors, 242,762 values
    params = [torch.nn.Parameter(torch.randn(s)) for s in sizes]
    for p in params:
        p.grad = torch.randn(p.shape) * 0.01
    opt = torch.optim.Adam(params, lr=1e-3)
    print(f"adam update,1,{sum(sizes)},1,{timed(opt.step):.1f}")


if __name__ == "__main__":
    main()
