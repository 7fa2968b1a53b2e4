"""Placeholder until the cache lands: reads every file each time."""


class Cache:
    def __init__(self, cache_dir: str, root: str):
        self.cache_dir = cache_dir
        self.root = root

    def results(self, files, read):
        return [read(path, shown, cls) for path, shown, cls in files]
