# SlowEcho (see SlowEcho.zcfg): waits for "duration" seconds without reporting progress (so that nothing the
# worker writes replaces a file a test plants meanwhile), then answers a fixed text.
import time

import zoo

ANSWER = "SlowEcho answered"


def SlowEcho(conf, inputs, outputs):
    try:
        duration = float(inputs["duration"]["value"])
    except (KeyError, TypeError, ValueError):
        duration = 0.0
    time.sleep(duration)
    outputs["Result"]["value"] = ANSWER
    return zoo.SERVICE_SUCCEEDED
