"""The trainer's checks of a network against its data sets (``Trainer`` and ``set_network`` use them)."""

from __future__ import annotations

import numpy as np

from .datasets import Dataset
from .errors import QT_TRANSLATE_NOOP, ConfigError
from .network import Network


def check_parts(network: Network, train: Dataset, test: Dataset | None) -> None:
    """Each data set fits the network's inputs and outputs; cross-entropy's targets are in [0, 1]."""
    structure = "-".join(map(str, network.layer_sizes))
    for part in (train, test):
        if part is None or part.n_samples == 0:
            continue
        if part.n_inputs == network.layer_sizes[0] and part.n_outputs == network.layer_sizes[-1]:
            continue
        fields = {
            "name": repr(part.name), "inputs": part.n_inputs, "outputs": part.n_outputs, "structure": structure,
        }
        if part is train:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "the training set {name} has {inputs} inputs and {outputs} outputs, "
                    "but the network is {structure}",
                ),
                **fields,
            )
        raise ConfigError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "the test set {name} has {inputs} inputs and {outputs} outputs, but the network is {structure}",
            ),
            **fields,
        )
    check_targets(network, train, test)


def check_targets(network: Network, train: Dataset, test: Dataset | None) -> None:
    """Cross-entropy's targets are probabilities: one outside [0, 1] makes E negative and meaningless."""
    if network.loss != "cross_entropy":
        return
    for part in (train, test):
        if part is None or part.n_samples == 0:
            continue
        targets = np.asarray(part.targets)
        outside = (targets < 0.0) | (targets > 1.0)
        if outside.any():
            value = float(targets[np.unravel_index(int(np.argmax(outside)), targets.shape)])
            if part is train:
                raise ConfigError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "cross-entropy needs targets from 0 to 1, but the training set {name} has the target {value}",
                    ),
                    name=repr(part.name), value=f"{value:g}",
                )
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "Errors", "cross-entropy needs targets from 0 to 1, but the test set {name} has the target {value}"
                ),
                name=repr(part.name), value=f"{value:g}",
            )
