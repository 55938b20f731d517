# ZooKernel.NET sample service of the demo namespace: demo.WordCount
# (see WordCount.zcfg). The kernel loads this module relative to the
# namespace directory.
import json

import zoo


def _set(outputs, name, value):
    """Set an output's value; outputs the client did not ask for are absent."""
    if name in outputs:
        outputs[name]["value"] = value


def WordCount(conf, inputs, outputs):
    inp = inputs.get("text", {})
    text = inp.get("value")
    if (text is None or text == "NULL") and inp.get("cache_file"):
        with open(inp["cache_file"], "rb") as f:
            text = f.read()
    if text is None or text == "NULL":
        conf["lenv"]["message"] = zoo._("WordCount: the text input is missing.")
        return zoo.SERVICE_FAILED
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            conf["lenv"]["message"] = zoo._("WordCount: the text input is not valid UTF-8.")
            return zoo.SERVICE_FAILED

    words = len(text.split())
    lines = len(text.splitlines())
    _set(outputs, "Words", str(words))
    _set(outputs, "Lines", str(lines))
    _set(outputs, "Summary", json.dumps({"words": words, "lines": lines, "characters": len(text)}))
    return zoo.SERVICE_SUCCEEDED
