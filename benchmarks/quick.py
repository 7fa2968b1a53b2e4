"""The budgets of the one-path core, measured by hand (never in the tests): the shipped data against
the floor (median of 21 interleaved pairs), then whole commands over 1,000 generated rounds.

    python benchmarks/quick.py
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import generate

exe = shutil.which("tracker", path=os.path.dirname(sys.executable))
def once(cmd, env=None):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _st, ru = os.wait4(p.pid, 0)
    return time.perf_counter() - t, ru.ru_maxrss / 1024
env = {**os.environ}
ratios = {}
for args in (["list"], ["list", "--format", "json"], ["show", "6"], ["search", "semiconductor"], ["timeline"], ["validate"]):
    rs = []
    for _ in range(21):
        a, _m = once([exe, *args], env)
        b, _m = once([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "floor_app.py")], env)
        rs.append(a / b)
    print("shipped", " ".join(args), "median ratio", round(statistics.median(rs), 2), flush=True)
with tempfile.TemporaryDirectory() as d:
    for n in (1000,):
        folder = os.path.join(d, str(n)); generate(n, folder)
        e = {**env, "TRACKER_DATA_DIR": folder}
        for args in (["validate"], ["list", "--format", "json"], ["search", "supply"], ["timeline"]):
            ts = [once([exe, *args], e) for _ in range(3)]
            print(n, " ".join(args), "median s", round(statistics.median(t for t, _ in ts), 2), "peak MiB", round(max(m for _, m in ts)), flush=True)
