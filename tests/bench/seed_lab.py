# The seed article's NumPy script (/work/shared/reference/seed-article.txt, lines 237-521), kept
# as a baseline for `npm run bench` (tests/bench/seed_lab_bench.py times it). Only its syntax is
# fixed: the indentation the page lost, curly quotes and en-dash minus signs back to ASCII, and
# `if name == "main"` to a real main guard. Nothing else in BinaryClassifier is changed: its
# backward pass keeps the article's two mistakes (the sigmoid's slope applied again on top of
# y_pred - y_true, and each layer's weights updated before the gradient is passed through them).
# The course's corrected script is public/code/moons_classifier.py.
# One addition outside the class: matplotlib is imported in the main guard and may be missing,
# in which case main() skips its figures (the bench never imports matplotlib).
"""
Example 1: Binary Classification using Sigmoid Activation + Binary Cross-Entropy Loss
Dataset: Synthetic binary classification with two features (moon-shaped data)
"""
import numpy as np
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
import time

plt = None  # matplotlib.pyplot when run as a script and matplotlib is installed (see the main guard)


class BinaryClassifier:
    """
    Neural network for binary classification with sigmoid activation and BCE loss.
    Architecture: Input -> Hidden(16, ReLU) -> Hidden(8, ReLU) -> Output(1, Sigmoid)
    """

    def __init__(self, input_dim, hidden_dims=[16, 8], learning_rate=0.01):
        """
        Initialize network with Xavier/Glorot initialization.
        Args:
        input_dim: Number of input features (2 for make_moons)
        hidden_dims: List of hidden layer sizes
        learning_rate: Step size for gradient descent
        """
        self.learning_rate = learning_rate
        # Build layer dimensions: [input_dim, hidden_dims..., 1]
        layer_dims = [input_dim] + hidden_dims + [1]
        self.num_layers = len(layer_dims) - 1
        # Initialize weights and biases
        self.weights = []
        self.biases = []
        for i in range(self.num_layers):
            # Xavier initialization for weights
            w = np.random.randn(layer_dims[i], layer_dims[i+1]) * np.sqrt(2.0 / (layer_dims[i] + layer_dims[i+1]))
            b = np.zeros((1, layer_dims[i+1]))
            self.weights.append(w)
            self.biases.append(b)
        # Store caches for backpropagation
        self.caches = []

    def relu(self, z):
        """ReLU activation function."""
        return np.maximum(0, z)

    def relu_derivative(self, z):
        """Derivative of ReLU for backpropagation."""
        return (z > 0).astype(float)

    def sigmoid(self, z):
        """Sigmoid activation function for output layer."""
        # Clip to prevent numerical overflow
        z = np.clip(z, -500, 500)
        return 1.0 / (1.0 + np.exp(-z))

    def sigmoid_derivative(self, z):
        """Derivative of sigmoid."""
        sig = self.sigmoid(z)
        return sig * (1 - sig)

    def forward(self, X):
        """
        Forward pass through the network.
        Args:
        X: Input data of shape (n_samples, input_dim)
        Returns:
        output: Final predictions (probabilities)
        """
        self.caches = []  # Clear previous caches
        current_input = X
        # Forward through hidden layers (ReLU activation)
        for i in range(self.num_layers - 1):
            z = np.dot(current_input, self.weights[i]) + self.biases[i]
            a = self.relu(z)
            self.caches.append((current_input, z, a, 'relu'))
            current_input = a
        # Final layer (sigmoid activation)
        z_final = np.dot(current_input, self.weights[-1]) + self.biases[-1]
        a_final = self.sigmoid(z_final)
        self.caches.append((current_input, z_final, a_final, 'sigmoid'))
        return a_final

    def compute_loss(self, y_true, y_pred):
        """
        Binary Cross-Entropy Loss.
        Formula: L = -[y*log(y_hat) + (1-y)*log(1-y_hat)]
        Args:
        y_true: Ground truth labels (0 or 1)
        y_pred: Predicted probabilities (0 to 1)
        Returns:
        loss: Scalar loss value
        """
        # Clip predictions to avoid log(0)
        y_pred = np.clip(y_pred, 1e-12, 1 - 1e-12)
        loss = -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))
        return loss

    def backward(self, y_true, y_pred):
        """
        Backward pass using gradient descent.
        Args:
        y_true: Ground truth labels
        y_pred: Predicted probabilities from forward pass
        Returns:
        gradients: None (updates weights and biases in-place)
        """
        m = y_true.shape[0]  # Number of samples
        # Initialize gradient for the output layer
        # Derivative of BCE with sigmoid simplifies to (y_pred - y_true)
        dA = (y_pred - y_true) / m
        # Backpropagate through layers (from output to input)
        for i in reversed(range(self.num_layers)):
            input_prev, z, a, activation_type = self.caches[i]
            if activation_type == 'sigmoid':
                dZ = dA * self.sigmoid_derivative(z)
            else:  # relu
                dZ = dA * self.relu_derivative(z)
            # Compute gradients
            dW = np.dot(input_prev.T, dZ)
            dB = np.sum(dZ, axis=0, keepdims=True)
            # Update parameters
            self.weights[i] -= self.learning_rate * dW
            self.biases[i] -= self.learning_rate * dB
            # Propagate gradient to previous layer (if not first layer)
            if i > 0:
                dA = np.dot(dZ, self.weights[i].T)

    def train(self, X_train, y_train, X_val, y_val, epochs=500, batch_size=32, verbose=True):
        """
        Train the network using mini-batch gradient descent.
        Args:
        X_train: Training features
        y_train: Training labels
        X_val: Validation features
        y_val: Validation labels
        epochs: Number of training epochs
        batch_size: Mini-batch size
        verbose: Print progress
        Returns:
        history: Dictionary of training and validation losses
        """
        history = {
            'train_loss': [],
            'val_loss': [],
            'train_acc': [],
            'val_acc': []
        }
        num_samples = X_train.shape[0]
        for epoch in range(epochs):
            # Shuffle training data
            indices = np.random.permutation(num_samples)
            X_shuffled = X_train[indices]
            y_shuffled = y_train[indices]
            epoch_loss = 0
            num_batches = 0
            # Mini-batch training
            for start_idx in range(0, num_samples, batch_size):
                end_idx = min(start_idx + batch_size, num_samples)
                X_batch = X_shuffled[start_idx:end_idx]
                y_batch = y_shuffled[start_idx:end_idx]
                # Forward pass
                predictions = self.forward(X_batch)
                # Compute loss
                batch_loss = self.compute_loss(y_batch, predictions)
                epoch_loss += batch_loss
                num_batches += 1
                # Backward pass and parameter update
                self.backward(y_batch, predictions)
            # Average loss for the epoch
            avg_train_loss = epoch_loss / num_batches
            # Validation metrics
            val_pred = self.forward(X_val)
            val_loss = self.compute_loss(y_val, val_pred)
            train_acc = self.accuracy(y_train, self.forward(X_train))
            val_acc = self.accuracy(y_val, val_pred)
            # Store history
            history['train_loss'].append(avg_train_loss)
            history['val_loss'].append(val_loss)
            history['train_acc'].append(train_acc)
            history['val_acc'].append(val_acc)
            if verbose and (epoch % 50 == 0):
                print(f"Epoch {epoch:3d} | Train Loss: {avg_train_loss:.4f} | "
                      f"Val Loss: {val_loss:.4f} | Train Acc: {train_acc:.2%} | "
                      f"Val Acc: {val_acc:.2%}")
        return history

    def accuracy(self, y_true, y_pred):
        """Compute classification accuracy (threshold at 0.5)."""
        y_pred_class = (y_pred >= 0.5).astype(int)
        return np.mean(y_true == y_pred_class)

    def predict(self, X, threshold=0.5):
        """Predict class labels (0 or 1)."""
        probabilities = self.forward(X)
        return (probabilities >= threshold).astype(int), probabilities


def plot_decision_boundary(model, X, y, title):
    """Plot decision boundary of the classifier."""
    x_min, x_max = X[:, 0].min() - 0.5, X[:, 0].max() + 0.5
    y_min, y_max = X[:, 1].min() - 0.5, X[:, 1].max() + 0.5
    xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.02),
                         np.arange(y_min, y_max, 0.02))
    Z, _ = model.predict(np.c_[xx.ravel(), yy.ravel()])
    Z = Z.reshape(xx.shape)
    plt.figure(figsize=(12, 5))
    plt.subplot(1, 2, 1)
    plt.contourf(xx, yy, Z, alpha=0.8, cmap='RdBu')
    plt.scatter(X[:, 0], X[:, 1], c=y, cmap='RdBu', edgecolors='black')
    plt.title(f'{title} - Decision Boundary')
    plt.xlabel('Feature 1')
    plt.ylabel('Feature 2')
    return plt


def main():
    """Main execution function."""
    print("=" * 60)
    print("Example 1: Binary Classification with Sigmoid + BCE")
    print("=" * 60)
    # Generate dataset (non-linearly separable)
    print("\n[1] Generating make_moons dataset...")
    X, y = make_moons(n_samples=2000, noise=0.2, random_state=42)
    y = y.reshape(-1, 1)  # Reshape to column vector
    # Split data
    X_train, X_temp, y_train, y_temp = train_test_split(X, y, test_size=0.3, random_state=42)
    X_val, X_test, y_val, y_test = train_test_split(X_temp, y_temp, test_size=0.5, random_state=42)
    # Standardize features
    print("[2] Standardizing features...")
    scaler = StandardScaler()
    X_train = scaler.fit_transform(X_train)
    X_val = scaler.transform(X_val)
    X_test = scaler.transform(X_test)
    print(f"Training samples: {X_train.shape[0]}")
    print(f"Validation samples: {X_val.shape[0]}")
    print(f"Test samples: {X_test.shape[0]}")
    # Initialize model
    print("\n[3] Initializing binary classifier...")
    model = BinaryClassifier(input_dim=2, hidden_dims=[32, 16, 8], learning_rate=0.05)
    # Train model
    print("[4] Training model...")
    print("-" * 60)
    start_time = time.time()
    history = model.train(X_train, y_train, X_val, y_val, epochs=500, batch_size=64, verbose=True)
    training_time = time.time() - start_time
    print("-" * 60)
    print(f"Training completed in {training_time:.2f} seconds")
    # Final evaluation
    print("\n[5] Final evaluation on test set...")
    test_pred, test_probs = model.predict(X_test)
    test_acc = model.accuracy(y_test, test_pred)
    test_loss = model.compute_loss(y_test, test_probs)
    print(f"Test Accuracy: {test_acc:.2%}")
    print(f"Test Loss: {test_loss:.4f}")
    if plt is not None:  # added: matplotlib may be missing
        # Plot results
        print("\n[6] Generating visualizations...")
        # Plot training curves
        plt.figure(figsize=(15, 5))
        plt.subplot(1, 3, 1)
        plt.plot(history['train_loss'], label='Training Loss', linewidth=2)
        plt.plot(history['val_loss'], label='Validation Loss', linewidth=2)
        plt.xlabel('Epoch')
        plt.ylabel('Loss')
        plt.title('Loss Curves (Binary Cross-Entropy)')
        plt.legend()
        plt.grid(True, alpha=0.3)
        plt.subplot(1, 3, 2)
        plt.plot(history['train_acc'], label='Training Accuracy', linewidth=2)
        plt.plot(history['val_acc'], label='Validation Accuracy', linewidth=2)
        plt.xlabel('Epoch')
        plt.ylabel('Accuracy')
        plt.title('Accuracy Curves')
        plt.legend()
        plt.grid(True, alpha=0.3)
        # Decision boundary
        plt.subplot(1, 3, 3)
        X_full = np.vstack([X_train, X_val, X_test])
        y_full = np.vstack([y_train, y_val, y_test])
        x_min, x_max = X_full[:, 0].min() - 0.5, X_full[:, 0].max() + 0.5
        y_min, y_max = X_full[:, 1].min() - 0.5, X_full[:, 1].max() + 0.5
        xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.02),
                             np.arange(y_min, y_max, 0.02))
        Z, _ = model.predict(np.c_[xx.ravel(), yy.ravel()])
        Z = Z.reshape(xx.shape)
        plt.contourf(xx, yy, Z, alpha=0.8, cmap='RdBu')
        plt.scatter(X_full[:, 0], X_full[:, 1], c=y_full.flatten(), cmap='RdBu', edgecolors='black', s=20)
        plt.title('Decision Boundary (Sigmoid + BCE)')
        plt.xlabel('Feature 1 (Standardized)')
        plt.ylabel('Feature 2 (Standardized)')
        plt.tight_layout()
        plt.savefig('binary_classification_results.png', dpi=150)
        print(" Saved: binary_classification_results.png")
    print("\n[7] Summary statistics:")
    print(f" Final Training Loss: {history['train_loss'][-1]:.4f}")
    print(f" Final Validation Loss: {history['val_loss'][-1]:.4f}")
    print(f" Final Validation Accuracy: {history['val_acc'][-1]:.2%}")
    print(f" Best Validation Accuracy: {max(history['val_acc']):.2%}")
    print("\n\u2705 Example 1 completed successfully!")
    if plt is not None:
        plt.show()


if __name__ == "__main__":
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
    main()
