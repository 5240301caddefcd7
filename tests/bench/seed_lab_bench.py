"""Times the seed article's NumPy script (seed_lab.py) on the lab, for `npm run bench`.

Prepares the data as the article's main() does (make_moons(2000, noise=0.2, random_state=42),
train_test_split 70/15/15 with random_state=42, StandardScaler fitted on the training set),
builds BinaryClassifier(2, [32, 16, 8], 0.05) and times only its train() call (batch 64, 500
epochs, the article's per-epoch training and validation metrics, verbose off) with
time.perf_counter. One short warm-up, then --runs timed runs, each from np.random.seed(--seed)
(the article seeds nothing; seeding makes every run, and its test accuracy, the same).
Prints one JSON line: {"runsMs": [...], "testAccuracy": ..., "numpy": ..., "sklearn": ..., ...}.
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

sys.dont_write_bytecode = True  # leave no __pycache__ in tests/bench
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seed_lab import BinaryClassifier  # noqa: E402


def whole(minimum):
    """An argparse type: a whole number of at least `minimum`."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}")
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def lab_data():
    """The article's data: make_moons 2000/0.2/42, 70/15/15, standardised on the training set."""
    X, y = make_moons(n_samples=2000, noise=0.2, random_state=42)
    y = y.reshape(-1, 1)
    X_train, X_temp, y_train, y_temp = train_test_split(X, y, test_size=0.3, random_state=42)
    X_val, X_test, y_val, y_test = train_test_split(X_temp, y_temp, test_size=0.5, random_state=42)
    scaler = StandardScaler()
    X_train = scaler.fit_transform(X_train)
    X_val = scaler.transform(X_val)
    X_test = scaler.transform(X_test)
    return X_train, y_train, X_val, y_val, X_test, y_test


def run(data, seed, epochs):
    """One run from a fresh seeded model: (train() time in ms, test accuracy, final history entry)."""
    X_train, y_train, X_val, y_val, X_test, y_test = data
    np.random.seed(seed)
    model = BinaryClassifier(input_dim=2, hidden_dims=[32, 16, 8], learning_rate=0.05)
    start = time.perf_counter()
    history = model.train(X_train, y_train, X_val, y_val, epochs=epochs, batch_size=64, verbose=False)
    ms = (time.perf_counter() - start) * 1000
    test_pred, _ = model.predict(X_test)
    return ms, float(model.accuracy(y_test, test_pred)), len(history["val_acc"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=whole(1), default=3, help="timed runs (default 3)")
    parser.add_argument("--epochs", type=whole(1), default=500, help="epochs per run (default 500)")
    parser.add_argument("--seed", type=whole(0), default=42, help="np.random.seed before each run (default 42)")
    args = parser.parse_args()
    data = lab_data()
    run(data, args.seed, 2)  # warm-up: first calls into NumPy and BLAS, not counted
    runs = [run(data, args.seed, args.epochs) for _ in range(args.runs)]
    if any(recorded != args.epochs for _, _, recorded in runs):
        sys.exit("seed_lab_bench: train() did not record one history entry per epoch")
    print(json.dumps({
        "runsMs": [round(ms, 1) for ms, _, _ in runs],
        "testAccuracy": runs[0][1],
        "epochs": args.epochs,
        "numpy": np.__version__,
        "sklearn": sklearn.__version__,
        "python": platform.python_version(),
    }))


if __name__ == "__main__":
    main()
