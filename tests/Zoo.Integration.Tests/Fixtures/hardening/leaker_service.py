# Services that print a secret on standard error before they fail (see LeakRaise.zcfg, LeakExit.zcfg,
# LeakHardExit.zcfg): what a service prints is for the server's log, never for the client's answer.
import os
import sys
import time

SECRET_LINE = "PASSWORD=" + "hunter" + "2"


def _leak(inputs):
    sys.stderr.write(SECRET_LINE + "\n")
    sys.stderr.flush()
    os.write(2, (SECRET_LINE + " (fd 2)\n").encode("ascii"))
    try:
        duration = float(inputs["duration"]["value"])
    except (KeyError, TypeError, ValueError):
        duration = 0.0
    time.sleep(duration)


def LeakRaise(conf, inputs, outputs):
    _leak(inputs)
    raise ValueError("the leaking service failed on purpose")


def LeakExit(conf, inputs, outputs):
    _leak(inputs)
    sys.exit(3)


def LeakHardExit(conf, inputs, outputs):
    _leak(inputs)
    os._exit(9)
