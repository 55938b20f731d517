# ZooKernel.NET sample services for OGC API - Processes tests: echo,
# AsyncEcho and FailingInvalidParameter (see their .zcfg files).
import json
import time

import zoo

MAX_PAUSE = 60.0
BBOX_KEYS = ("crs", "dimensions", "lowerCorner", "upperCorner")


def _given(inputs, name):
    """The input's map when the client gave it a value, else None."""
    inp = inputs.get(name)
    if inp is None:
        return None
    if inp.get("value") in (None, "", "NULL") and not inp.get("cache_file"):
        return None
    return inp


def _content(inp):
    """A complex input's content: its value, or the bytes of the file the
    kernel left it in ([main] memory=protected)."""
    value = inp.get("value")
    if value is not None and value != "NULL":
        return value
    with open(inp["cache_file"], "rb") as f:
        return f.read()


def _values(inp):
    value = inp["value"]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _pause(conf, inputs):
    inp = _given(inputs, "pause")
    if inp is None:
        return True
    try:
        seconds = float(_values(inp)[0])
    except ValueError:
        seconds = -1.0
    if not (0.0 <= seconds <= MAX_PAUSE):
        conf["lenv"]["message"] = zoo._("pause must be a number of seconds from 0 to 60.")
        conf["lenv"]["code"] = "InvalidParameterValue"
        conf["lenv"]["locator"] = "pause"
        return False
    time.sleep(seconds)
    return True


def _echo_literal(inputs, outputs, name):
    inp = _given(inputs, name)
    if inp is not None and name in outputs:
        outputs[name]["value"] = _values(inp)[0]


def _echo_complex(inputs, outputs, name, media_types):
    inp = _given(inputs, name)
    if inp is None or name not in outputs:
        return
    out = outputs[name]
    out["value"] = _content(inp)
    if inp.get("mimeType") in media_types:
        out["mimeType"] = inp["mimeType"]


def _echo_bbox(inputs, outputs, name):
    inp = _given(inputs, name)
    if inp is None or name not in outputs:
        return
    out = outputs[name]
    out["value"] = inp["value"]
    for key in BBOX_KEYS:
        if key in inp:
            out[key] = inp[key]


def _echo_array(conf, inputs, outputs, name):
    inp = _given(inputs, name)
    if inp is None or name not in outputs:
        return True
    try:
        numbers = [int(v) for v in _values(inp)]
    except ValueError:
        conf["lenv"]["message"] = zoo._("%s must hold integers only.") % name
        conf["lenv"]["code"] = "InvalidParameterValue"
        conf["lenv"]["locator"] = name
        return False
    outputs[name]["value"] = json.dumps(numbers)
    outputs[name]["mimeType"] = "application/json"
    return True


def echo(conf, inputs, outputs):
    if not _pause(conf, inputs):
        return zoo.SERVICE_FAILED
    _echo_literal(inputs, outputs, "a")
    _echo_complex(inputs, outputs, "b", ("text/xml", "application/json"))
    _echo_bbox(inputs, outputs, "c")
    if not _echo_array(conf, inputs, outputs, "d"):
        return zoo.SERVICE_FAILED
    _echo_complex(inputs, outputs, "e", ("image/tiff",))
    return zoo.SERVICE_SUCCEEDED


def AsyncEcho(conf, inputs, outputs):
    if not _pause(conf, inputs):
        return zoo.SERVICE_FAILED
    _echo_literal(inputs, outputs, "a")
    return zoo.SERVICE_SUCCEEDED


def FailingInvalidParameter(conf, inputs, outputs):
    conf["lenv"]["message"] = zoo._("FailingInvalidParameter refuses every value: it exists to test how a rejected input is reported.")
    conf["lenv"]["code"] = "InvalidParameterValue"
    conf["lenv"]["locator"] = "a"
    return zoo.SERVICE_FAILED
