"""The start of a subprocess script that counts the Streamlit caches made after it (their
functions' names in `made`): for tests that check when caches are made."""

COUNT_CACHES = """
from streamlit.runtime.caching import cache_utils
made = []
original = cache_utils.CachedFunc.__init__
def counted(self, info):
    made.append(info.func.__qualname__)
    original(self, info)
cache_utils.CachedFunc.__init__ = counted
"""
