# ZooKernel.NET sample service: Calculate (see Calculate.zcfg).
# Aggregates the "numbers" input (maxOccurs=unbounded), multiplies by
# "factor" (AllowedValues) and adds "offset" (range [-100,100[).
import zoo

OPERATIONS = ("sum", "mean", "min", "max")
ALLOWED_FACTORS = (1, 2, 5, 10)
TO_METERS = {"meter": 1.0, "kilometer": 1000.0}


def _values(inputs, name):
    """All values given for an input, as a list of strings.

    The kernel passes a single occurrence as a string and several
    occurrences as a list; a missing optional input has no entry."""
    if name not in inputs or "value" not in inputs[name]:
        return []
    value = inputs[name]["value"]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if value is None or value == "NULL":
        return []
    return [str(value)]


def _first(inputs, name, default):
    values = _values(inputs, name)
    return values[0] if values else default


def _uom(inputs, name):
    uom = inputs.get(name, {}).get("uom", "meter")
    if isinstance(uom, (list, tuple)):
        uom = uom[0] if uom else "meter"
    return uom or "meter"


def _set(outputs, name, value):
    """Set an output's value; outputs the client did not ask for are absent."""
    if name in outputs:
        outputs[name]["value"] = value


def _fail(conf, message):
    conf["lenv"]["message"] = message
    return zoo.SERVICE_FAILED


def Calculate(conf, inputs, outputs):
    raw_numbers = _values(inputs, "numbers")
    if not raw_numbers:
        return _fail(conf, zoo._("Calculate: at least one value is required for the numbers input."))
    try:
        numbers = [float(v) for v in raw_numbers]
    except ValueError:
        return _fail(conf, zoo._("Calculate: every value of the numbers input must be a number."))

    uom = _uom(inputs, "numbers")
    if uom not in TO_METERS:
        return _fail(conf, zoo._("Calculate: unsupported unit of measure for numbers: ") + uom)
    numbers = [n * TO_METERS[uom] for n in numbers]

    try:
        factor = int(_first(inputs, "factor", ""))
    except ValueError:
        return _fail(conf, zoo._("Calculate: the factor input must be an integer."))
    if factor not in ALLOWED_FACTORS:
        return _fail(conf, zoo._("Calculate: the factor input must be one of 1, 2, 5 or 10."))

    try:
        offset = float(_first(inputs, "offset", "0"))
    except ValueError:
        return _fail(conf, zoo._("Calculate: the offset input must be a number."))
    if not (-100.0 <= offset < 100.0):
        return _fail(conf, zoo._("Calculate: the offset input must be in [-100,100[."))

    operation = _first(inputs, "operation", "sum")
    if operation not in OPERATIONS:
        return _fail(conf, zoo._("Calculate: the operation input must be one of sum, mean, min or max."))
    label = _first(inputs, "label", "result")

    if operation == "sum":
        aggregate = sum(numbers)
    elif operation == "mean":
        aggregate = sum(numbers) / len(numbers)
    elif operation == "min":
        aggregate = min(numbers)
    else:
        aggregate = max(numbers)
    result = aggregate * factor + offset

    _set(outputs, "Result", repr(result))
    _set(outputs, "Count", str(len(numbers)))
    _set(outputs, "Summary", "%s: %s(%d numbers) * %d + %s = %s" % (
        label, operation, len(numbers), factor, repr(offset), repr(result)))
    return zoo.SERVICE_SUCCEEDED
