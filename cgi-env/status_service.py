# ZooKernel.NET sample services: FailingService and LongProcess
# (see FailingService.zcfg, LongProcess.zcfg).
import time

import zoo

MAX_DURATION = 60.0
MAX_STEPS = 100


def _first(inputs, name, default):
    value = inputs.get(name, {}).get("value")
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None or value in ("", "NULL"):
        return default
    return value


def FailingService(conf, inputs, outputs):
    conf["lenv"]["message"] = zoo._("FailingService always fails: it exists to test how a failed execution is reported.")
    return zoo.SERVICE_FAILED


def LongProcess(conf, inputs, outputs):
    try:
        duration = float(_first(inputs, "duration", "2"))
        steps = int(_first(inputs, "steps", "5"))
    except ValueError:
        conf["lenv"]["message"] = zoo._("LongProcess: duration must be a number and steps an integer.")
        return zoo.SERVICE_FAILED
    if not (0.0 <= duration <= MAX_DURATION):
        conf["lenv"]["message"] = zoo._("LongProcess: duration must be between 0 and 60 seconds.")
        return zoo.SERVICE_FAILED
    if not (1 <= steps <= MAX_STEPS):
        conf["lenv"]["message"] = zoo._("LongProcess: steps must be between 1 and 100.")
        return zoo.SERVICE_FAILED

    pause = duration / steps
    for step in range(steps):
        conf["lenv"]["message"] = zoo._("Step %d of %d") % (step + 1, steps)
        zoo.update_status(conf, (step * 100) // steps)
        time.sleep(pause)

    conf["lenv"]["message"] = zoo._("LongProcess finished")
    outputs["Result"]["value"] = "LongProcess ran %d steps in %s seconds" % (steps, repr(duration))
    return zoo.SERVICE_SUCCEEDED
