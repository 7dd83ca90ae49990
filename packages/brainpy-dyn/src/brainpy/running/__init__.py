r"""``brainpy.running``: the base runner, the monitor and process pools.

* :class:`Runner`: the base of the runners (target, monitors, options);
* :class:`Monitor`: what a runner records, and the recorded trajectories;
* :func:`process_pool`, :func:`process_pool_lock`: run many models in processes;
* :func:`set_cpu_cores`: run JAX's CPU backend on fewer cores (chosen before it starts).
"""

from brainpy.running._cpu import set_cpu_cores
from brainpy.running._monitor import Monitor
from brainpy.running._pool import process_pool, process_pool_lock
from brainpy.running._runner import Runner

__all__ = ["Runner", "Monitor", "process_pool", "process_pool_lock", "set_cpu_cores"]
