"""Two moons with a 2-32-16-8-1 network in NumPy: corrected backward pass and a gradient check."""
import numpy as np
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SIZES = [2, 32, 16, 8, 1]
LEARNING_RATE = 0.05
BATCH_SIZE = 64
EPOCHS = 500
rng = np.random.default_rng(0)


def init_params(sizes):
    """Xavier/Glorot normal weights, zero biases: one (W, b) pair per layer."""
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        std = np.sqrt(2.0 / (fan_in + fan_out))
        params.append((rng.normal(0.0, std, size=(fan_in, fan_out)), np.zeros(fan_out)))
    return params


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # equals 1 / (1 + exp(-z)), without overflow


def forward(params, X):
    """Return the output pre-activation z, and each layer's input and z for the backward pass."""
    a, cache = X, []
    for i, (W, b) in enumerate(params):
        z = a @ W + b
        cache.append((a, z))
        if i < len(params) - 1:
            a = np.maximum(0.0, z)  # ReLU in the hidden layers
    return z, cache


def bce(z, y):
    """Mean binary cross-entropy of sigmoid(z), computed from z so it never takes log(0)."""
    return np.mean(np.logaddexp(0.0, z) - y * z)


def accuracy(z, y):
    return np.mean((sigmoid(z) >= 0.5) == y)


def backward(params, cache, z, y):
    """Gradients of the mean BCE for every layer, all computed before anything is updated."""
    dz = (sigmoid(z) - y) / len(y)  # dL/dz = p - y: no extra sigmoid derivative
    grads = [None] * len(params)
    for i in reversed(range(len(params))):
        a_prev, _ = cache[i]
        grads[i] = (a_prev.T @ dz, dz.sum(axis=0))
        if i > 0:
            z_prev = cache[i - 1][1]
            dz = (dz @ params[i][0].T) * (z_prev > 0)  # W as it was in the forward pass
    return grads


def sgd_step(params, grads, lr):
    return [(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, grads)]


def gradient_check(params, X, y, eps=1e-6):
    """Compare backprop with central differences, layer by layer (weights and bias together)."""
    z, cache = forward(params, X)
    grads = backward(params, cache, z, y)
    for i, (layer, layer_grads) in enumerate(zip(params, grads)):
        exact, approx = [], []
        for P, G in zip(layer, layer_grads):
            for idx in np.ndindex(P.shape):
                saved = P[idx]
                P[idx] = saved + eps
                up = bce(forward(params, X)[0], y)
                P[idx] = saved - eps
                down = bce(forward(params, X)[0], y)
                P[idx] = saved
                approx.append((up - down) / (2 * eps))
                exact.append(G[idx])
        g, g_hat = np.array(exact), np.array(approx)
        err = np.linalg.norm(g - g_hat) / (np.linalg.norm(g) + np.linalg.norm(g_hat))
        print(f"gradient check, layer {i + 1}: relative error {err:.1e}")


def train(params, X, y, X_val, y_val):
    for epoch in range(1, EPOCHS + 1):
        order = rng.permutation(len(X))
        for start in range(0, len(X), BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            z, cache = forward(params, X[batch])
            grads = backward(params, cache, z, y[batch])
            params = sgd_step(params, grads, LEARNING_RATE)
        if epoch % 100 == 0:
            z_train, z_val = forward(params, X)[0], forward(params, X_val)[0]
            print(f"epoch {epoch:3d}  train loss {bce(z_train, y):.4f}  "
                  f"val loss {bce(z_val, y_val):.4f}  val acc {accuracy(z_val, y_val):.2%}")
    return params


def main():
    X, y = make_moons(n_samples=2000, noise=0.2, random_state=42)
    y = y.reshape(-1, 1).astype(float)
    X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.3, random_state=42)
    X_val, X_test, y_val, y_test = train_test_split(X_rest, y_rest, test_size=0.5, random_state=42)

    scaler = StandardScaler().fit(X_train)  # mean and spread of the training set only
    X_train, X_val, X_test = (scaler.transform(A) for A in (X_train, X_val, X_test))

    params = init_params(SIZES)
    gradient_check(params, X_train[:50], y_train[:50])
    params = train(params, X_train, y_train, X_val, y_val)

    z_test = forward(params, X_test)[0]  # the test set, touched once
    print(f"test accuracy {accuracy(z_test, y_test):.2%}")


if __name__ == "__main__":
    main()
