"""The example plugin's connector, reached through the public name ``bp.conn.RingConn``."""

import brainpy as bp
import numpy as np
import pytest
from brainpy.errors import ConnectorError


def test_ring_conn_registered():
    from brainpy.plugins import get_registry

    reg = get_registry("connectors")
    assert "RingConn" in reg
    assert reg.origin("RingConn").distribution == "brainpy-plugin-example"
    assert bp.conn.RingConn is reg.get("RingConn")
    assert issubclass(bp.conn.RingConn, bp.conn.OneEndConnector)


def test_ring_conn_structure():
    n, radius = 10, 2
    mat = np.asarray(bp.conn.RingConn(radius)(n).require("conn_mat"))
    d = np.abs(np.arange(n)[:, None] - np.arange(n)[None, :])
    d = np.minimum(d, n - d)
    assert np.array_equal(mat, (d <= radius) & (d > 0))
    ind, ptr = (np.asarray(x) for x in bp.conn.RingConn(radius)(n).require("pre2post"))
    assert ind[ptr[0] : ptr[1]].tolist() == [1, 2, 8, 9]
    assert np.all(np.diff(ptr) == 2 * radius)


def test_ring_conn_small_ring_and_self():
    mat = np.asarray(bp.conn.RingConn(3, include_self=True)(4).require("conn_mat"))
    assert mat.all()  # every neuron is within 3 steps of every other on a 4-ring
    with pytest.raises(ConnectorError):
        bp.conn.RingConn(-1)
