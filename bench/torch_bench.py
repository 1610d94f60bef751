"""PyTorch reference for `npm run bench`: the chapter's three models trained with the same batch
size (200), optimizer (Adam, lr 0.001), loss (softmax cross-entropy) and dtype (float32) as
Blockprop, on all the machine's cores. Prints one JSON line:
{"model", "samples_per_second", "threads", "torch", "blas"}.

Usage: python3 bench/torch_bench.py MODEL BATCHES

The data are random MNIST-shaped tensors (throughput does not depend on the pixel values); the
first two steps warm up and are not timed.
"""
import json
import os
import sys
import time

import torch
from torch import nn

BATCH = 200


def model_for(name):
    if name == "keras_cnn":
        return nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(),
            nn.Conv2d(32, 64, 3), nn.ReLU(),
            nn.MaxPool2d(2), nn.Dropout(0.25), nn.Flatten(),
            nn.Linear(64 * 12 * 12, 128), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(128, 10),
        )
    if name == "cnn_64_5x5":
        return nn.Sequential(
            nn.Conv2d(1, 64, 5), nn.ReLU(),
            nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(64 * 12 * 12, 100), nn.ReLU(),
            nn.Linear(100, 10),
        )
    if name == "fc_200_200":
        return nn.Sequential(
            nn.Flatten(),
            nn.Linear(784, 200), nn.ReLU(), nn.Dropout(0.15),
            nn.Linear(200, 200), nn.ReLU(),
            nn.Linear(200, 10),
        )
    raise SystemExit(f"unknown model {name}")


def blas():
    config = torch.__config__.show()
    for line in config.splitlines():
        if "BLAS_INFO" in line or "LAPACK_INFO" in line:
            return line.split("=", 1)[-1].strip().rstrip(",")
    return "unknown"


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "keras_cnn"
    batches = max(2, int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    threads = os.cpu_count() or 1
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = model_for(name)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(BATCH, 1, 28, 28, dtype=torch.float32)
    y = torch.randint(0, 10, (BATCH,))

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    for _ in range(2):
        step()
    t0 = time.perf_counter()
    for _ in range(batches):
        step()
    seconds = time.perf_counter() - t0
    print(json.dumps({
        "model": name,
        "samples_per_second": round(batches * BATCH / seconds, 1),
        "threads": threads,
        "torch": torch.__version__,
        "blas": blas(),
    }))


if __name__ == "__main__":
    main()
