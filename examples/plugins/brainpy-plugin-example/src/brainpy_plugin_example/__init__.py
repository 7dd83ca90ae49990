"""An example BrainPy plugin: one item of every plugin kind.

Each kind lives in its own module; :mod:`brainpy_plugin_example._plugin` is the
one module named in the entry point, and its hooks only import and return the
declarations. Hooks import lazily, so installing the plugin costs nothing
until BrainPy first needs a registry.
"""

__version__ = "0.1.0"
