# Recorder (see Recorder.zcfg): hands back, as JSON, the input maps exactly as the kernel built them, and
# the bytes of every file they name as cache_file (read now: a synchronous run's input files are removed
# once it answers). bytes values are written {"$bytes": "<base64>"}.
import base64
import json

import zoo


def _plain(value):
    if isinstance(value, (bytes, bytearray)):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value if value is None or isinstance(value, str) else str(value)


def _files(inputs):
    """Path -> base64 of its bytes (null when it cannot be read), for every cache_file key."""
    found = {}
    for content in inputs.values():
        for key, value in content.items():
            if not key.lower().startswith("cache_file"):
                continue
            for path in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(path, str) and path and path not in found:
                    try:
                        with open(path, "rb") as data:
                            found[path] = base64.b64encode(data.read()).decode("ascii")
                    except OSError:
                        found[path] = None
    return found


def Recorder(conf, inputs, outputs):
    record = {
        "inputs": _plain(inputs),
        "files": _files(inputs),
        "tmpPath": conf["main"].get("tmpPath"),
        "tmpUrl": conf["main"].get("tmpUrl"),
        "usid": conf["lenv"].get("usid"),
    }
    outputs["Result"]["value"] = json.dumps(record)
    return zoo.SERVICE_SUCCEEDED
