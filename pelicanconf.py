"""Shim for bare `pelican content`: loads the real settings from pelican.conf.py.

The module is loaded under a real name registered in sys.modules so functions defined in the
settings stay picklable (Pelican's content cache pickles settings-derived objects).
"""

import importlib.util
import sys
from pathlib import Path

_path = Path(__file__).with_name("pelican.conf.py")
_spec = importlib.util.spec_from_file_location("news_archive_site_conf", _path)
_conf = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _conf
_spec.loader.exec_module(_conf)

globals().update({k: v for k, v in vars(_conf).items() if k.isupper()})
