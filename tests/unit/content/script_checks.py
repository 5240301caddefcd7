"""The gradient checks lesson 9 quotes, run with the lesson's own script (public/code).

Prints one JSON object: the relative errors per layer for the script as published (seed 0, as
it runs), for seed 1 (a kink crossing in layer 3) at three step sizes, and for the script with
bug 1 or bug 2 of the article put back, over seeds 0 to 9.
"""
import contextlib
import io
import json
import sys

import numpy as np

sys.path.insert(0, "public/code")
import moons_classifier as script  # noqa: E402
from sklearn.datasets import make_moons  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

X, y = make_moons(n_samples=2000, noise=0.2, random_state=42)
y = y.reshape(-1, 1).astype(float)
X_train, _, y_train, _ = train_test_split(X, y, test_size=0.3, random_state=42)
X_train = StandardScaler().fit(X_train).transform(X_train)
X_check, y_check = X_train[:50], y_train[:50]  # the rows the script's main() checks
published_backward = script.backward


def with_bug_1(params, cache, z, y):
    """The article's output delta: the sigmoid's slope applied a second time."""
    s = script.sigmoid(z)
    dz = (s - y) / len(y) * s * (1 - s)
    grads = [None] * len(params)
    for i in reversed(range(len(params))):
        grads[i] = (cache[i][0].T @ dz, dz.sum(axis=0))
        if i > 0:
            dz = (dz @ params[i][0].T) * (cache[i - 1][1] > 0)
    return grads


def with_bug_2(params, cache, z, y):
    """The article's order: each layer updated before its gradient is passed on."""
    dz = (script.sigmoid(z) - y) / len(y)
    grads = [None] * len(params)
    for i in reversed(range(len(params))):
        grads[i] = (cache[i][0].T @ dz, dz.sum(axis=0))
        if i > 0:
            updated = params[i][0] - script.LEARNING_RATE * grads[i][0]
            dz = (dz @ updated.T) * (cache[i - 1][1] > 0)
    return grads


def check(backward, seed, eps=1e-6):
    script.rng = np.random.default_rng(seed)
    params = script.init_params(script.SIZES)
    script.backward = backward
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        script.gradient_check(params, X_check, y_check, eps=eps)
    script.backward = published_backward
    return [float(line.split()[-1]) for line in printed.getvalue().splitlines()]


def smallest_pre_activation(seed, layer):
    script.rng = np.random.default_rng(seed)
    _, cache = script.forward(script.init_params(script.SIZES), X_check)
    return float(np.abs(cache[layer - 1][1]).min())


print(json.dumps({
    "published": check(published_backward, 0),
    "seed1": {str(eps): check(published_backward, 1, eps) for eps in (1e-6, 1e-7)},
    "seed1_smallest_layer3": smallest_pre_activation(1, 3),
    "bug1": check(with_bug_1, 0),
    "bug2": [check(with_bug_2, seed) for seed in range(10)],
}))
