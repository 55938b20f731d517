# ZooKernel.NET sample services of the ogc/tests namespace:
# ogc.tests.Echo and ogc.tests.Reverse-Text (see Echo.zcfg, Reverse-Text.zcfg).
# The kernel loads this module relative to the namespace directory.
import zoo


def _text(inputs, name):
    value = inputs.get(name, {}).get("value")
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    if value is None or value == "NULL":
        return None
    return value


def Echo(conf, inputs, outputs):
    message = _text(inputs, "message")
    if message is None:
        conf["lenv"]["message"] = zoo._("Echo: the message input is missing.")
        return zoo.SERVICE_FAILED
    outputs["Result"]["value"] = message
    return zoo.SERVICE_SUCCEEDED


# Process "Reverse-Text": the kernel calls the function named after the
# process with '-' replaced by '_'.
def Reverse_Text(conf, inputs, outputs):
    text = _text(inputs, "text")
    if text is None:
        conf["lenv"]["message"] = zoo._("Reverse-Text: the text input is missing.")
        return zoo.SERVICE_FAILED
    outputs["Result"]["value"] = text[::-1]
    return zoo.SERVICE_SUCCEEDED
