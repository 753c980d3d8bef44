"""The same iteration for a tiny network and one sample, in Python floats.

For the note's 2-2-1 network a NumPy call costs far more than the arithmetic
inside it (a dozen flops each), so standard BP on a network of at most
``SMALL_NETWORK`` parameters runs this loop instead. It is the formula of
``backprop`` written out unit by unit:

    forward    net_j = Σ_i a_i w_ij,  out_j = f(net_j − t_j)
    output     δ_j = f'(z_j)(y_j − ŷ_j)          (cross-entropy: y_j − ŷ_j)
    hidden     δ_h = f'(z_h) Σ_j w_hj δ_j
    gradients  ∂E/∂w_ij = −a_i δ_j,  ∂E/∂t_j = δ_j;   Δp = −η ∂E/∂p

and returns the same ``StepResult`` (NumPy arrays). The test suite proves it
equal to the note's derivation (``reference``), to finite differences and to
the vectorised path.
"""

from __future__ import annotations

import math

import numpy as np

from .activations import unknown_loss
from .network import Network
from .records import StepResult

SMALL_NETWORK = 64  # parameters; above this the vectorised path is faster


def compute_step_small(network: Network, x: list[float], y: list[float], learning_rate: float) -> StepResult:
    """One iteration on one sample ``x`` with target ``y``; ``network`` is not changed."""
    p: list[float] = network.flat.tolist()
    sizes = network.layer_sizes
    funcs = network.functions
    layout = network.layout
    n = len(layout)

    nets: list[list[float]] = []
    outs: list[list[float]] = []
    a = x
    z_last: list[float] = []
    for k in range(n):
        w0, t0, _ = layout[k]
        n_out = sizes[k + 1]
        f = funcs[k].scalar
        net = []
        out = []
        for j in range(n_out):
            total = 0.0
            idx = w0 + j
            for ai in a:
                total += ai * p[idx]
                idx += n_out
            net.append(total)
            z = total - p[t0 + j]
            out.append(f(z))
            if k == n - 1:
                z_last.append(z)
        nets.append(net)
        outs.append(out)
        a = out

    y_hat = outs[-1]
    loss = network.loss
    if loss == "squared_error":
        slope = funcs[-1].scalar_slope_from_output
        delta = [slope(o) * (t - o) for o, t in zip(y_hat, y)]
        error = 0.5 * sum((t - o) * (t - o) for o, t in zip(y_hat, y))
    elif loss == "cross_entropy":
        delta = [t - o for o, t in zip(y_hat, y)]
        error = sum(max(z, 0.0) + math.log1p(math.exp(-abs(z))) - t * z for z, t in zip(z_last, y))
    else:
        raise unknown_loss(loss)
    deltas: list[list[float]] = [[] for _ in range(n)]
    deltas[-1] = delta
    for k in range(n - 2, -1, -1):
        w0 = layout[k + 1][0]
        n_out = sizes[k + 2]
        slope = funcs[k].scalar_slope_from_output
        below = []
        for h, b in enumerate(outs[k]):
            row = w0 + h * n_out
            total = 0.0
            for j, dj in enumerate(delta):
                total += p[row + j] * dj
            below.append(slope(b) * total)
        delta = below
        deltas[k] = delta

    grads = [0.0] * len(p)
    for k in range(n):
        w0, t0, _ = layout[k]
        a = x if k == 0 else outs[k - 1]
        layer_delta = deltas[k]
        idx = w0
        for ai in a:
            for dj in layer_delta:
                grads[idx] = -(ai * dj)
                idx += 1
        grads[t0 : t0 + len(layer_delta)] = layer_delta
    neg_eta = -learning_rate
    updates = [g * neg_eta for g in grads]
    new = [v + u for v, u in zip(p, updates)]

    g, u, nf = np.array(grads), np.array(updates), np.array(new)
    g.setflags(write=False)
    u.setflags(write=False)
    nf.setflags(write=False)
    return StepResult(  # positional: this runs thousands of times a second
        [np.array([v]) for v in nets],  # nets
        [np.array([v]) for v in outs],  # outputs
        [np.array([v]) for v in deltas],  # deltas
        np.array([error]),  # sample_errors
        float(error),  # error
        g,  # gradients
        u,  # updates
        # finite: the error, every net input (ReLU, tanh or a sigmoid can turn a
        # NaN or infinite one into a finite output) and every new parameter.
        math.isfinite(error) and all(math.isfinite(v) for net in nets for v in net) and all(map(math.isfinite, new)),
        network.with_flat(nf),  # network_after
    )
