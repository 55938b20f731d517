# Services that leave processes behind (see Spawner.zcfg, Forker.zcfg, HangingParent.zcfg). Each writes its
# process group and the pids of what it started, as JSON, to <tmpPath>/<service>_<usid>.children before it
# returns or hangs, so that the tests can look for them once the kernel has answered.
import json
import os
import subprocess
import time

import zoo


def _record(conf, name, pids):
    path = os.path.join(conf["main"]["tmpPath"], "%s_%s.children" % (name, conf["lenv"]["usid"]))
    with open(path + ".part", "w") as f:
        json.dump({"service": os.getpid(), "pgid": os.getpgrp(), "pids": pids}, f)
    os.rename(path + ".part", path)


def Spawner(conf, inputs, outputs):
    # A child in the service's own session and process group (start_new_session=False), with the service's
    # standard streams: it outlives the service unless the kernel stops it.
    child = subprocess.Popen(["sleep", "300"], start_new_session=False)
    _record(conf, "Spawner", [child.pid])
    outputs["Result"]["value"] = "started %d" % child.pid
    return zoo.SERVICE_SUCCEEDED


def Forker(conf, inputs, outputs):
    # A forked copy of the interpreter, with every descriptor of the service (the bridge's result pipe too).
    pid = os.fork()
    if pid == 0:
        try:
            time.sleep(300)
        finally:
            os._exit(0)
    _record(conf, "Forker", [pid])
    outputs["Result"]["value"] = "forked %d" % pid
    return zoo.SERVICE_SUCCEEDED


def HangingParent(conf, inputs, outputs):
    children = [subprocess.Popen(["sleep", "300"], start_new_session=False) for _ in range(2)]
    grandchild_parent = subprocess.Popen(["sh", "-c", "sleep 300 & sleep 300; wait"], start_new_session=False)
    _record(conf, "HangingParent", [c.pid for c in children] + [grandchild_parent.pid])
    time.sleep(300)
    outputs["Result"]["value"] = "woke up"
    return zoo.SERVICE_SUCCEEDED
