#!/usr/bin/python3
"""owslib-client.py - a WPS 1.0.0 client written with OWSLib, as Python clients of ZOO are.

Usage: /usr/bin/python3 owslib-client.py WPS_URL STEP
  capabilities   GetCapabilities: the service's title and its sample processes
  describe       DescribeProcess of HelloPy: its input and output
  execute-sync   a synchronous Execute of HelloPy (WebProcessingService.execute, mode SYNC)
  execute-async  an asynchronous Execute of LongProcess (mode ASYNC), its status checked (WPSExecution.checkStatus,
                 the step of owslib's monitorExecution) until it ends, with a deadline

Prints what it saw. Exits 0 when the server answered as the bundled services (cgi-env/) must, 1 otherwise (saying
why), 2 on a usage error. Debian's python3-owslib, so Debian's /usr/bin/python3.
"""
import sys
import time

from owslib.wps import ASYNC, SYNC, WebProcessingService

ASYNC_DEADLINE_SECONDS = 60
STATUS_INTERVAL_SECONDS = 0.2


class Unexpected(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise Unexpected(what)
    print("ok:", what)


def outputs(execution):
    return {o.identifier: o.data for o in execution.processOutputs}


def capabilities(url):
    wps = WebProcessingService(url, version="1.0.0")
    identifiers = [p.identifier for p in wps.processes]
    expect(wps.identification.title == "ZooKernel.NET sample WPS server", f"title {wps.identification.title!r}")
    expect({"HelloPy", "LongProcess"} <= set(identifiers), f"processes {identifiers}")


def describe(url):
    process = WebProcessingService(url, version="1.0.0", skip_caps=True).describeprocess("HelloPy")
    inputs = [(i.identifier, i.dataType, i.minOccurs, i.maxOccurs) for i in process.dataInputs]
    expect(inputs == [("a", "string", 1, 1)], f"inputs {inputs}")
    expect([o.identifier for o in process.processOutputs] == ["Result"], f"outputs {[o.identifier for o in process.processOutputs]}")


def execute_sync(url):
    wps = WebProcessingService(url, version="1.0.0", skip_caps=True)
    execution = wps.execute("HelloPy", [("a", "Toto")], output=[("Result", False)], mode=SYNC)
    expect(execution.isSucceded(), f"status {execution.status}")
    expect(outputs(execution) == {"Result": ["Hello Toto from Python World !"]}, f"outputs {outputs(execution)}")


def execute_async(url):
    wps = WebProcessingService(url, version="1.0.0", skip_caps=True)
    execution = wps.execute("LongProcess", [("duration", "1"), ("steps", "2")], output=[("Result", False)], mode=ASYNC)
    expect(execution.status in ("ProcessAccepted", "ProcessStarted"), f"first status {execution.status}")
    expect(bool(execution.statusLocation), f"statusLocation {execution.statusLocation}")
    deadline = time.monotonic() + ASYNC_DEADLINE_SECONDS
    while not execution.isComplete():
        if time.monotonic() > deadline:
            raise Unexpected(f"still {execution.status} after {ASYNC_DEADLINE_SECONDS} s")
        execution.checkStatus(sleepSecs=STATUS_INTERVAL_SECONDS)
        print("status:", execution.status, execution.percentCompleted)
    expect(execution.isSucceded(), f"final status {execution.status}")
    expect(outputs(execution) == {"Result": ["LongProcess ran 2 steps in 1.0 seconds"]}, f"outputs {outputs(execution)}")


STEPS = {
    "capabilities": capabilities,
    "describe": describe,
    "execute-sync": execute_sync,
    "execute-async": execute_async,
}


def main(argv):
    if len(argv) != 3 or argv[2] not in STEPS:
        print(f"usage: {argv[0]} WPS_URL {'|'.join(STEPS)}", file=sys.stderr)
        return 2
    try:
        STEPS[argv[2]](argv[1])
    except Unexpected as e:
        print("unexpected:", e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
