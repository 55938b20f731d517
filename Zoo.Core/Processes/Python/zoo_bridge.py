# ZooKernel.NET - Python service bridge.
#
# The kernel runs this file as `python3 -c <source>` with the service's
# directory as working directory, writes ONE JSON request on stdin and closes
# it:
#   {"module", "function", "path": [...], "conf": {...}, "inputs": {...},
#    "outputs": {...}, "status_file": "<tmpPath>/<usid>.status" | null}
# Map values are strings, or {"$bytes": "<base64>"} for Python bytes, or (for
# inputs with several occurrences) lists of those.
#
# The bridge imports the service module, calls function(conf, inputs, outputs)
# and writes ONE JSON document on the real stdout, then exits with status 0:
#   {"code": int | null, "conf": {...}, "outputs": {...},
#    "error": null | {"kind", "message", "traceback"}}
# with kind one of "import", "missing_function", "exception", "bad_return".
#
# Nothing the service prints (Python or native code) may reach the kernel's
# stdout: fd 1 is pointed at fd 2 before anything else happens and the result
# goes to a private duplicate of the original stdout.
#
# Data in files arrives as {"$file": "<path>"} (with "$as": "base64" for
# base64_value) and is read here, so that the kernel never holds it.
#
# Kept lean on purpose (start-up time is paid on every Execute): only sys, os,
# binascii, atexit and _json (the C accelerator of json, which spares the
# import of re, enum, functools, collections... about 10 ms) are used on the
# normal path; the json package is imported only if _json is unusable, and
# traceback only on error.
import sys
import os

# --- 0. A process group of its own --------------------------------------------
# The kernel stops the service's whole group (at its timeout, and once it has
# answered), so that a child the service left behind never keeps the request
# or the job alive.
try:
    os.setpgid(0, 0)
except OSError:
    pass

# --- 1. Take the real stdout away from everything else ----------------------
try:
    _RESULT_FD = os.dup(1)          # non-inheritable (O_CLOEXEC) by default
except OSError:
    _RESULT_FD = None
try:
    os.dup2(2, 1)
except OSError:
    pass
sys.stdout = sys.stderr

import binascii
import atexit


class _JsonContext(object):
    # What _json.make_scanner reads: json's default decoding settings.
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = float      # NaN, Infinity, -Infinity


def load_json(raw):
    """json.loads(raw) for UTF-8 bytes, without importing the json package
    when the C scanner is available."""
    try:
        import _json
        text = raw.decode("utf-8")
        blanks = " \t\n\r"
        start = len(text) - len(text.lstrip(blanks))
        value, end = _json.make_scanner(_JsonContext())(text, start)
        if text[end:].strip(blanks):
            raise ValueError("extra data")
        return value
    except Exception:
        pass
    import json                 # slower path; also gives the precise error
    return json.loads(raw)


def _not_serialisable(value):
    raise TypeError("%s is not JSON serialisable" % type(value).__name__)


def dump_json(value):
    """Compact, pure-ASCII JSON text of a tree of dict/list/str/int/None.
    (ASCII escaping is about 5 times faster than keeping non-ASCII text,
    which matters for the base64 of large binary outputs.)"""
    try:
        import _json
        encoder = _json.make_encoder(None, _not_serialisable, _json.encode_basestring_ascii,
                                     None, ":", ",", False, False, True)
        chunks = encoder(value, 0)
    except Exception:
        import json
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return "".join(chunks)


def _zoo_bridge():
    bridge_pid = os.getpid()

    # Status constants, in ZOO's ZOO_STATUS order.
    status_names = ("SERVICE_ACCEPTED", "SERVICE_STARTED", "SERVICE_PAUSED",
                    "SERVICE_SUCCEEDED", "SERVICE_FAILED", "SERVICE_DISMISSED",
                    "SERVICE_DEPLOYED", "SERVICE_UNDEPLOYED")
    int_min, int_max = -2147483648, 2147483647
    state = {"status_file": None}
    active = set()      # ids of the containers being encoded (cycle guard)

    def stderr_line(text):
        """Write one line on fd 2, whatever the service did to sys.stderr."""
        try:
            sys.stderr.flush()
        except Exception:
            pass
        try:
            data = (text + "\n").encode("utf-8", "replace")
            while data:
                data = data[os.write(2, data):]
        except Exception:
            pass

    # --- $bytes and $file markers <-> values ---------------------------------
    def read_file(path, as_base64):
        """Data the kernel left in a file: text when it is UTF-8, bytes
        otherwise, or its base64 text (ZOO's base64_value)."""
        with open(path, "rb") as data_file:
            data = data_file.read()
        if as_base64:
            return binascii.b2a_base64(data, newline=False).decode("ascii")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data

    def decode_tree(value):
        if isinstance(value, dict):
            if len(value) == 1 and "$bytes" in value:
                raw = value["$bytes"]
                if isinstance(raw, str):
                    try:
                        return binascii.a2b_base64(raw)
                    except (binascii.Error, ValueError):
                        return raw.encode("utf-8", "replace")
            if "$file" in value and isinstance(value["$file"], str) and len(value) <= 2:
                try:
                    return read_file(value["$file"], value.get("$as") == "base64")
                except OSError as exc:
                    stderr_line("[ZOO-BRIDGE] unable to read the input file %s: %s" % (value["$file"], exc))
                    return ""
            return {k: decode_tree(v) for k, v in value.items()}
        if isinstance(value, list):
            return [decode_tree(v) for v in value]
        return value

    def clean_str(text):
        """A str that is valid UTF-8 once encoded (lone surrogates replaced;
        surrogate-escaped bytes decoded as UTF-8 where possible)."""
        try:
            text.encode("utf-8")
            return text
        except UnicodeEncodeError:
            pass
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:
            return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)

    def as_text(value, clean):
        try:
            text = str(value)
        except Exception:
            try:
                text = repr(value)
            except Exception:
                text = "<unprintable %s>" % type(value).__name__
        if not isinstance(text, str):
            text = "<unprintable %s>" % type(value).__name__
        return clean_str(text) if clean else text

    def encode_value(value, clean, depth=0):
        """Python value -> JSON-ready value following the bridge protocol.
        Containers nested too deep or referring to themselves become text."""
        if isinstance(value, str):
            return clean_str(value) if clean else value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (bytes, bytearray, memoryview)):
            if isinstance(value, memoryview):
                value = value.tobytes()
            return {"$bytes": binascii.b2a_base64(value, newline=False).decode("ascii")}
        if isinstance(value, (int, float)):
            return as_text(value, clean)
        if depth < 64 and id(value) not in active:
            if isinstance(value, dict):
                return encode_map(value, clean, depth + 1)
            if isinstance(value, (list, tuple)):
                active.add(id(value))
                try:
                    # None keeps its slot (parallel lists: value/size/mimeType...).
                    return ["" if item is None else encode_value(item, clean, depth + 1)
                            for item in list(value)]
                finally:
                    active.discard(id(value))
        return as_text(value, clean)

    def encode_key(key, clean):
        if isinstance(key, (bytes, bytearray)):
            key = bytes(key).decode("utf-8", "replace")
        if isinstance(key, str):
            return clean_str(key) if clean else key
        return as_text(key, clean)

    def encode_map(mapping, clean, depth):
        result = {}
        active.add(id(mapping))
        try:
            for key, item in list(mapping.items()):
                if item is None:
                    continue
                result[encode_key(key, clean)] = encode_value(item, clean, depth)
        finally:
            active.discard(id(mapping))
        return result

    def encode_maps(maps, clean, what):
        """conf or outputs: a dict of dicts (one per section / output)."""
        result = {}
        active.clear()
        if not isinstance(maps, dict):
            if not clean:
                stderr_line("[ZOO-BRIDGE] %s is not a dict any more; returned empty" % what)
            return result
        for name, section in list(maps.items()):
            if section is None:
                continue
            key = encode_key(name, clean)
            if isinstance(section, dict):
                result[key] = encode_map(section, clean, 1)
            elif what == "outputs":
                # The service replaced the output map by its value.
                result[key] = {"value": encode_value(section, clean, 1)}
            elif not clean:
                stderr_line("[ZOO-BRIDGE] conf[%r] is not a dict; dropped" % (key,))
        return result

    # --- result document -------------------------------------------------------
    def emit(code, conf, outputs, error):
        if os.getpid() != bridge_pid:
            # A child forked by the service came back here: it has no say.
            os._exit(0)
        data = failure = None
        for clean in (False, True):
            try:
                doc = {
                    "code": code,
                    "conf": encode_maps(conf, clean, "conf"),
                    "outputs": encode_maps(outputs, clean, "outputs"),
                    "error": error if not clean or error is None else
                    {k: clean_str(v) for k, v in error.items()},
                }
                text = dump_json(doc)
                if not clean and "\\ud" in text:
                    # Maybe a lone surrogate (invalid UTF-16 for the kernel):
                    # encode again with every string checked.
                    continue
                data = text.encode("ascii")
                break
            except Exception as exc:   # e.g. UnicodeEncodeError, RecursionError
                failure = exc
        if data is None:
            message = "ZooKernel.NET Python bridge: unable to serialise the result: %s" % (
                as_text(failure, True),)
            stderr_line("[ZOO-BRIDGE] " + message)
            data = dump_json({
                "code": None, "conf": {}, "outputs": {},
                "error": {"kind": "exception", "message": message, "traceback": ""},
            }).encode("utf-8", "replace")
        write_result(data)

    def error_doc(kind, message, trace=""):
        return {"kind": kind, "message": message, "traceback": trace}

    def format_trace(exc, skip_first):
        """Traceback text of exc; skip_first drops the bridge's own frame."""
        import traceback
        tb = exc.__traceback__
        if skip_first and tb is not None:
            tb = tb.tb_next
        try:
            return "".join(traceback.format_exception(type(exc), exc, tb)).rstrip("\n")
        except Exception:
            return as_text(exc, True)

    def exception_text(exc):
        import traceback
        try:
            return "".join(traceback.format_exception_only(type(exc), exc)).strip()
        except Exception:
            return as_text(exc, True)

    def mark_trace(conf):
        # ZOO sets [lenv] trace=true when reporting a Python error.
        try:
            if isinstance(conf, dict):
                lenv = conf.setdefault("lenv", {})
                if isinstance(lenv, dict):
                    lenv["trace"] = "true"
        except Exception:
            pass

    # --- the zoo module ----------------------------------------------------------
    def make_zoo_module():
        zoo = type(sys)("zoo")
        zoo.__doc__ = "ZOO-API for Python services (ZooKernel.NET)."
        for number, name in enumerate(status_names):
            setattr(zoo, name, number)
        zoo.VERSION = "2.0.0"
        zoo_exception = type("exception", (Exception,), {"__module__": "zoo"})
        zoo.exception = zoo_exception

        def translate(text="", *args, **kwargs):
            """gettext stand-in: the text, unchanged."""
            return text

        def write_status(status, message):
            path = state["status_file"]
            if not path:
                return
            if isinstance(message, (bytes, bytearray)):
                message = bytes(message).decode("utf-8", "replace")
            elif not isinstance(message, str):
                message = as_text(message, True)
            # ZOO writes the file only when there is a real message.
            if len(message.encode("utf-8", "replace")) <= 1:
                return
            payload = ("%s|%s" % (status, message)).encode("utf-8", "replace")
            directory, base = os.path.split(path)
            # An unpredictable name, created exclusively and never through a
            # link: tmpPath is shared, and nothing planted there is written through.
            temp = os.path.join(directory, ".%s.%s.tmp" % (base, binascii.hexlify(os.urandom(8)).decode("ascii")))
            try:
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
                try:
                    while payload:
                        payload = payload[os.write(fd, payload):]
                finally:
                    os.close(fd)
                os.replace(temp, path)
            except OSError as exc:
                stderr_line("[ZOO-BRIDGE] unable to write the status file %s: %s" % (path, exc))
                if not isinstance(exc, FileExistsError):
                    try:
                        os.unlink(temp)
                    except OSError:
                        pass

        def update_status(conf, percent):
            """Record the progress (0..100) of the running service."""
            if not isinstance(conf, dict):
                raise TypeError("update_status() argument 1 must be dict, not %s"
                                % type(conf).__name__)
            try:
                if isinstance(percent, (str, bytes, bytearray)):
                    value = int(float(percent))
                else:
                    value = int(percent)
            except (TypeError, ValueError, OverflowError):
                raise TypeError("update_status() argument 2 must be an integer percentage")
            if value < 0 or value > 100:
                raise zoo_exception("Status must be a percentage.")
            lenv = conf.get("lenv")
            if not isinstance(lenv, dict):
                lenv = conf["lenv"] = {}
            lenv["status"] = str(value)
            write_status(value, lenv.get("message", ""))
            return None

        def logger(level):
            def log(message="", *args, **kwargs):
                try:
                    frame = sys._getframe(1)
                    where = "%s:%d %s" % (frame.f_code.co_filename, frame.f_lineno,
                                          frame.f_code.co_name)
                except Exception:
                    where = "?"
                stderr_line("[ZOO-%s] %s: %s" % (level, where, as_text(message, True)))
                return None
            log.__name__ = level.lower()
            log.__doc__ = "Equivalent to logger.%s()." % level.lower()
            return log

        zoo._ = translate
        zoo.update_status = update_status
        for level in ("TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"):
            setattr(zoo, level.lower(), logger(level))
        for attr in ("_", "update_status"):
            getattr(zoo, attr).__module__ = "zoo"
        return zoo

    # --- run ---------------------------------------------------------------------
    conf, outputs = {}, {}
    try:
        stdin = sys.stdin.buffer if sys.stdin is not None else None
        raw = stdin.read() if stdin is not None else b""
        request = load_json(raw) if raw else None
        if not isinstance(request, dict):
            raise ValueError("the request is not a JSON object")
    except Exception as exc:
        emit(None, conf, outputs, error_doc(
            "exception", "ZooKernel.NET Python bridge: invalid request: %s" % exception_text(exc)))
        return

    # The service gets an empty stdin.
    try:
        null_fd = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null_fd, 0)
        os.close(null_fd)
        sys.stdin = open(os.devnull, "r")
    except Exception:
        pass

    module_name = request.get("module")
    function_name = request.get("function")
    conf = decode_tree(request.get("conf"))
    inputs = decode_tree(request.get("inputs"))
    outputs = decode_tree(request.get("outputs"))
    if not isinstance(conf, dict):
        conf = {}
    if not isinstance(inputs, dict):
        inputs = {}
    if not isinstance(outputs, dict):
        outputs = {}
    status_file = request.get("status_file")
    state["status_file"] = status_file if isinstance(status_file, str) and status_file else None
    path_entries = request.get("path")
    if not isinstance(path_entries, list):
        path_entries = []
    del request, raw

    # 2. sys.path: the given entries first, in order, each once.
    try:
        paths = []
        for entry in path_entries:
            if isinstance(entry, str) and entry not in paths:
                paths.append(entry)
        sys.path[:] = paths + [p for p in sys.path if p not in paths]
    except Exception:
        pass

    # 3. the zoo module.
    try:
        sys.modules["zoo"] = make_zoo_module()
    except Exception as exc:
        stderr_line("[ZOO-BRIDGE] unable to create the zoo module: %s" % exception_text(exc))

    if not isinstance(module_name, str) or not module_name:
        emit(None, conf, outputs, error_doc(
            "import", "Python module %s cannot be loaded. Message: no module name given"
            % (module_name,)))
        return

    # 5. import the service module.
    try:
        __import__(module_name)
        module = sys.modules[module_name]
    except BaseException as exc:
        mark_trace(conf)
        trace = format_trace(exc, True)
        stderr_line("[ZOO-BRIDGE] importing %s raised:\n%s" % (module_name, trace))
        emit(None, conf, outputs, error_doc(
            "import",
            "Python module %s cannot be loaded. Message: %s" % (module_name, exception_text(exc)),
            trace))
        return

    # 6. the function.
    function = None
    if isinstance(function_name, str) and function_name:
        try:
            function = getattr(module, function_name, None)
        except BaseException:
            function = None
    if function is None or not callable(function):
        emit(None, conf, outputs, error_doc(
            "missing_function",
            "Cannot find the %s function in the %s file." % (function_name, module_name)))
        return

    # 7. run it.
    try:
        returned = function(conf, inputs, outputs)
    except BaseException as exc:   # SystemExit and KeyboardInterrupt included
        trace = format_trace(exc, True)
        mark_trace(conf)
        # The traceback (file names, code lines, local details) goes to the
        # server's log; the client is told what went wrong, not where.
        stderr_line("[ZOO-BRIDGE] %s.%s raised:\n%s" % (module_name, function_name, trace))
        emit(None, conf, outputs, error_doc(
            "exception",
            "Unable to run your python process properly. Please check the following messages : %s"
            % exception_text(exc), trace))
        return

    # An int (or an integer-like object such as numpy.int64), but not a bool.
    code = None
    if not isinstance(returned, bool):
        try:
            code = int(type(returned).__index__(returned))
        except Exception:
            code = None
    if code is not None and int_min <= code <= int_max:
        emit(code, conf, outputs, None)
    else:
        if code is not None:
            what = "an integer out of range"
        else:
            what = "a value of type %s" % type(returned).__name__
        emit(None, conf, outputs, error_doc(
            "bad_return",
            "The %s function in the %s file returned %s (%s); an integer status "
            "(zoo.SERVICE_SUCCEEDED or zoo.SERVICE_FAILED) is expected."
            % (function_name, module_name, what, as_text(repr_short(returned), True))))


def repr_short(value):
    try:
        text = repr(value)
    except Exception:
        text = "<%s>" % type(value).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def write_result(data):
    """Write the result on the saved stdout, then close it (EOF for the kernel)."""
    global _RESULT_FD
    fd = _RESULT_FD
    if fd is None:
        return
    _RESULT_FD = None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError:
        pass
    try:
        os.close(fd)
    except OSError:
        pass


def _finish():
    """Run the service's atexit handlers, flush and leave without waiting for
    threads the service may have left running: the bridge ends its whole
    process group (it is the leader), so that nothing the service started
    outlives it; the kernel knows that end by its SIGKILL status. Without a
    group of its own it leaves with status 0 and the kernel ends the rest."""
    try:
        atexit._run_exitfuncs()
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr, sys.__stderr__):
        try:
            stream.flush()
        except BaseException:
            pass
    try:
        if os.getpgid(0) == os.getpid():
            # SIGKILL by number: the signal module imports enum, which costs more than the service.
            os.killpg(0, 9)
    except BaseException:
        pass
    os._exit(0)


try:
    _zoo_bridge()
except BaseException as _exc:
    # Last resort: never leave without a result document.
    try:
        _msg = "ZooKernel.NET Python bridge failure: %s: %s" % (type(_exc).__name__, _exc)
    except BaseException:
        _msg = "ZooKernel.NET Python bridge failure"
    try:
        write_result(dump_json({"code": None, "conf": {}, "outputs": {},
                                "error": {"kind": "exception", "message": _msg,
                                          "traceback": ""}}).encode("utf-8", "replace"))
    except BaseException:
        write_result(b'{"code":null,"conf":{},"outputs":{},"error":{"kind":"exception",'
                     b'"message":"ZooKernel.NET Python bridge failure","traceback":""}}')
_finish()
