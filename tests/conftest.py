import sys
from pathlib import Path

# The repository-level tests import their helper module ``_repo`` from this folder.
sys.path.insert(0, str(Path(__file__).parent))
