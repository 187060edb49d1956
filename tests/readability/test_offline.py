"""Readability works with the network gone: the dictionary ships in a package."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_measures_with_the_network_disabled() -> None:
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network disabled by the test")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from tiered.readability.measure import measure
        from tiered.readability.syllables import _dictionary

        assert len(_dictionary()) > 100_000
        m = measure(["Osteoporosis makes bones fragile."])
        print(m.syllables, round(m.fkgl, 2))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["10", "15.47"]
